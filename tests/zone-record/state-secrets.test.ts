/**
 * What a real `up` writes into the state file: a program (examples/basic) run through the local engine against
 * the emulator, with the credentials set as secret stack config. The file on disk must hold the records and
 * the serialized provider, and no credential, in clear or in any other place.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { LocalEngine } from "../../tools/local-engine/engine";
import { stackConfigFor } from "./support";

describe("the state file of a real up", () => {
  let emulator: Emulator;
  let dir: string;
  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": [] } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovh-dns-state-"));
  });
  afterAll(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("holds every record and the provider's code, and none of the secrets", async () => {
    const statePath = path.join(dir, "basic.json");
    const config = stackConfigFor(emulator);
    const engine = new LocalEngine({
      programDir: path.resolve(__dirname, "../../examples/basic"),
      stack: "test",
      statePath,
      config: { ...config, zoneName: "example.com" },
      secretKeys: ["ovh:applicationSecret", "ovh:consumerKey"],
    });
    const up = await engine.up();
    expect(up.error).toBeUndefined();
    const text = fs.readFileSync(statePath, "utf8");
    // The file is the real one: it names every record the zone now holds, and the provider's code.
    const ids = emulator.zone("example.com").records.map((r) => String(r.id));
    expect(ids).toHaveLength(8);
    for (const id of ids) expect(text).toContain(`"${id}"`);
    expect(text).toContain("__provider");
    // The secrets never appear. The application key is not one (the README sets it without --secret): the
    // provider's entry keeps the stack config, as the real engine's does, so it may be there in plain text.
    const secrets = [config["ovh:applicationSecret"], config["ovh:consumerKey"]];
    expect(secrets.filter((c) => text.includes(c))).toEqual([]);
    await engine.destroy();
  });
});
