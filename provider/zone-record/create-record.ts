/**
 * Creating a record without ever making a duplicate.
 *
 * A POST that fails ambiguously (timeout, reset, 5xx after the request was sent) may or may not have made the
 * record. The client never sends a POST twice (provider/ovh); here the ambiguity is settled by looking: a
 * record that matches what was asked for, that was not in the zone before this process first wrote to it, and
 * that no other create of this process owns, is the one this POST made, and is adopted. Only when there is none
 * is the POST sent again. A POST refused outright (429, connection refused) made nothing and is sent again.
 */
import { sameRecord, type ApiRecord, type ApiRecordCreate, type RecordSpec } from "../records";
import type { ZoneApi } from "./zone-api";

/** What a failed POST means for the record. */
export type PostFailure = "not-applied-retry" | "unknown" | "final";

/** Reads a failed POST: refused before it was applied, possibly applied, or refused for good (4xx). */
export function classifyPostFailure(err: unknown): PostFailure {
  if (typeof err !== "object" || err === null) return "final";
  const status = (err as { status?: unknown }).status;
  if (typeof status === "number") {
    if (status === 429) return "not-applied-retry";
    if (status === 408 || status >= 500) return "unknown";
    return "final";
  }
  const applied = (err as { mayHaveBeenApplied?: unknown }).mayHaveBeenApplied;
  if (typeof applied === "boolean") return applied ? "unknown" : "not-applied-retry";
  return "final";
}

/** Bookkeeping shared by every create of one provider process, per zone. */
export class CreateLedger {
  private readonly before = new Map<string, Promise<Set<string>>>();
  private readonly owned = new Map<string, Set<string>>();
  private readonly inFlight = new Map<string, Set<Promise<unknown>>>();

  constructor(private readonly api: ZoneApi) {}

  /** Ids in the zone before this process's first create there (one listing per zone). */
  idsBefore(zoneName: string): Promise<Set<string>> {
    let ids = this.before.get(zoneName);
    if (!ids) {
      ids = this.api.listRecordIds(zoneName).then((list) => new Set(list));
      // A failed listing is not cached: the next create asks again.
      ids.catch(() => this.before.delete(zoneName));
      this.before.set(zoneName, ids);
    }
    return ids;
  }

  /** Marks `id` as belonging to a resource of this process. */
  own(zoneName: string, id: string): void {
    let ids = this.owned.get(zoneName);
    if (!ids) this.owned.set(zoneName, (ids = new Set()));
    ids.add(id);
  }

  isOwned(zoneName: string, id: string): boolean {
    return this.owned.get(zoneName)?.has(id) ?? false;
  }

  /** Runs a POST, tracked so that a lookup for the same name and type waits for it first. */
  async track<T>(key: string, post: Promise<T>): Promise<T> {
    let set = this.inFlight.get(key);
    if (!set) this.inFlight.set(key, (set = new Set()));
    set.add(post);
    try {
      return await post;
    } finally {
      set.delete(post);
    }
  }

  /** Waits until no other POST for `key` is in flight, so its record is owned before anyone looks. */
  async settle(key: string): Promise<void> {
    const set = this.inFlight.get(key);
    if (set && set.size) await Promise.allSettled([...set]);
  }
}

/** Tuning of {@link createRecordOnce}. */
export interface CreateOptions {
  /** POST attempts in all, not counting those refused with a 429. Default 6. */
  attempts?: number;
  /** POSTs refused with a 429 (rate limit: nothing applied) that are sent again. Default 60. */
  throttledAttempts?: number;
  /** First delay before a new attempt (ms), doubled each time. Default 250. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Creates the record described by `spec` exactly once and returns it as the API has it. */
export async function createRecordOnce(
  api: ZoneApi,
  ledger: CreateLedger,
  spec: RecordSpec,
  body: ApiRecordCreate,
  options: CreateOptions = {},
): Promise<ApiRecord> {
  const attempts = options.attempts ?? 6;
  const sleep = options.sleep ?? defaultSleep;
  const key = `${spec.zoneName}|${spec.subDomain.toLowerCase()}|${spec.fieldType}`;
  const before = await ledger.idsBefore(spec.zoneName);
  let lastError: unknown;
  let throttled = 0;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (lastError !== undefined) await sleep(retryDelay(lastError, Math.max(attempt, 2), options.baseDelayMs ?? 250));
    try {
      const made = await ledger.track(key, api.createRecord(spec.zoneName, body));
      // OVH may answer id 0 (terraform-provider-ovh works around this "known OVH API bug"): look it up.
      if (made && Number(made.id) > 0) {
        ledger.own(spec.zoneName, String(made.id));
        return made;
      }
      lastError = new Error(`OVH answered the creation of a record in zone ${spec.zoneName} without an id`);
    } catch (err) {
      lastError = err;
      const failure = classifyPostFailure(err);
      if (failure === "final") throw err;
      // A rate limit is not a failure of this record: under a limit every call waits its turn (the client
      // holds all calls until Retry-After), so a 429 does not use up an attempt, up to a bound.
      if (isThrottled(err) && ++throttled <= (options.throttledAttempts ?? 60)) attempt--;
      if (failure === "not-applied-retry") continue;
    }
    const adopted = await findCreatedRecord(api, ledger, spec, before, key);
    if (adopted) return adopted;
  }
  throw lastError;
}

/** The record a possibly applied POST made, if it is there; it is then owned. */
async function findCreatedRecord(
  api: ZoneApi,
  ledger: CreateLedger,
  spec: RecordSpec,
  before: Set<string>,
  key: string,
): Promise<ApiRecord | undefined> {
  await ledger.settle(key);
  const ids = await api.listRecordIds(spec.zoneName, { fieldType: spec.fieldType, subDomain: spec.subDomain });
  for (const id of ids) {
    if (before.has(id) || ledger.isOwned(spec.zoneName, id)) continue;
    const record = await api.getRecord(spec.zoneName, id);
    if (record && sameRecord(spec, record)) {
      ledger.own(spec.zoneName, id);
      return record;
    }
  }
  return undefined;
}

function isThrottled(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { status?: unknown }).status === 429;
}

function retryDelay(err: unknown, attempt: number, baseDelayMs: number): number {
  const retryAfter = (err as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  if (typeof retryAfter === "number" && retryAfter >= 0) return retryAfter;
  const cap = Math.min(8000, baseDelayMs * 2 ** (attempt - 2));
  return cap / 2 + Math.random() * (cap / 2);
}
