/**
 * The end-to-end promise of `export`: the exported declarations, run against the zone they came from, take
 * every record over without a single POST, and the next preview shows no change. Through the local engine
 * (records.yaml in the GitOps example), and through the real Pulumi CLI (the TypeScript program) when present.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { startEmulator, type Emulator } from "../../emulator";
import { PulumiWorkspace, changes } from "../../tools/pulumi-cli";
import { GitopsStack, planLines } from "../scenarios/gitops-rig";
import { CliSandbox, emulatorEnv } from "./cli-rig";
import { REALISTIC_ZONE } from "./zones";

const RECORDS = REALISTIC_ZONE.length - 2; // the two apex NS are OVH's

describe("a records.yaml exported with adopt: true, through the local engine", () => {
  let stack: GitopsStack;
  let sandbox: CliSandbox;
  beforeAll(async () => {
    stack = await GitopsStack.start(REALISTIC_ZONE);
    sandbox = new CliSandbox();
  });
  afterAll(async () => {
    await stack.close();
    sandbox.remove();
  });

  test("takes every record over with no POST, leaves the zone as it was, and the next preview shows no change", async () => {
    const before = stack.zone();
    const exported = await sandbox.run(["export", "example.com", "--format", "yaml"], emulatorEnv(stack.emulator));
    expect(exported.code).toBe(0);
    stack.declare((parse(exported.stdout) as { records: Record<string, never> }).records);
    const up = await stack.run("up");
    expect(up.calls.filter((c) => c.method !== "GET")).toEqual([]);
    expect(up.summary).toMatchObject({ create: RECORDS });
    expect(stack.zone()).toEqual(before);
    const preview = await stack.run("preview");
    expect(preview.calls).toEqual([]);
    expect(planLines(preview.printed)).toEqual([`Resources: ${RECORDS} unchanged`]);
  }, 120_000);
});


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
