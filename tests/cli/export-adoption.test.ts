/**
 * The end-to-end promise of `export`: the exported declarations, run against the zone they came from, take
 * every record over without a single POST, and the next preview shows no change: here the TypeScript program
 * through the real Pulumi CLI; export-round-trip.test.ts runs all three formats through the local engine.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { PulumiWorkspace, changes } from "../../tools/pulumi-cli";
import { CliSandbox, emulatorEnv } from "./cli-rig";
import { REALISTIC_ZONE } from "./zones";

describe("an exported TypeScript program, through the real Pulumi CLI (it fails without one: npm run setup:pulumi)", () => {
  let emulator: Emulator;
  let sandbox: CliSandbox;
  let workspace: PulumiWorkspace;
  let programDir: string;
  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": REALISTIC_ZONE }, refreshDurationMs: 5 });
    sandbox = new CliSandbox();
    // A project of its own whose node_modules is the repository's, so pulumi-ovh-dns and @pulumi/pulumi resolve
    // as in an installed project (outside node_modules itself: ts-node does not compile files under it).
    programDir = path.join(sandbox.dir, "program");
    fs.mkdirSync(programDir);
    fs.symlinkSync(path.resolve(__dirname, "../../node_modules"), path.join(programDir, "node_modules"), "dir");
    fs.writeFileSync(path.join(programDir, "Pulumi.yaml"), "name: exported-zone\nruntime: nodejs\n");
    fs.writeFileSync(path.join(programDir, "package.json"), JSON.stringify({ name: "exported-zone", private: true, main: "index.ts" }));
  });
  afterAll(async () => {
    workspace?.remove();
    await emulator.close();
    sandbox.remove();
  });

  test("the first up adopts every record (0 POSTs, zone unchanged), the next preview shows 0 changes", async () => {
    const before = emulator.zone("example.com").records.map((r) => `${r.id} ${r.subDomain} ${r.fieldType} ${r.target} ${r.ttl}`);
    const exported = await sandbox.run(["export", "example.com", "-o", path.join(programDir, "index.ts")], emulatorEnv(emulator));
    expect(exported.code).toBe(0);
    workspace = await PulumiWorkspace.create({ programDir, env: emulatorEnv(emulator) as NodeJS.ProcessEnv });
    emulator.clearLog();
    await workspace.up();
    expect(emulator.log.filter((e) => e.method !== "GET").map((e) => `${e.method} ${e.path}`)).toEqual([]);
    expect(emulator.zone("example.com").records.map((r) => `${r.id} ${r.subDomain} ${r.fieldType} ${r.target} ${r.ttl}`)).toEqual(before);
    // The backend's state file (`exportState()` passes --config-file, which `pulumi stack export` refuses).
    const state = JSON.parse(workspace.stateFileText()) as { checkpoint: { latest: { resources: { type: string; id?: string }[] } } };
    const held = state.checkpoint.latest.resources.filter((r) => r.type.endsWith("ZoneRecord")).map((r) => r.id).sort();
    expect(held).toEqual(emulator.zone("example.com").records.filter((r) => !(r.fieldType === "NS" && r.subDomain === "")).map((r) => String(r.id)).sort());
    emulator.clearLog();
    const preview = await workspace.preview();
    expect([preview.code, changes(preview)]).toEqual([0, []]);
    expect(emulator.log).toEqual([]);
  }, 300_000);
});
