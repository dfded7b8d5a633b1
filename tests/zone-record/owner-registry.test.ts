/**
 * Two stacks on one zone (provider/zone-record/owner-registry.ts): each provider here is the provider process of
 * one stack's `pulumi up`, both against one emulator. A stack never adopts, re-binds, updates, prunes or deletes
 * a record another stack's owner claims, and two stacks adopting the same records at the same moment never both
 * hold one.
 */
import { SessionPool, ZoneRecordProvider } from "../../provider/zone-record";
import { ZonePruneProvider } from "../../provider/zone-manifest";
import { COMPACT_ABOVE } from "../../provider/zone-record/owner-registry";
import { claimedIds, parseClaim, REGISTRY_SUBDOMAIN } from "../../provider/zone-record/registry-codec";
import { behindPulumi, startRig, type Rig } from "./support";

const ZONE = "example.com";
const www = { zoneName: ZONE, subDomain: "www", fieldType: "A", target: "192.0.2.1", ttl: 3600 };
type Created = { id: string; outs: Record<string, unknown> };

describe("the owner registry: two stacks on one zone", () => {
  let rig: Rig;
  const extra: Rig[] = [];
  /** The provider process of another stack (or of the next run of one) on the same emulator. */
  async function stack(): Promise<Rig> {
    const other = await startRig({}, () => rig.config);
    extra.push(other);
    return other;
  }
  /** The zone's records that are not claim records, as `type name target`. */
  const plain = () => rig.emulator.zone(ZONE).records.filter((r) => r.subDomain !== REGISTRY_SUBDOMAIN).map((r) => `${r.fieldType} ${r.subDomain} ${r.target}`).sort();
  /** Who claims which id, from the zone's claim records. */
  const claims = () => claimedIds(rig.emulator.zone(ZONE).records.map((r) => ({ ...r })));
  const claimRecords = () => rig.emulator.zone(ZONE).records.filter((r) => r.subDomain === REGISTRY_SUBDOMAIN);

  beforeEach(async () => {
    rig = await startRig();
  });
  afterEach(async () => {
    await Promise.all(extra.splice(0).map((r) => r.emulator.close()));
    await rig.emulator.close();
  });

  it("writes the owner's claim with the record, stores the owner, and publishes both", async () => {
    const made = (await rig.provider.create({ ...www, owner: "team-a" })) as Created;
    expect(made.outs.owner).toBe("team-a");
    expect(claims()).toEqual(new Map([[made.id, "team-a"]]));
    const view = rig.emulator.zone(ZONE);
    expect(view.published.map((r) => r.id).sort()).toEqual(view.records.map((r) => r.id).sort());
  });

  it("refuses to adopt a record another owner claims, naming that owner, and writes nothing", async () => {
    const made = (await rig.provider.create({ ...www, owner: "team-a" })) as Created;
    for (const owner of ["team-b", undefined]) {
      const b = await stack();
      b.emulator.clearLog();
      rig.emulator.clearLog();
      const err = (await b.provider.create({ ...www, adopt: true, ...(owner ? { owner } : {}) }).catch((e: unknown) => e)) as Error;
      expect(err.name).toBe("OwnerConflictError");
      expect(err.message).toContain(`owner "team-a" manages it`);
      expect(err.message).toContain(`record ${made.id}`);
      expect(rig.emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
    }
    expect(plain()).toEqual(["A www 192.0.2.1"]);
  });

  it("never deletes a record that another stack's owner adopted: the stack that made it lets go on destroy", async () => {
    // Stack A has no owner (as every stack before the registry); stack B adopts A's record under its owner.
    const made = (await rig.provider.create(www)) as Created;
    const b = await stack();
    const adopted = (await b.provider.create({ ...www, adopt: true, owner: "team-b" })) as Created;
    expect(adopted.id).toBe(made.id);
    const destroyA = await stack();
    await destroyA.provider.delete(made.id, made.outs);
    expect(plain()).toEqual(["A www 192.0.2.1"]);
    expect(claims().get(made.id)).toBe("team-b");
    // Nor does it update it.
    const err = (await destroyA.provider.update(made.id, made.outs, { ...www, ttl: 60 }).catch((e: unknown) => e)) as Error;
    expect(err.name).toBe("OwnerConflictError");
    expect(rig.emulator.zone(ZONE).records.find((r) => String(r.id) === made.id)?.ttl).toBe(3600);
  });

  it("two stacks adopting the same records at the same moment never both hold one, and nothing is duplicated", async () => {
    const hand = behindPulumi(rig);
    const specs = Array.from({ length: 20 }, (_, i) => ({ ...www, subDomain: `h${i}` }));
    for (const s of specs) await hand.request("POST", `/domain/zone/${ZONE}/record`, { body: { fieldType: "A", subDomain: s.subDomain, target: s.target, ttl: 3600 } });
    const [a, b] = [await stack(), await stack()];
    // Answers that take a while, so that the two stacks' claim batches overlap.
    rig.emulator.setFaults({ latencyMs: 15 });
    const adoptAll = (p: Rig, owner: string) => Promise.allSettled(specs.map((s) => p.provider.create({ ...s, adopt: true, owner }) as Promise<Created>));
    const [byA, byB] = await Promise.all([adoptAll(a, "team-a"), adoptAll(b, "team-b")]);
    const won = (results: PromiseSettledResult<Created>[]) => results.flatMap((r) => (r.status === "fulfilled" ? [r.value.id] : []));
    const both = won(byA).filter((id) => won(byB).includes(id));
    expect(both).toEqual([]);
    for (const r of [...byA, ...byB]) if (r.status === "rejected") expect((r.reason as Error).name).toBe("OwnerConflictError");
    const claimed = claims();
    for (const id of won(byA)) expect(claimed.get(id)).toBe("team-a");
    for (const id of won(byB)) expect(claimed.get(id)).toBe("team-b");
    expect(plain()).toHaveLength(20);
    rig.emulator.setFaults({});
    // Records both lost are nobody's: a retry by one stack takes them.
    const retry = await stack();
    const lostByBoth = specs.filter((_s, i) => byA[i].status === "rejected" && byB[i].status === "rejected");
    const retried = (await Promise.all(lostByBoth.map((s) => retry.provider.create({ ...s, adopt: true, owner: "team-a" })))) as Created[];
    for (const r of retried) expect(claims().get(r.id)).toBe("team-a");
    expect(plain()).toHaveLength(20);
  });

  it("re-binding after a refresh never takes a twin another owner claims", async () => {
    const mine = (await rig.provider.create({ ...www, owner: "team-a" })) as Created;
    const b = await stack();
    const theirs = (await b.provider.create({ ...www, owner: "team-b" })) as Created;
    expect(theirs.id).not.toBe(mine.id);
    // Mine is deleted by hand; theirs, identical and newer, is the only candidate.
    await behindPulumi(rig).request("DELETE", `/domain/zone/${ZONE}/record/${mine.id}`);
    const refresh = await stack();
    const read = await refresh.provider.read(mine.id, mine.outs);
    expect(read.id).not.toBe(theirs.id);
  });

  it("a refresh that finds the claim gone drops the owner from the outputs; the next update writes it, with no record write", async () => {
    const made = (await rig.provider.create({ ...www, owner: "team-a" })) as Created;
    for (const r of claimRecords()) await behindPulumi(rig).request("DELETE", `/domain/zone/${ZONE}/record/${r.id}`);
    const refresh = await stack();
    const read = await refresh.provider.read(made.id, made.outs);
    expect(read.props.owner).toBeUndefined();
    const next = await stack();
    const diff = await next.provider.diff(made.id, read.props, { ...www, owner: "team-a" });
    expect(diff.changes).toBe(true);
    rig.emulator.clearLog();
    const { outs } = await next.provider.update(made.id, read.props, { ...www, owner: "team-a" });
    expect(outs?.owner).toBe("team-a");
    expect(claims().get(made.id)).toBe("team-a");
    expect(rig.emulator.count({ method: "PUT" })).toBe(0);
  });

  it("a new owner name claims under the new name and releases the old one", async () => {
    const made = (await rig.provider.create({ ...www, owner: "team-a" })) as Created;
    const next = await stack();
    const { outs } = await next.provider.update(made.id, made.outs, { ...www, owner: "team-a2" });
    expect(outs?.owner).toBe("team-a2");
    expect(claims()).toEqual(new Map([[made.id, "team-a2"]]));
    expect(claimRecords().map((r) => parseClaim(r.target)?.owner)).toEqual(["team-a2"]);
  });

  it("a delete releases the claim: a destroyed stack leaves no claim record", async () => {
    const created = [] as Created[];
    for (const sub of ["a", "b", "c"]) created.push((await rig.provider.create({ ...www, subDomain: sub, owner: "team-a" })) as Created);
    const destroy = await stack();
    await Promise.all(created.map((c) => destroy.provider.delete(c.id, c.outs)));
    expect(rig.emulator.zone(ZONE).records).toEqual([]);
  });

  it(`keeps an owner's claims in at most ${COMPACT_ABOVE} records however many batches wrote them`, async () => {
    // One create at a time, each its own claim batch; a coalescer that does not wait for a pace.
    const provider = new ZoneRecordProvider(new SessionPool(undefined, { refresh: { settleMs: 1, firstSettleMs: 1, maxSettleMs: 2 }, sleep: async () => undefined }));
    await provider.configure({ config: { get: (k: string) => rig.config[k], require: (k: string) => rig.config[k] } });
    for (let i = 0; i < 30; i++) await provider.create({ ...www, subDomain: `s${i}`, owner: "team-a" });
    expect(claimRecords().length).toBeLessThanOrEqual(COMPACT_ABOVE);
    expect(claims().size).toBe(30);
  });

  it("the prune of a Zone deletes no record an owner claims, none a top-level resource of the run holds, and no claim record", async () => {
    const pool = new SessionPool(undefined, { refresh: { settleMs: 2 }, refreshRetry: { baseDelayMs: 5 }, sleep: async () => undefined });
    const records = new ZoneRecordProvider(pool);
    const prune = new ZonePruneProvider(pool);
    const config = { get: (k: string) => rig.config[k], require: (k: string) => rig.config[k] };
    await records.configure({ config });
    await prune.configure({ config });
    const b = await stack();
    await b.provider.create({ ...www, subDomain: "theirs", owner: "team-b" });
    // A top-level ZoneRecord of this stack, without an owner, in the zone the Zone prunes.
    const mine = (await records.create({ ...www, subDomain: "mine" })) as Created;
    await behindPulumi(rig).request("POST", `/domain/zone/${ZONE}/record`, { body: { fieldType: "A", subDomain: "stray", target: "192.0.2.1", ttl: 3600 } });
    const listed = rig.emulator.zone(ZONE).records;
    const deletions = listed.map((r) => ({ subDomain: r.subDomain, fieldType: r.fieldType, target: r.target }));
    const { outs } = await prune.create({ zoneName: ZONE, deletions, heldIds: [] });
    expect((outs.deleted as string[]).length).toBe(1);
    expect(plain()).toEqual(["A mine 192.0.2.1", "A theirs 192.0.2.1"]);
    expect(claimRecords()).toHaveLength(1);
    expect(mine.id).toBeDefined();
  });

  describe("claims carry the stack's key: the same stack under another owner name is not another stack", () => {
    const KEY = "0123456789ab";
    const OTHER_KEY = "ba9876543210";
    for (const [change, next] of [["removed", undefined], ["renamed", "fuzz-b"]] as const) {
      it(`an owner ${change} in the same up as a rename with adopt: the new resource takes the record, its claim follows`, async () => {
        const made = (await rig.provider.create({ ...www, owner: "fuzz-a", __stack: KEY })) as Created;
        expect(made.outs.__stack).toBe(KEY);
        expect(parseClaim(claimRecords()[0].target)).toEqual({ owner: "fuzz-a", stack: KEY, ids: [made.id] });
        // The next up of the same stack, as the engine runs a rename: the new resource is created (adopting),
        // then the old one is deleted.
        const run = await stack();
        run.emulator.clearLog();
        const adopted = (await run.provider.create({ ...www, adopt: true, __stack: KEY, ...(next ? { owner: next } : {}) })) as Created;
        expect(adopted.id).toBe(made.id);
        await run.provider.delete(made.id, made.outs);
        expect(plain()).toEqual(["A www 192.0.2.1"]);
        // The record itself is neither posted again, nor changed, nor deleted.
        expect(rig.emulator.zone(ZONE).records.filter((r) => r.subDomain === "www").map((r) => String(r.id))).toEqual([made.id]);
        expect(rig.emulator.log.filter((e) => e.path.endsWith(`/record/${made.id}`) && e.method !== "GET")).toEqual([]);
        expect(claims()).toEqual(next ? new Map([[made.id, next]]) : new Map());
        expect(adopted.outs.owner).toBe(next);
      });
    }

    it("a claim of another stack's key under another owner name is still another's", async () => {
      const made = (await rig.provider.create({ ...www, owner: "fuzz-a", __stack: KEY })) as Created;
      const b = await stack();
      const err = (await b.provider.create({ ...www, adopt: true, __stack: OTHER_KEY }).catch((e: unknown) => e)) as Error;
      expect(err.name).toBe("OwnerConflictError");
      const destroyB = await stack();
      await destroyB.provider.delete(made.id, { ...made.outs, owner: "fuzz-b", __stack: OTHER_KEY });
      expect(plain()).toEqual(["A www 192.0.2.1"]);
      expect(claims()).toEqual(new Map([[made.id, "fuzz-a"]]));
    });

    it("a destroy of the same stack under another owner name deletes the record and every claim of it", async () => {
      const made = (await rig.provider.create({ ...www, owner: "fuzz-a", __stack: KEY })) as Created;
      const run = await stack();
      await run.provider.delete(made.id, { ...made.outs, owner: undefined });
      expect(plain()).toEqual([]);
      expect(claimRecords()).toEqual([]);
    });
  });
});
