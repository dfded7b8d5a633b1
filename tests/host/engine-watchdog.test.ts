/**
 * Issue 16, defect 7: after `kill -9` of `pulumi`, the provider process kept running without its engine. The
 * provider now watches the engine's address and exits once it is gone, after publishing what it changed
 * (provider/zone-record/engine-watchdog.ts).
 */
import * as net from "node:net";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { hostEngineAddress, watchEngine } from "../../provider/zone-record/engine-watchdog";
import { SERIALIZED_PROVIDER, ZONE_RECORD_TYPE } from "../../sdk/zone-record";
import { makeUrn, spawnProviderHost } from "../../tools/plugin-host";
import { stackConfigFor } from "../zone-record/support";

const ROOT = path.resolve(__dirname, "../..");
jest.setTimeout(60_000);

/** Runs the watchdog over a scripted sequence of probe answers; resolves with whether it called onGone. */
function runScript(answers: boolean[]): Promise<boolean> {
  return new Promise((resolve) => {
    let i = 0;
    const stop = watchEngine({
      address: "127.0.0.1:9",
      intervalMs: 1,
      onGone: () => resolve(true),
      probe: async () => {
        if (i >= answers.length) {
          stop();
          resolve(false);
          return false;
        }
        return answers[i++];
      },
    });
  });
}

describe("the engine watchdog", () => {
  it("gives up after three refused probes in a row, once the engine has answered", async () => {
    expect(await runScript([true, false, false, false])).toBe(true);
    expect(await runScript([true, false, false, true, false, false])).toBe(false);
  });

  it("never stops a host whose engine address never answered (a test harness)", async () => {
    expect(await runScript(Array.from({ length: 20 }, () => false))).toBe(false);
  });

  it("runs only in Pulumi's dynamic-provider host", () => {
    expect(hostEngineAddress(["node", "/x/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js", "127.0.0.1:4000"])).toBe("127.0.0.1:4000");
    expect(hostEngineAddress(["node", "/x/node_modules/@pulumi/pulumi/cmd/dynamic-provider", "127.0.0.1:4000"])).toBe("127.0.0.1:4000");
    expect(hostEngineAddress(["node", "/x/node_modules/jest/bin/jest.js", "127.0.0.1:4000"])).toBeUndefined();
  });

  it("runs in the ovhdns plugin too, taking the engine address after the engine's flags", () => {
    expect(hostEngineAddress(["node", "/x/dist/provider/plugin/main.js", "--logtostderr", "-v=9", "127.0.0.1:4001"])).toBe("127.0.0.1:4001");
    expect(hostEngineAddress(["node", "/x/dist/provider/plugin/main.js", "127.0.0.1:4001"])).toBe("127.0.0.1:4001");
    expect(hostEngineAddress(["node", "/x/dist/provider/plugin/server.js", "127.0.0.1:4001"])).toBeUndefined();
  });
});

describe("Pulumi's dynamic-provider host with this provider", () => {
  let emulator: Emulator;
  beforeAll(async () => (emulator = await startEmulator({ zones: { "example.com": [] }, refreshDurationMs: 5 })));
  afterAll(() => emulator.close());

  it("exits by itself once its engine is gone, after the record it created was published", async () => {
    const engine = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => engine.listen(0, "127.0.0.1", resolve));
    const { port } = engine.address() as net.AddressInfo;
    const host = await spawnProviderHost({
      cwd: ROOT, project: "dns", config: stackConfigFor(emulator),
      secretKeys: ["ovh:applicationSecret", "ovh:consumerKey"], engineAddress: `127.0.0.1:${port}`,
    });
    try {
      await host.configure();
      const urn = makeUrn({ stack: "dev", project: "dns", type: ZONE_RECORD_TYPE, name: "www" });
      const www = { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600, __provider: SERIALIZED_PROVIDER };
      await host.create(urn, (await host.check(urn, {}, www)).inputs);
      // Let the watchdog see the engine once (it probes every 2 s), then take the engine away.
      await seenOnce(engine);
      await new Promise<void>((resolve) => engine.close(() => resolve()));
      expect(await host.exited()).toBe(0);
      expect(host.stderr()).toContain(`the Pulumi engine at 127.0.0.1:${port} is gone`);
      expect(emulator.zone("example.com").pendingChanges).toBe(false);
    } finally {
      await host.close();
    }
  });
});

/** Resolves once the server accepted a connection (the watchdog's probe). */
function seenOnce(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.once("connection", () => resolve()));
}
