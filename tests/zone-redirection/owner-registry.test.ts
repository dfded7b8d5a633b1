/**
 * Two stacks on one zone, for web redirections (provider/zone-redirection/claims.ts over the records' owner registry):
 * each rig here is the provider process of one stack's `pulumi up`, all against one emulator. A stack with an owner
 * claims the redirections it creates or adopts, in claim records of their own; no stack adopts, updates or deletes a
 * redirection another stack's owner claims; a record and a redirection of the same number never share a claim.
 */
import { COMPACT_ABOVE } from "../../provider/zone-record/owner-registry";
import { parseClaim, REGISTRY_SUBDOMAIN, type Claim } from "../../provider/zone-record/registry-codec";
import { SessionPool, ZoneRecordProvider } from "../../provider/zone-record";
import { ZoneRedirectionProvider } from "../../provider/zone-redirection";
import { stackConfigFor, behindPulumi } from "../zone-record/support";
import { startRedirectionRig, type RedirectionRig } from "./support";

const ZONE = "example.com";
const www = { zoneName: ZONE, subDomain: "www", type: "visiblePermanent", target: "https://example.org/", title: "", keywords: "", description: "" };
type Created = { id: string; outs: Record<string, unknown> };

describe("the owner registry: redirections of two stacks on one zone", () => {
  let rig: RedirectionRig;
  const extra: RedirectionRig[] = [];
  /** The provider process of another stack (or of the next run of one) on the same emulator. */
  async function stack(): Promise<RedirectionRig> {
    const other = await startRedirectionRig({}, () => stackConfigFor(rig.emulator));
    extra.push(other);
    return other;
  }
  const claimRecords = () => rig.emulator.zone(ZONE).records.filter((r) => r.subDomain === REGISTRY_SUBDOMAIN);
  const claims = (): Claim[] => claimRecords().map((r) => parseClaim(r.target)).filter((c): c is Claim => c !== undefined);
  const redirections = () => rig.emulator.zone(ZONE).redirections.map((r) => `${r.id} ${r.subDomain} ${r.target}`);
  const writes = () => rig.emulator.log.filter((e) => e.method !== "GET").map((e) => `${e.method} ${e.path}`);

  beforeEach(async () => {
    rig = await startRedirectionRig();
  });
  afterEach(async () => {
    await Promise.all(extra.splice(0).map((r) => r.emulator.close()));
    await rig.emulator.close();
  });

  it("claims a redirection made with an owner in a claim record of its own, stores the owner, and publishes both", async () => {
    const made = (await rig.redirections.create({ ...www, owner: "team-a" })) as Created;
    expect(made.outs.owner).toBe("team-a");
    expect(claimRecords().map((r) => r.target)).toEqual([`"v=ovhdns1 owner=team-a redirections=${made.id}"`]);
    const view = rig.emulator.zone(ZONE);
    expect(view.published.map((r) => r.id).sort()).toEqual(view.records.map((r) => r.id).sort());
    // Without an owner nothing is claimed.
    const other = (await rig.redirections.create({ ...www, subDomain: "shop" })) as Created;
    expect(other.outs.owner).toBeUndefined();
    expect(claims().flatMap((c) => c.ids)).toEqual([`r${made.id}`]);
  });

  it("refuses to adopt a redirection another owner claims, naming that owner, and writes nothing", async () => {
    const made = (await rig.redirections.create({ ...www, owner: "team-a" })) as Created;
    for (const owner of ["team-b", undefined]) {
      const b = await stack();
      rig.emulator.clearLog();
      const err = (await b.redirections.create({ ...www, adopt: true, ...(owner ? { owner } : {}) }).catch((e: unknown) => e)) as Error;
      expect(err.name).toBe("OwnerConflictError");
      expect(err.message).toContain(`web redirection www -> https://example.org/ (visiblePermanent) exists (redirection ${made.id} of zone example.com) ` +
        'and owner "team-a" manages it (the owner registry, docs/ownership.md): a redirection is managed by one stack.');
      expect(writes()).toEqual([]);
    }
    expect(redirections()).toEqual([`${made.id} www https://example.org/`]);
  });

  it("never updates or deletes a redirection another stack's owner adopted: the stack that made it lets go on destroy", async () => {
    // Stack A has no owner; stack B adopts A's redirection under its owner.
    const made = (await rig.redirections.create(www)) as Created;
    const b = await stack();
    const adopted = (await b.redirections.create({ ...www, adopt: true, owner: "team-b" })) as Created;
    expect([adopted.id, adopted.outs.owner]).toEqual([made.id, "team-b"]);
    const a = await stack();
    rig.emulator.clearLog();
    const err = (await a.redirections.update(made.id, made.outs, { ...www, type: "visible" }).catch((e: unknown) => e)) as Error;
    expect(err.name).toBe("OwnerConflictError");
    expect(err.message).toContain(`redirection ${made.id} of zone example.com) and owner "team-b" manages it`);
    await a.redirections.delete(made.id, made.outs);
    expect(writes()).toEqual([]);
    expect(rig.emulator.zone(ZONE).redirections.map((r) => [r.id, r.type])).toEqual([[Number(made.id), "visiblePermanent"]]);
    expect(claims()).toEqual([{ owner: "team-b", ids: [`r${made.id}`] }]);
  });

  it("two stacks adopting the same redirection at the same moment never both hold it", async () => {
    const made = (await rig.redirections.create(www)) as Created;
    const [b, c] = [await stack(), await stack()];
    const results = await Promise.allSettled([
      b.redirections.create({ ...www, adopt: true, owner: "team-b" }),
      c.redirections.create({ ...www, adopt: true, owner: "team-c" }),
    ]);
    const taken = results.filter((r) => r.status === "fulfilled");
    expect(taken.length).toBeLessThanOrEqual(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as Error).name).toBe("OwnerConflictError");
    const holders = claims().filter((cl) => cl.ids.includes(`r${made.id}`)).map((cl) => cl.owner);
    expect(holders.length).toBe(taken.length);
    expect(redirections()).toEqual([`${made.id} www https://example.org/`]);
  });

  it("a new owner name claims under it and releases the old, with no PUT of the redirection; a delete releases the claim", async () => {
    const made = (await rig.redirections.create({ ...www, owner: "team-a" })) as Created;
    rig.emulator.clearLog();
    const renamed = await rig.redirections.update(made.id, made.outs, { ...www, owner: "team-z" });
    expect(renamed.outs.owner).toBe("team-z");
    expect(claims()).toEqual([{ owner: "team-z", ids: [`r${made.id}`] }]);
    expect(writes().filter((w) => w.includes("/redirection"))).toEqual([]);
    await rig.redirections.delete(made.id, renamed.outs);
    expect([redirections(), claimRecords()]).toEqual([[], []]);
  });

  it("a refresh that finds the claim gone drops the owner; the next update writes it without touching the redirection", async () => {
    const made = (await rig.redirections.create({ ...www, owner: "team-a" })) as Created;
    await behindPulumi(rig).delete(`/domain/zone/${ZONE}/record/${claimRecords()[0].id}`);
    const next = await stack(); // the refresh and the up that follows run in processes of their own
    const read = await next.redirections.read(made.id, made.outs);
    expect(read.props?.owner).toBeUndefined();
    expect((await next.redirections.diff(made.id, read.props!, { ...www, owner: "team-a" })).changes).toBe(true);
    rig.emulator.clearLog();
    const updated = await (await stack()).redirections.update(made.id, read.props!, { ...www, owner: "team-a" });
    expect(updated.outs.owner).toBe("team-a");
    expect(writes().filter((w) => w.includes("/redirection"))).toEqual([]);
    expect(claims()).toEqual([{ owner: "team-a", ids: [`r${made.id}`] }]);
  });

  it("a record and a redirection of the same number never share a claim", async () => {
    const made = (await rig.redirections.create(www)) as Created;
    // A record claim of team-a on the redirection's number, as another stack's registry could hold it.
    await behindPulumi(rig).post(`/domain/zone/${ZONE}/record`, { fieldType: "TXT", subDomain: REGISTRY_SUBDOMAIN, target: `v=ovhdns1 owner=team-a ids=${made.id}` });
    const b = await stack();
    const adopted = (await b.redirections.create({ ...www, adopt: true, owner: "team-b" })) as Created;
    expect([adopted.id, adopted.outs.owner]).toEqual([made.id, "team-b"]);
    // And the other way round: a redirection claim on a record's number does not stop its adoption.
    const records = new ZoneRecordProvider();
    const config = stackConfigFor(rig.emulator);
    await records.configure({ config: { get: (k: string) => config[k], require: (k: string) => config[k] } });
    const record = (await records.create({ zoneName: ZONE, subDomain: "api", fieldType: "A", target: "192.0.2.7", ttl: 0 })) as Created;
    await behindPulumi(rig).post(`/domain/zone/${ZONE}/record`, { fieldType: "TXT", subDomain: REGISTRY_SUBDOMAIN, target: `v=ovhdns1 owner=team-a redirections=${record.id}` });
    const c = await stack();
    const taken = (await c.records.create({ zoneName: ZONE, subDomain: "api", fieldType: "A", target: "192.0.2.7", ttl: 0, adopt: true, owner: "team-c" })) as Created;
    expect([taken.id, taken.outs.owner]).toEqual([record.id, "team-c"]);
  });

  it(`merging an owner's claims past ${COMPACT_ABOVE} records keeps its redirections' claims`, async () => {
    // A coalescer that does not wait for a pace, for both kinds, on one pool (as provider/index.ts has them).
    const pool = new SessionPool(undefined, { refresh: { settleMs: 1, firstSettleMs: 1, maxSettleMs: 2 }, sleep: async () => undefined });
    const [records, redirectionProvider] = [new ZoneRecordProvider(pool), new ZoneRedirectionProvider(pool)];
    const config = stackConfigFor(rig.emulator);
    for (const p of [records, redirectionProvider]) await p.configure({ config: { get: (k: string) => config[k], require: (k: string) => config[k] } });
    const made = (await redirectionProvider.create({ ...www, owner: "team-a" })) as Created;
    // One record create at a time, each its own claim batch, until the owner's claim records are merged.
    for (let i = 0; i < COMPACT_ABOVE + 2; i++) {
      await records.create({ zoneName: ZONE, subDomain: `s${i}`, fieldType: "A", target: "192.0.2.1", ttl: 0, owner: "team-a" });
    }
    expect(claimRecords().length).toBeLessThan(COMPACT_ABOVE);
    const ids = claims().flatMap((c) => c.ids);
    expect(ids.filter((id) => id.startsWith("r"))).toEqual([`r${made.id}`]);
    expect(ids.length).toBe(COMPACT_ABOVE + 3);
  });
});
