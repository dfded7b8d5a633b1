/**
 * ZoneRedirection through the real Pulumi CLI against the emulator: a bad input refused at preview with nothing
 * written; the preview names the exact change; up; a change in place (one PUT); a change that replaces (the new
 * redirection created before the old one is deleted); a change made in the console shown as drift by refresh;
 * destroy; and `export`'s program adopting a zone's redirection and records with no write on its first up.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { changes, type PulumiWorkspace } from "../../tools/pulumi-cli";
import { behindPulumi, cliStack, runExportedProgram, type ExportedRun, withCalls, writes, zoneLines } from "./support";

jest.setTimeout(600_000);

const PROGRAM = path.resolve(__dirname, "../fixtures/redirections-program");
const www = { subDomain: "www", type: "visiblePermanent", target: "https://example.org/" };

/** The JSON file the fixture program reads, rewritten between runs. */
class RedirectionsFile {
  readonly path = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "redirections-")), "redirections.json");
  declare(redirections: Record<string, Record<string, unknown>>, records: Record<string, Record<string, unknown>> = {}): void {
    fs.writeFileSync(this.path, JSON.stringify({ zoneName: "example.com", redirections, records }));
  }
  remove(): void {
    fs.rmSync(path.dirname(this.path), { recursive: true, force: true });
  }
}

describe("ZoneRedirection through the real CLI", () => {
  let emulator: Emulator;
  let ws: PulumiWorkspace;
  let file: RedirectionsFile;
  const redirections = () => emulator.zone("example.com").redirections.map((r) => `${r.id} ${r.subDomain} ${r.type} ${r.target} ${r.title ?? ""}`);
  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": [] } });
    file = new RedirectionsFile();
    ws = await cliStack(PROGRAM, emulator, "stack-config", { config: { redirectionsFile: file.path } });
  });
  afterAll(async () => {
    ws.remove();
    file.remove();
    await emulator.close();
  });

  it("refuses a frame title on a visible redirection at preview, naming the field and the fix, and writes nothing", async () => {
    file.declare({ www: { ...www, title: "Home" } });
    const up = await withCalls(emulator, () => ws.run(["up", "--yes"]));
    expect(up.result.code).not.toBe(0);
    expect(up.result.stdout + up.result.stderr).toContain('title is shown only by an invisible redirection (the frame page\'s title); remove it, or set type to "invisible"');
    expect(up.calls).toEqual([]);
  });

  it("previews the create with no call, then creates it: one POST, the records OVH keeps for it, one refresh", async () => {
    file.declare({ www }, { mx: { fieldType: "MX", target: "10 mx1.example.com." } });
    const preview = await withCalls(emulator, () => ws.preview());
    // The stack itself is created too, under a name of the workspace's.
    expect(changes(preview.result).filter((c) => !c.startsWith("create ovh-dns-redirections-"))).toEqual(["create mx", "create www"]);
    expect(preview.calls).toEqual([]);
    const up = await withCalls(emulator, () => ws.up());
    expect(writes(up.calls)).toEqual(expect.arrayContaining(["POST /domain/zone/example.com/redirection", "POST /domain/zone/example.com/record"]));
    // The redirection and the record share one zone refresh.
    expect(writes(up.calls).filter((c) => c.endsWith("/refresh"))).toHaveLength(1);
    expect(zoneLines(emulator)).toEqual(["@ MX 10 mx1.example.com. 0", "www A 213.186.33.5 0", 'www TXT "1|https://example.org/" 0']);
    expect(changes(await ws.preview())).toEqual([]);
  });

  it("previews a type and target change as an update of exactly those fields, and makes it with one PUT", async () => {
    const [id] = emulator.zone("example.com").redirections.map((r) => r.id);
    file.declare({ www: { ...www, type: "invisible", target: "https://example.net/", title: "Home" } }, { mx: { fieldType: "MX", target: "10 mx1.example.com." } });
    const preview = await ws.preview();
    expect(changes(preview)).toEqual(["update www"]);
    // The dynamic-provider host reports no property list (diffReasons): the CLI's --diff shows what changes.
    const shown = await ws.run(["preview", "--diff"]);
    expect(shown.stdout).toMatch(/~ type\s*:\s*"visiblePermanent" => "invisible"/);
    expect(shown.stdout).toMatch(/~ target\s*:\s*"https:\/\/example.org\/" => "https:\/\/example.net\/"/);
    // The program set no title before: the CLI shows it added.
    expect(shown.stdout).toMatch(/\+ title\s*:\s*"Home"/);
    const up = await withCalls(emulator, () => ws.up());
    expect(writes(up.calls)).toEqual([`PUT /domain/zone/example.com/redirection/${id}`, "POST /domain/zone/example.com/refresh"]);
    expect(redirections()).toEqual([`${id} www invisible https://example.net/ Home`]);
  });

  it("previews a new sub-domain as a replacement, and creates the new redirection before deleting the old", async () => {
    const [old] = emulator.zone("example.com").redirections.map((r) => r.id);
    file.declare({ www: { ...www, subDomain: "web" } }, { mx: { fieldType: "MX", target: "10 mx1.example.com." } });
    const preview = await ws.preview();
    expect(changes(preview)).toEqual(["replace www"]);
    expect(preview.steps.find((s) => s.op === "replace")?.replaceReasons).toEqual(["subDomain"]);
    const up = await withCalls(emulator, () => ws.up());
    const made = emulator.zone("example.com").redirections.map((r) => r.id);
    expect(writes(up.calls).filter((c) => !c.endsWith("/refresh"))).toEqual(["POST /domain/zone/example.com/redirection", `DELETE /domain/zone/example.com/redirection/${old}`]);
    expect(redirections()).toEqual([`${made[0]} web visiblePermanent https://example.org/ `]);
    expect(zoneLines(emulator)).toEqual(["@ MX 10 mx1.example.com. 0", "web A 213.186.33.5 0", 'web TXT "1|https://example.org/" 0']);
  });

  it("shows a change made in the console as drift on refresh, and the next up sets it back", async () => {
    const [id] = emulator.zone("example.com").redirections.map((r) => r.id);
    await behindPulumi(emulator).put(`/domain/zone/example.com/redirection/${id}`, { type: "visible", target: "https://elsewhere.example/" });
    // The workspace skips confirmations (an implied --yes), which --preview-only refuses: not here.
    const refresh = await withCalls(emulator, () => ws.run(["refresh", "--preview-only", "--diff"], { PULUMI_SKIP_CONFIRMATIONS: "false" }));
    expect(refresh.result.code).toBe(0);
    expect(writes(refresh.calls)).toEqual([]);
    expect(refresh.result.stdout).toMatch(/~ type\s*:\s*"visiblePermanent" => "visible"/);
    expect(refresh.result.stdout).toMatch(/~ target\s*:\s*"https:\/\/example.org\/" => "https:\/\/elsewhere.example\/"/);
    await ws.refresh();
    expect(changes(await ws.preview())).toEqual(["update www"]);
    await ws.up();
    expect(redirections()).toEqual([`${id} web visiblePermanent https://example.org/ `]);
  });

  it("destroy deletes the redirection and the records OVH kept for it", async () => {
    const destroy = await withCalls(emulator, () => ws.destroy());
    expect(writes(destroy.calls).filter((c) => c.includes("/redirection/"))).toHaveLength(1);
    expect(emulator.zone("example.com").redirections).toEqual([]);
    expect(zoneLines(emulator)).toEqual([]);
  });
});

