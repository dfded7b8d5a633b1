/**
 * Aliases through both engines (the real CLI is the authority; tools/local-engine/aliases.ts is the model):
 * renaming a ZoneRecord, renaming a Zone component (its children follow, their names' prefix rewritten), and
 * moving a top-level ZoneRecord under a parent, each with an alias, take the old resources over with their
 * record ids: no record is created or deleted. Two new resources aliasing the same old one fail the run.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { changes, PulumiWorkspace, type StateExport } from "../../tools/pulumi-cli";
import { LocalEngine } from "../../tools/local-engine/engine";
import { stackConfigFor } from "../zone-record/support";
import { credentialsFor, zoneLines } from "./support";

jest.setTimeout(900_000);

const PROGRAM = path.resolve(__dirname, "../fixtures/aliases-program");
const ZONE_RECORDS = [{ subDomain: "api", fieldType: "A", target: "203.0.113.5" }, { fieldType: "TXT", target: "v=spf1 -all" }];
const MX = { fieldType: "MX", target: "10 mx.example.com." };

const before = {
  zoneName: "example.com",
  groups: { g: {} },
  zones: { site: { records: ZONE_RECORDS } },
  records: { www: { subDomain: "www", fieldType: "A", target: "203.0.113.1" }, mx: MX },
};
/** Every resource renamed or moved, each with an alias; `web` also changes its TTL (a normal Diff follows). */
const renamed = {
  zoneName: "example.com",
  groups: { g: {} },
  zones: { home: { records: ZONE_RECORDS, aliases: [{ name: "site" }] } },
  records: {
    web: { subDomain: "www", fieldType: "A", target: "203.0.113.1", ttl: 600, aliases: [{ name: "www" }] },
    mx: { ...MX, parent: "g", aliases: [{ parent: "root" }] },
  },
};
/**
 * Two new resources aliasing the same old one; a2 depends on a1, so that a1 registers (and claims the alias)
 * first in both engines: two independent registrations reach an engine in either order.
 */
const conflicting = {
  ...renamed,
  records: { ...renamed.records, a1: { ...renamed.records.web, aliases: [{ name: "web" }] }, a2: { ...renamed.records.web, aliases: [{ name: "web" }], dependsOn: ["a1"] } },
};
delete (conflicting.records as Record<string, unknown>).web;

/** The old name -> new name of each record-holding resource that `renamed` takes over. */
const RECORD = "pulumi-nodejs:dynamic/ovhdns:ZoneRecord";
const TAKEN_OVER: [string, string][] = [
  [`${RECORD}::www`, `${RECORD}::web`],
  [`${RECORD}::mx`, `test:index:Group$${RECORD}::mx`],
  [`ovhdns:index:Zone$${RECORD}::site-api-A`, `ovhdns:index:Zone$${RECORD}::home-api-A`],
  [`ovhdns:index:Zone$${RECORD}::site-@-TXT`, `ovhdns:index:Zone$${RECORD}::home-@-TXT`],
];

type StateResource = StateExport["deployment"]["resources"] extends (infer R)[] | undefined ? R & { parent?: string } : never;

/** The state as sorted lines, URNs without the stack and project, record ids left out (each emulator numbers its own). */
function stateLines(resources: StateResource[]): string[] {
  const short = (urn: string) => urn.split("::").slice(2).join("::");
  return resources.filter((r) => !r.type.startsWith("pulumi:")).map((r) => {
    const o = r.outputs ?? {};
    const record = o.fieldType === undefined ? "" : ` ${String(o.subDomain)} ${String(o.fieldType)} ${String(o.target)} ${String(o.ttl)}`;
    return `${short(r.urn)} parent=${r.parent && !r.parent.includes("pulumi:pulumi:Stack") ? short(r.parent) : "-"}${record}`;
  }).sort();
}

/** For each pair of TAKEN_OVER, whether the new resource holds the old one's id. */
function idsKept(old: StateResource[], now: StateResource[]): Record<string, boolean> {
  const idOf = (resources: StateResource[], tail: string) => resources.find((r) => r.urn.split("::").slice(2).join("::") === tail)?.id;
  return Object.fromEntries(TAKEN_OVER.map(([from, to]) => [`${from} -> ${to}`, idOf(old, from) !== undefined && idOf(old, from) === idOf(now, to)]));
}

interface Engine {
  preview(): Promise<string[]>;
  up(): Promise<{ ok: boolean; output: string }>;
  state(): Promise<StateResource[]>;
}

