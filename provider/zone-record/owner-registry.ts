/**
 * The owner registry of a zone, as one provider process reads and writes it: which stack ("owner", set by
 * `ovhdns:owner` or a ZoneRecord's `owner`) manages which record ids (docs/ownership.md, "Two stacks on one
 * zone"; the claim records' text is registry-codec.ts). ownership.ts decides between the resources of one run;
 * this decides between runs of different stacks, through the zone they share.
 *
 * Protocol, so that two stacks never both hold one record, even when they adopt it at the same moment:
 * - A claim is written, then the registry is read again. A new claim that meets a claim of another owner on the
 *   same id is withdrawn and lost, whether the other claim is old or as new as this one (then both are lost and
 *   a retry settles it). A claim that met none is established, and an established claim never yields. Of two
 *   writers, the one that reads last sees the other's claim: at most one establishes it.
 * - Claim records are never rewritten in place: a change posts a new record and then deletes the old one, so
 *   that an id is a version and a record once read needs no second GET. The claims of an owner in a zone are
 *   compacted into as few records as fit once they span more than {@link COMPACT_ABOVE} records, dropping ids
 *   the zone no longer has.
 * - Claims and releases are batched per zone: one batch runs at a time, and what arrives meanwhile joins the
 *   next one (an `up` of 200 records writes a few claim records, not 200).
 * Reads for the guards (adopt, re-bind, delete) and before a batch's writes use the registry as read once per
 * zone per process (with this process's writes applied); only the read after a write is a new listing. A batch
 * costs one POST per claim record it writes, one DELETE per record it replaces, and one listing; a batch that
 * releases claims lists the zone's record ids once more, to drop the ids of records gone meanwhile.
 */
import { ZoneRecordError } from "../records";
import { chunkClaims, formatClaim, isForeignClaim, isRedirectionClaimId, parseClaim, REGISTRY_SUBDOMAIN, type Claim } from "./registry-codec";
import { isNotFound, type ZoneApi } from "./zone-api";

/** An owner's claim records in a zone beyond which they are merged. */
export const COMPACT_ABOVE = 8;

/** A record another owner manages: this stack may neither take nor delete it. */
export class OwnerConflictError extends ZoneRecordError {
  override readonly name: string = "OwnerConflictError";
  constructor(message: string, readonly recordId: string, readonly owner: string) {
    super(message);
  }
}

interface Waiter<T> {
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
}

/** What one batch collects: per owner, the ids to claim (with who waits for each) and the ids to release. */
interface Batch {
  claims: Map<string, Map<string, Waiter<string | undefined>[]>>;
  /** The owner name a claim replaces (`owner\nid` to the former name): that claim is not another stack's. */
  formerly: Map<string, string>;
  releases: Map<string, Set<string>>;
  releaseWaiters: Waiter<void>[];
}

/** The registry of every zone a session touches. */
export class OwnerRegistry {
  private readonly zones = new Map<string, ZoneClaims>();

  constructor(private readonly api: ZoneApi) {}

  /** The claims of zone `zoneName` (normalised name). */
  of(zoneName: string): ZoneClaims {
    let zone = this.zones.get(zoneName);
    if (!zone) this.zones.set(zoneName, (zone = new ZoneClaims(this.api, zoneName)));
    return zone;
  }
}

/** The claims of one zone. */
export class ZoneClaims {
  /** Claim records by record id, as last read (`null`: a record at the registry's name that is no claim). */
  private readonly records = new Map<string, Claim | null>();
  private firstRead?: Promise<void>;
  private collecting?: Batch;
  private tail: Promise<void> = Promise.resolve();
  /**
   * The stack key of this process's stack (registry-codec.ts), written into its claims: learnt from the first
   * claim or release that names one (a provider process serves one stack).
   */
  private stack?: string;

  constructor(private readonly api: ZoneApi, private readonly zoneName: string) {}

  /** The owners that claim record `id`, from the registry as read once in this process (usually none or one). */
  async ownersOf(id: string): Promise<string[]> {
    return [...new Set((await this.claimsOf(id)).map((c) => c.owner))];
  }

  /**
   * The owner of another stack that claims record `id` (registry-codec.ts, `isForeignClaim`), for a resource of
   * owner `owner` ("": none) in the stack of key `stack`; `undefined` when the record is no other stack's.
   */
  async foreignOwner(id: string, owner: string, stack?: string, formerly?: string): Promise<string | undefined> {
    return (await this.claimsOf(id)).find((c) => isForeignClaim(c, owner, stack, formerly))?.owner;
  }

