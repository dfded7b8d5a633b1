/**
 * Two stacks on one zone through the real Pulumi CLI (issue 16, defect 8): two stacks whose `ovhdns:owner`
 * differ adopt the same 50 existing records at the same moment. Before the owner registry, 49 ids ended up held
 * by both stacks (and one record twice), and destroying one stack deleted the other's records while its preview
 * said "unchanged". Now no id is held by both, the zone keeps exactly its records, a stack's up that meets the
 * other's claims fails naming the owner, and destroying one stack leaves the other's records alone.
 */
import { startEmulator, type Emulator } from "../../emulator";
import { parseClaim, REGISTRY_SUBDOMAIN } from "../../provider/zone-record/registry-codec";
import { changes, type PulumiWorkspace } from "../../tools/pulumi-cli";
import { stackKey, ZONE_RECORD_TYPE } from "../../sdk/zone-record";
import { cliStack, RECORDS_PROGRAM, RecordsFile } from "./support";

jest.setTimeout(900_000);

const COUNT = 50;
const existing = Array.from({ length: COUNT }, (_, i) => ({ subDomain: `h${i}`, fieldType: "A", target: `192.0.2.${i + 1}`, ttl: 3600 }));

describe("two stacks on one zone, through the real Pulumi CLI", () => {
  let emulator: Emulator;
  const files: RecordsFile[] = [];
  const stacks: PulumiWorkspace[] = [];
  beforeEach(async () => {
    emulator = await startEmulator({ zones: { "example.com": existing } });
  });
  afterEach(async () => {
    for (const ws of stacks.splice(0)) ws.remove();
    for (const f of files.splice(0)) f.remove();
    await emulator.close();
  });

  /** A stack of the records program adopting every existing record, under `owner`. */
  async function adoptingStack(owner: string): Promise<PulumiWorkspace> {
    const file = new RecordsFile();
    files.push(file);
    file.declare(Object.fromEntries(existing.map((r) => [r.subDomain, { ...r, adopt: true }])));
    const ws = await cliStack(RECORDS_PROGRAM, emulator, "stack-config", { config: { recordsFile: file.path, "ovhdns:owner": owner } });
    stacks.push(ws);
    return ws;
  }
  /** The record ids the stack's state holds (a failed up writes no outputs, so read the state). */
  const held = async (ws: PulumiWorkspace) => ((await ws.exportState()).deployment.resources ?? [])
    .filter((r: { type: string; id?: string }) => r.type === ZONE_RECORD_TYPE && r.id).map((r: { id?: string }) => String(r.id));
  const plain = () => emulator.zone("example.com").records.filter((r) => r.subDomain !== REGISTRY_SUBDOMAIN);

  it("concurrent adopting ups never leave an id held by both stacks; destroying one leaves the other's records", async () => {
    const [a, b] = [await adoptingStack("team-a"), await adoptingStack("team-b")];
    // Answers that take as long as the real API's, so that the two ups' adoptions overlap.
    emulator.setFaults({ latencyMs: 40 });
    const ups = await Promise.all([a.run(["up", "--yes", "--skip-preview"]), b.run(["up", "--yes", "--skip-preview"])]);
    emulator.setFaults({});
    // Each up takes what it claimed first; where both claimed one record at once, both let it go.
    const [byA, byB] = [await held(a), await held(b)];
    expect(byA.filter((id) => byB.includes(id))).toEqual([]);
    expect(plain()).toHaveLength(COUNT);
    // A stack whose up met the other's claims says so, naming the owner.
    for (const [i, up] of ups.entries()) {
      if (up.code !== 0) expect(up.stdout + up.stderr).toContain(`owner "${i === 0 ? "team-b" : "team-a"}" manages it`);
    }
    // Team A runs again (on past the first failure: the engine stops starting steps after one by default): it
    // takes what nobody holds, and fails on what team B holds, without touching it.
    const again = await a.run(["up", "--yes", "--skip-preview", "--continue-on-error"]);
    const [finalA, finalB] = [await held(a), await held(b)];
    expect(finalA.filter((id) => finalB.includes(id))).toEqual([]);
    expect(finalA.length + finalB.length).toBe(COUNT);
    expect(again.code === 0).toBe(finalB.length === 0);
    // Destroying team B's stack deletes none of team A's records, and team A's preview shows nothing to do.
    const destroyed = await b.run(["destroy", "--yes", "--skip-preview"]);
    expect(destroyed.code).toBe(0);
    const left = plain().map((r) => String(r.id));
    for (const id of finalA) expect(left).toContain(id);
    expect(left).toHaveLength(COUNT - finalB.length);
    expect(changes(await a.preview()).filter((c) => !c.startsWith("create "))).toEqual([]);
  });

  it("a stack that removes its owner while renaming its records with adopt keeps them: its claims carry its key", async () => {
    const ws = await adoptingStack("team-a");
    expect((await ws.run(["up", "--yes", "--skip-preview"])).code).toBe(0);
    // The key the SDK computed in the program under the real engine (a self-managed backend's organization).
    const claims = emulator.zone("example.com").records.filter((r) => r.subDomain === REGISTRY_SUBDOMAIN).map((r) => parseClaim(r.target));
    expect(claims.map((c) => c?.stack)).toEqual(claims.map(() => stackKey("organization", "ovh-dns-records", ws.stack)));
    const ids = (await held(ws)).sort();
    // One up renames every resource (adopt: true) and drops the owner: the new names take the records the old
    // names claimed under "team-a", and the old names' deletes hand them over.
    const file = files[files.length - 1];
    file.declare(Object.fromEntries(existing.map((r) => [`renamed-${r.subDomain}`, { ...r, adopt: true }])));
    expect((await ws.run(["config", "rm", "ovhdns:owner"])).code).toBe(0);
    const up = await ws.run(["up", "--yes", "--skip-preview"]);
    expect(up.stdout + up.stderr).not.toContain("manages it");
    expect(up.code).toBe(0);
    expect((await held(ws)).sort()).toEqual(ids);
    expect(plain().map((r) => String(r.id)).sort()).toEqual(ids);
    expect(emulator.zone("example.com").records.filter((r) => r.subDomain === REGISTRY_SUBDOMAIN)).toEqual([]);
    expect(changes(await ws.preview())).toEqual([]);
  });
});
