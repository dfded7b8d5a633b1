/**
 * `export` of a zone with DynHost records, against the emulator: `--format ts` declares each as a DynHostRecord
 * with `adopt: true` (tests/pulumi-cli/dynhost.test.ts runs it), `--format yaml` and `--format bind` write them as
 * comments; a key that may not list them gets the records and a line saying so.
 */
import { startEmulator, type Emulator } from "../../emulator";
import { CliSandbox, emulatorEnv } from "./cli-rig";
import { ovhCall } from "../emulator/helpers/ovh-call";

describe("pulumi-ovh-dns export of DynHost records", () => {
  let emulator: Emulator;
  let sandbox: CliSandbox;
  beforeAll(async () => {
    emulator = await startEmulator({
      zones: { "example.com": [{ subDomain: "www", fieldType: "A", target: "192.0.2.1" }] },
      // A key that may read the records and the redirections, not the DynHost records.
      consumerKeys: [{ consumerKey: "recordsOnlyKey0000000000000000000", applicationKey: "exportApp0000000", rules: [
        { method: "GET", path: "/domain/zone/example.com" }, { method: "GET", path: "/domain/zone/example.com/record*" },
        { method: "GET", path: "/domain/zone/example.com/redirection*" },
      ] }],
      applications: [{ applicationKey: "exportApp0000000", applicationSecret: "exportSecret000000000000000000000" }],
    });
    await ovhCall(emulator, "POST", "/domain/zone/example.com/dynHost/record", { body: { subDomain: "home", ip: "203.0.113.7" } });
    await ovhCall(emulator, "POST", "/domain/zone/example.com/dynHost/record", { body: { subDomain: "", ip: "203.0.113.9" } });
    sandbox = new CliSandbox();
  });
  afterAll(async () => {
    sandbox.remove();
    await emulator.close();
  });

  it("--format ts declares each DynHost record with adopt, after the records", async () => {
    const out = await sandbox.run(["export", "example.com"], emulatorEnv(emulator));
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('new ovhdns.DynHostRecord("dynhost-@", { zoneName, subDomain: "", ip: "203.0.113.9", adopt: true });');
    expect(out.stdout).toContain('new ovhdns.DynHostRecord("dynhost-home", { zoneName, subDomain: "home", ip: "203.0.113.7", adopt: true });');
    expect(out.stderr).toContain("1 record(s) of example.com written; 2 DynHost record(s) written");
  });

  it.each([["yaml", "# "], ["bind", "; "]])("--format %s writes them as comments", async (format, marker) => {
    const out = await sandbox.run(["export", "example.com", "--format", format], emulatorEnv(emulator));
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`${marker}DynHost records (declare each as a DynHostRecord with adopt: true; \`export --format ts\` writes them):`);
    expect(out.stdout).toContain(`${marker}  dynhost-home: {"subDomain":"home","ip":"203.0.113.7"}`);
    expect(out.stderr).toContain("2 DynHost record(s) written as comments (declare each as a DynHostRecord)");
  });

  it("says so when the key may not list DynHost records, and exports the records", async () => {
    const out = await sandbox.run(["export", "example.com"], emulatorEnv(emulator, {
      OVH_APPLICATION_KEY: "exportApp0000000", OVH_APPLICATION_SECRET: "exportSecret000000000000000000000", OVH_CONSUMER_KEY: "recordsOnlyKey0000000000000000000",
    }));
    expect(out.code).toBe(0);
    expect(out.stderr).toContain("DynHost records not read (");
    expect(out.stderr).toContain("export with a key that may GET /domain/zone/example.com/dynHost/record");
    expect(out.stdout).toContain("192.0.2.1");
    expect(out.stdout).not.toContain("DynHostRecord");
  });
});
