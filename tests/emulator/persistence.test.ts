import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import { ovhCall } from "./helpers/ovh-call";

describe("emulator state file", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "ovh-emulator-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("round-trips zones, records, pending changes, domains and the id counter", async () => {
    const stateFile = join(dir, "state.json");
    const first = await startEmulator({ stateFile, zones: { "example.com": [{ fieldType: "A", subDomain: "www", target: "192.0.2.1" }] } });
    await ovhCall(first, "POST", "/domain/zone/example.com/record", { body: { fieldType: "TXT", subDomain: "t", target: "hello" } });
    const before = first.zone("example.com");
    await first.close();

    const saved = JSON.parse(readFileSync(stateFile, "utf8")) as { version: number; nextRecordId: number; domains: string[] };
    expect([saved.version, saved.nextRecordId, saved.domains]).toEqual([1, 5_390_038_377, ["example.com"]]);

    const second = await startEmulator({ stateFile, zones: { "example.com": [] } });
    try {
      const after = second.zone("example.com");
      expect(after.records).toEqual(before.records);
      expect(after.pendingChanges).toBe(true);
      expect(after.exportText()).toBe(before.exportText());
      expect((await ovhCall(second, "GET", "/domain")).json).toEqual(["example.com"]);
      const next = await ovhCall(second, "POST", "/domain/zone/example.com/record", { body: { fieldType: "A", target: "192.0.2.2" } });
      expect((next.json as { id: number }).id).toBe(5_390_038_377);
    } finally {
      await second.close();
    }
  });

  test("is not redirected by symlinks planted at the old temporary name (<file>.<pid>.tmp), and leaves no temporary name", async () => {
    const stateFile = join(dir, "state.json");
    const victim = join(dir, "victim");
    writeFileSync(victim, "victim's own text\n");
    symlinkSync(victim, `${stateFile}.${process.pid}.tmp`);
    const emu = await startEmulator({ stateFile, zones: { "example.com": [] } });
    await ovhCall(emu, "POST", "/domain/zone/example.com/record", { body: { fieldType: "A", subDomain: "www", target: "192.0.2.1" } });
    await emu.close();
    expect(readFileSync(victim, "utf8")).toBe("victim's own text\n");
    expect(lstatSync(stateFile).isFile()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["state.json", `state.json.${process.pid}.tmp`, "victim"]);
  });

  test("refuses a state file that is a symbolic link, naming it", async () => {
    const stateFile = join(dir, "state.json");
    symlinkSync(join(dir, "elsewhere.json"), stateFile);
    await expect(startEmulator({ stateFile })).rejects.toThrow(`OVH emulator: state file ${stateFile} is a symbolic link: give the path of the file itself`);
  });

  test("writes no credential to the file", async () => {
    const stateFile = join(dir, "state.json");
    const emu = await startEmulator({ stateFile, zones: { "example.com": [] } });
    await ovhCall(emu, "POST", "/domain/zone/example.com/refresh");
    await emu.close();
    const text = readFileSync(stateFile, "utf8");
    for (const secret of Object.values(emu.credentials).filter((v) => !v.startsWith("http"))) {
      expect(text).not.toContain(secret);
    }
  });

  test("refuses to start on a state file that is not valid JSON", async () => {
    const stateFile = join(dir, "broken.json");
    writeFileSync(stateFile, "{ nope");
    await expect(startEmulator({ stateFile })).rejects.toThrow(/not valid JSON/);
  });

  test("refuses to start on a state file of an unknown format", async () => {
    const stateFile = join(dir, "other.json");
    writeFileSync(stateFile, JSON.stringify({ version: 9, zones: {} }));
    await expect(startEmulator({ stateFile })).rejects.toThrow(/unknown format/);
  });
});
