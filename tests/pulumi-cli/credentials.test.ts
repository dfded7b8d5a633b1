/**
 * Credentials as users set them, through the real Pulumi CLI: stack config with `--secret`, `OVH_*`
 * environment, `~/.ovh.conf`, OAuth2. Each applies a record and destroys it; the state file the backend wrote
 * is read as text and must hold no credential. Then what rotating a consumer key between `up` and
 * `refresh`/`destroy` really does (docs/pulumi-cli.md, "Rotating credentials").
 */
import { startEmulator, type Emulator } from "../../emulator";
import type { PulumiWorkspace } from "../../tools/pulumi-cli";
import { cliStack, RECORDS_PROGRAM, RecordsFile, zoneLines, type CredentialSource } from "./support";

jest.setTimeout(900_000);

const www = { subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 };
const APP_KEY = "rotationTestAppKey";
const NEW_CK = "rotatedConsumerKey00000000000000";

describe("credentials through the real Pulumi CLI", () => {
  let emulator: Emulator;
  let file: RecordsFile;
  let ws: PulumiWorkspace | undefined;
  beforeEach(async () => {
    emulator = await startEmulator({
      zones: { "example.com": [] },
      defaultCredentials: { applicationKey: APP_KEY },
      consumerKeys: [{ consumerKey: NEW_CK, applicationKey: APP_KEY }],
    });
    file = new RecordsFile();
    file.declare({ www });
  });
  afterEach(async () => {
    ws?.remove();
    file.remove();
    await emulator.close();
  });

  it.each<CredentialSource>(["stack-config", "env", "ovh.conf", "oauth2"])(
    "%s: up and destroy work, and the state file holds no credential", async (source) => {
      ws = await cliStack(RECORDS_PROGRAM, emulator, source, { config: { recordsFile: file.path } });
      await ws.up();
      expect(zoneLines(emulator)).toEqual(["www A 203.0.113.10 3600"]);
      const c = emulator.credentials;
      const state = ws.stateFileText();
      expect(state).toContain("pulumi-nodejs:dynamic/ovhdns:ZoneRecord"); // it is the real state file
      for (const secret of [c.applicationSecret, c.consumerKey, c.clientSecret]) expect(state).not.toContain(secret);
      if (source === "oauth2") expect(emulator.log.some((e) => e.clientId === c.clientId)).toBe(true);
      await ws.destroy();
      expect(zoneLines(emulator)).toEqual([]);
    });

  it("a consumer key rotated in stack config: refresh and destroy use the provider entry of the state until an up, or --run-program", async () => {
    const oldCk = emulator.credentials.consumerKey;
    ws = await cliStack(RECORDS_PROGRAM, emulator, "stack-config", { config: { recordsFile: file.path } });
    await ws.up();
    await ws.setConfig("ovh:consumerKey", NEW_CK, true);
    const keysOf = async (run: () => Promise<unknown>) => {
      const before = emulator.log.length;
      await run();
      return [...new Set(emulator.log.slice(before).filter((e) => e.path !== "/auth/time").map((e) => e.consumerKey))];
    };
    // The engine configures refresh from the provider entry it stored at the last up: the old key.
    expect(await keysOf(() => ws!.refresh())).toEqual([oldCk]);
    // --run-program runs the program, so the provider gets the current config: the new key.
    expect(await keysOf(() => ws!.refresh(["--run-program"]))).toEqual([NEW_CK]);
    // An up with nothing to change still stores the new config in the provider entry...
    await ws.up();
    // ...after which refresh and destroy use the new key too.
    expect(await keysOf(() => ws!.refresh())).toEqual([NEW_CK]);
    expect(await keysOf(() => ws!.destroy())).toEqual([NEW_CK]);
    expect(zoneLines(emulator)).toEqual([]);
  });
});