  /**
   * The other owner names under which this same stack (key `stack`) claims record `id`: the claims an owner
   * renamed or removed left, which a resource taking the record under `owner` releases.
   */
  async formerOwners(id: string, owner: string, stack?: string): Promise<string[]> {
    if (stack === undefined) return [];
    return [...new Set((await this.claimsOf(id)).filter((c) => c.stack === stack && c.owner !== owner).map((c) => c.owner))];
  }

  private async claimsOf(id: string): Promise<Claim[]> {
    await this.read();
    return [...this.records.values()].filter((c): c is Claim => c !== null && c.ids.includes(id));
  }

  /** Notes this process's stack key (see {@link stack}). */
  private learn(stack: string | undefined): void {
    if (stack !== undefined) this.stack ??= stack;
  }

  /**
   * Claims record `id` for `owner`. Resolves `undefined` once the claim is established (or already was), or
   * with the other owner whose claim it met (nothing is left claimed then). Rejects when the registry could not
   * be read or written: the claim may then be anywhere between absent and written. `formerly` is the name this
   * same stack claimed the record under before (a renamed owner): its claim does not count as another's, nor
   * does any claim bearing this stack's key `stack`.
   */
  claim(owner: string, id: string, formerly?: string, stack?: string): Promise<string | undefined> {
    this.learn(stack);
    return new Promise((resolve, reject) => {
      const batch = this.batch();
      if (formerly !== undefined) batch.formerly.set(`${owner}\n${id}`, formerly);
      let ids = batch.claims.get(owner);
      if (!ids) batch.claims.set(owner, (ids = new Map()));
      ids.set(id, [...(ids.get(id) ?? []), { resolve, reject }]);
    });
  }

  /** Withdraws `owner`'s claim of record `id` (a record deleted, or managed under another owner name). */
  release(owner: string, id: string, stack?: string): Promise<void> {
    this.learn(stack);
    return new Promise((resolve, reject) => {
      const batch = this.batch();
      let ids = batch.releases.get(owner);
      if (!ids) batch.releases.set(owner, (ids = new Set()));
      ids.add(id);
      batch.releaseWaiters.push({ resolve, reject });
    });
  }

  /** The batch collecting now; a new one, queued behind the batch running, when none collects. */
  private batch(): Batch {
    if (this.collecting) return this.collecting;
    const batch: Batch = { claims: new Map(), formerly: new Map(), releases: new Map(), releaseWaiters: [] };
    this.collecting = batch;
    this.tail = this.tail.then(() => this.run(batch));
    return batch;
  }

  private async run(batch: Batch): Promise<void> {
    // Let the steps of this turn join the batch, then close it: what comes later joins the next one.
    await new Promise((r) => setImmediate(r));
    if (this.collecting === batch) this.collecting = undefined;
    try {
      const outcome = await this.apply(batch);
      for (const [owner, ids] of batch.claims) for (const [id, waiters] of ids) for (const w of waiters) w.resolve(outcome.get(`${owner}\n${id}`));
      for (const w of batch.releaseWaiters) w.resolve();
    } catch (err) {
      // What was written is unknown: read the registry afresh next time.
      this.records.clear();
      this.firstRead = undefined;
      for (const ids of batch.claims.values()) for (const waiters of ids.values()) for (const w of waiters) w.reject(err);
      for (const w of batch.releaseWaiters) w.reject(err);
    }
  }

  /** Writes one batch; the other owner each lost claim met, keyed `owner\nid`. */
  private async apply(batch: Batch): Promise<Map<string, string>> {
    // The registry as first read (and kept up to date with this process's own writes) is enough before writing:
    // a claim another stack wrote since is found by the read after the write, which the protocol rests on.
    await this.read();
    const lost = new Map<string, string>();
    const fresh = new Map<string, string[]>();
    for (const owner of new Set([...batch.claims.keys(), ...batch.releases.keys()])) {
      const released = batch.releases.get(owner) ?? new Set<string>();
      const newIds: string[] = [];
      const established = this.ownIds(owner);
      for (const id of batch.claims.get(owner)?.keys() ?? []) {
        // An established claim never yields; a new one meeting another owner's is lost before it is written.
        if (established.has(id) || released.has(id)) continue;
        const other = this.otherClaimant(id, owner, batch.formerly.get(`${owner}\n${id}`));
        if (other !== undefined) lost.set(`${owner}\n${id}`, other);
        else newIds.push(id);
      }
      await this.rewriteOwn(owner, released, newIds.length);
      if (newIds.length > 0) {
        await this.post(newIds, owner);
        fresh.set(owner, newIds);
      }
    }
    if (fresh.size === 0) return lost;
    // Read again: a new claim that meets another owner's is withdrawn (the protocol at the top).
    await this.reread();
    for (const [owner, ids] of fresh) {
      const other = (id: string) => this.otherClaimant(id, owner, batch.formerly.get(`${owner}\n${id}`));
      const withdrawn = new Set(ids.filter((id) => other(id) !== undefined));
      for (const id of withdrawn) lost.set(`${owner}\n${id}`, other(id)!);
      if (withdrawn.size > 0) await this.rewriteOwn(owner, withdrawn, 0);
    }
    return lost;
  }