describe("an exported program with a web redirection, through the real CLI", () => {
  let emulator: Emulator;
  let run: ExportedRun | undefined;
  afterAll(async () => {
    run?.remove();
    await emulator?.close();
  });

  it("declares the redirection (not the records OVH keeps for it) and adopts all with 0 writes; the next preview shows no change", async () => {
    emulator = await startEmulator({ zones: { "example.com": [{ fieldType: "MX", target: "10 mx1.example.com." }] }, refreshDurationMs: 5 });
    const client = behindPulumi(emulator);
    await client.post("/domain/zone/example.com/redirection", { subDomain: "www", type: "invisible", target: "https://example.org/", title: "Example" });
    await client.post("/domain/zone/example.com/redirection", { subDomain: "", type: "visiblePermanent", target: "https://www.example.com/" });
    await client.post("/domain/zone/example.com/refresh");
    run = await runExportedProgram(emulator);
    const { exported, program } = run;
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain("1 record(s) of example.com written to");
    expect(exported.stderr).toContain("2 web redirection(s) written, their 4 A/TXT record(s) left to them");
    expect(program).toContain('new ovhdns.ZoneRedirection("redirect-www", { zoneName, subDomain: "www", type: "invisible", target: "https://example.org/", title: "Example", adopt: true });');
    expect(program).toContain('new ovhdns.ZoneRedirection("redirect-@", { zoneName, subDomain: "", type: "visiblePermanent", target: "https://www.example.com/", adopt: true });');
    expect(program).not.toContain("213.186.33.5");
    expect(run.writes).toEqual([]);
    expect(run.preview).toEqual({ code: 0, changes: [] });
  });
});
