/**
 * The local engine configures refresh and destroy from the config stored at the last up, as the real
 * engine's provider entry does (tests/pulumi-cli/credentials.test.ts shows the real one), and keeps the new
 * inputs of a resource that did not change.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { RECORDS_PROGRAM, RecordsFile } from "../pulumi-cli/support";
import { LocalEngine } from "../../tools/local-engine/engine";

const APP_KEY = "providerConfigTestApp";
const NEW_CK = "rotatedConsumerKey11111111111111";

describe("the local engine's provider entry", () => {
  let emulator: Emulator;
  let dir: string;
  let file: RecordsFile;
  beforeEach(async () => {
    emulator = await startEmulator({
      zones: { "example.com": [] },
      defaultCredentials: { applicationKey: APP_KEY },
      consumerKeys: [{ consumerKey: NEW_CK, applicationKey: APP_KEY }],
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "provider-config-"));
    file = new RecordsFile();
    file.declare({ www: { subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 } });
  });
  afterEach(async () => {
    file.remove();
    fs.rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  });

  const engine = (consumerKey: string) => new LocalEngine({
    programDir: RECORDS_PROGRAM, stack: "dev", statePath: path.join(dir, "state.json"),
    config: {
      recordsFile: file.path, "ovh:endpoint": emulator.url, "ovh:applicationKey": APP_KEY,
      "ovh:applicationSecret": emulator.credentials.applicationSecret, "ovh:consumerKey": consumerKey,
    },
    secretKeys: ["ovh:applicationSecret", "ovh:consumerKey"],
  });
  const keysOf = async (run: () => Promise<{ ok: boolean; error?: string }>) => {
    const before = emulator.log.length;
    const result = await run();
    expect(result.error).toBeUndefined();
    return [...new Set(emulator.log.slice(before).filter((e) => e.path !== "/auth/time").map((e) => e.consumerKey))];
  };

  it("refresh and destroy sign with the consumer key of the last up until an up stores the new one", async () => {
    const oldCk = emulator.credentials.consumerKey;
    expect(await keysOf(() => engine(oldCk).up())).toEqual([oldCk]);
    expect(await keysOf(() => engine(NEW_CK).refresh())).toEqual([oldCk]);
    await engine(NEW_CK).up();
    expect(await keysOf(() => engine(NEW_CK).refresh())).toEqual([NEW_CK]);
    expect(await keysOf(() => engine(NEW_CK).destroy())).toEqual([NEW_CK]);
    const state = fs.readFileSync(path.join(dir, "state.json"), "utf8");
    for (const secret of [oldCk, NEW_CK, emulator.credentials.applicationSecret]) expect(state).not.toContain(secret);
  });

  it("keeps the new inputs of a resource that did not change (adopt added later)", async () => {
    await engine(emulator.credentials.consumerKey).up();
    file.declare({ www: { subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600, adopt: true } });
    const up = await engine(emulator.credentials.consumerKey).up();
    expect(up.summary).toMatchObject({ same: 1 });
    const state = JSON.parse(fs.readFileSync(path.join(dir, "state.json"), "utf8")) as { resources: { type: string; inputs: Record<string, unknown> }[] };
    expect(state.resources.find((r) => r.type.endsWith("ZoneRecord"))?.inputs.adopt).toBe(true);
  });
});