interface Observed {
  preview: string[];
  zones: string[][];
  writes: string[][];
  states: string[][];
  kept: Record<string, boolean>;
  conflict: { ok: boolean; duplicateAlias: boolean };
}

/** The writes of a log (refreshes left out) as sorted `METHOD kind` lines. */
function writes(emulator: Emulator, from: number): string[] {
  return emulator.log.slice(from).filter((e) => e.method !== "GET" && !e.path.endsWith("/refresh"))
    .map((e) => `${e.method} ${e.path.replace(/\/\d+$/, "/{id}")}`).sort();
}

async function observe(start: (emulator: Emulator, specFile: string) => Promise<Engine>): Promise<Observed> {
  const emulator = await startEmulator({ zones: { "example.com": [] } });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aliases-"));
  const specFile = path.join(dir, "spec.json");
  const declare = (spec: object) => fs.writeFileSync(specFile, JSON.stringify(spec));
  try {
    declare(before);
    const engine = await start(emulator, specFile);
    const observed: Observed = { preview: [], zones: [], writes: [], states: [], kept: {}, conflict: { ok: true, duplicateAlias: false } };
    const step = async () => {
      const from = emulator.log.length;
      const result = await engine.up();
      if (!result.ok) throw new Error(result.output);
      observed.zones.push(zoneLines(emulator));
      observed.writes.push(writes(emulator, from));
      observed.states.push(stateLines(await engine.state()));
    };
    await step();
    const old = await engine.state();
    declare(renamed);
    observed.preview = await engine.preview();
    await step();
    const current = await engine.state();
    observed.kept = idsKept(old, current);
    declare(conflicting);
    const from = emulator.log.length;
    const failed = await engine.up();
    const urnOf = (name: string) => `urn:pulumi:${current[0].urn.split("::")[0].slice("urn:pulumi:".length)}::ovh-dns-aliases::${RECORD}::${name}`;
    const message = `Duplicate resource alias '${urnOf("web")}' applied to resource with URN '${urnOf("a2")}' conflicting with resource with URN '${urnOf("a1")}'`;
    observed.conflict = { ok: failed.ok, duplicateAlias: failed.output.includes(message) };
    observed.zones.push(zoneLines(emulator));
    observed.writes.push(writes(emulator, from));
    observed.states.push(stateLines(await engine.state()));
    return observed;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  }
}

it("takes renamed and moved resources over through their aliases, as the real CLI does", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aliases-local-"));
  const workspaces: PulumiWorkspace[] = [];
  try {
    const local = await observe(async (emulator, specFile) => {
      const statePath = path.join(dir, "state.json");
      const engine = new LocalEngine({
        programDir: PROGRAM, stack: "aliases", statePath,
        config: { ...stackConfigFor(emulator), specFile }, secretKeys: ["ovh:applicationSecret", "ovh:consumerKey"],
      });
      return {
        preview: async () => engine.preview().then((r) => r.plan.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.name}`).sort()),
        up: async () => engine.up().then((r) => ({ ok: r.ok, output: r.error ?? "" })),
        state: async () => (JSON.parse(fs.readFileSync(statePath, "utf8")) as { resources: StateResource[] }).resources,
      };
    });
    const real = await observe(async (emulator, specFile) => {
      const ws = await PulumiWorkspace.create({ programDir: PROGRAM, config: { specFile }, ...credentialsFor(emulator, "env"), typeCheck: false });
      workspaces.push(ws);
      return {
        preview: async () => changes(await ws.preview()),
        up: async () => ws.run(["up", "--yes", "--skip-preview"]).then((r) => ({ ok: r.code === 0, output: r.stdout + r.stderr })),
        state: async () => ((await ws.exportState()).deployment.resources ?? []) as StateResource[],
      };
    });
    expect(local).toEqual(real);
    // What the real CLI did, literally: no record created or deleted by the renames, only web's TTL updated.
    expect(real.preview).toEqual(["update web"]);
    expect(real.writes[1]).toEqual(["PUT /domain/zone/example.com/record/{id}"]);
    expect(Object.values(real.kept)).toEqual([true, true, true, true]);
    expect(real.zones[1]).toEqual(["@ MX 10 mx.example.com. 0", '@ TXT "v=spf1 -all" 0', "api A 203.0.113.5 0", "www A 203.0.113.1 600"]);
    expect(real.conflict).toEqual({ ok: false, duplicateAlias: true });
  } finally {
    workspaces.forEach((ws) => ws.remove());
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