  /**
   * Rewrites `owner`'s claim records without `released` (post the rest, then delete the old record), and
   * compacts them when, with `adding` more, they would span more than {@link COMPACT_ABOVE} records.
   */
  private async rewriteOwn(owner: string, released: ReadonlySet<string>, adding: number): Promise<void> {
    const own = [...this.records].filter((entry): entry is [string, Claim] => entry[1]?.owner === owner);
    if (own.length + (adding > 0 ? 1 : 0) > COMPACT_ABOVE) {
      const present = new Set(await this.api.listRecordIds(this.zoneName));
      // Redirection claims are kept as they are: listing redirections would need rules a records-only key lacks.
      const kept = own.flatMap(([, c]) => c.ids).filter((id) => (present.has(id) || isRedirectionClaimId(id)) && !released.has(id));
      for (const claim of chunkClaims(owner, kept, this.stack)) await this.post(claim.ids, owner);
      for (const [recordId] of own) await this.remove(recordId);
      return;
    }
    // A release also drops the ids the zone no longer has (records deleted by hand, or renumbered when the zone
    // was edited as text): else a claim record naming only those outlives the owner's last record, and reads as an
    // owner whose records are behind a rewrite (registry-codec.ts, `ownersBehindRewrite`). One listing per release.
    const gone = released.size > 0 && own.length > 0 ? await this.absent(own.flatMap(([, c]) => c.ids)) : new Set<string>();
    const dropped = (id: string) => released.has(id) || gone.has(id);
    for (const [recordId, claim] of own) {
      if (!claim.ids.some(dropped)) continue;
      const rest = claim.ids.filter((id) => !dropped(id));
      if (rest.length > 0) await this.post(rest, owner);
      await this.remove(recordId);
    }
  }

  /** The record ids among `ids` that the zone no longer has (redirection claim ids are never listed: none of them). */
  private async absent(ids: readonly string[]): Promise<Set<string>> {
    const present = new Set(await this.api.listRecordIds(this.zoneName));
    return new Set(ids.filter((id) => !isRedirectionClaimId(id) && !present.has(id)));
  }

  private async post(ids: readonly string[], owner: string): Promise<void> {
    for (const claim of chunkClaims(owner, ids, this.stack)) {
      const made = await this.api.createRecord(this.zoneName, { fieldType: "TXT", subDomain: REGISTRY_SUBDOMAIN, target: formatClaim(claim), ttl: 0 });
      this.records.set(String(made.id), claim);
    }
  }

  private async remove(recordId: string): Promise<void> {
    await this.api.deleteRecord(this.zoneName, recordId);
    this.records.delete(recordId);
  }

  /** Reads the registry once in this process (again after a failed batch left it unknown). */
  private read(): Promise<void> {
    this.firstRead ??= this.reread().catch((err: unknown) => {
      this.firstRead = undefined;
      throw err;
    });
    return this.firstRead;
  }

  /** Lists the claim records; reads those not read yet, forgets those gone. */
  private async reread(): Promise<void> {
    // A zone that no longer exists took its claims with it.
    const ids = await this.api.listRecordIds(this.zoneName, { fieldType: "TXT", subDomain: REGISTRY_SUBDOMAIN }).catch((err: unknown) => {
      if (isNotFound(err)) return [];
      throw err;
    });
    const listed = new Set(ids);
    for (const id of [...this.records.keys()]) if (!listed.has(id)) this.records.delete(id);
    for (const id of ids) {
      if (this.records.has(id)) continue;
      const record = await this.api.getRecord(this.zoneName, id);
      if (record) this.records.set(id, parseClaim(record.target ?? "") ?? null);
    }
  }

  private ownIds(owner: string): Set<string> {
    return new Set([...this.records.values()].flatMap((c) => (c?.owner === owner ? c.ids : [])));
  }

  private otherClaimant(id: string, owner: string, formerly?: string): string | undefined {
    for (const claim of this.records.values()) if (claim && claim.ids.includes(id) && isForeignClaim(claim, owner, this.stack, formerly)) return claim.owner;
    return undefined;
  }
}
