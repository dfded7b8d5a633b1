/**
 * Creating a record without ever making a duplicate.
 *
 * A POST that fails ambiguously (timeout, reset, 5xx after the request was sent) may or may not have made the
 * record, and may still be being applied after the client gave up. The client sends a POST again only when it
 * was certainly not applied (provider/ovh/outcome.ts); here the ambiguity is settled by waiting, then looking: a
 * record that matches what was asked for, that was not in the zone before this process first wrote to it, and
 * that no other create of this process owns, is the one this POST made, and is adopted. Only when there is none
 * is the POST sent again. When the lookup itself cannot be done, the create fails with an
 * {@link UnsettledCreateError} naming the record that may exist (see lifecycle.ts for what the next `up` does).
 */
import { classifyFailure } from "../ovh/outcome";
import { ApiRecordError, describeRecord, isRecordId, sameRecord, ZoneRecordError, type ApiRecord, type ApiRecordCreate, type RecordSpec } from "../records";
import { CreateLedger } from "./create-ledger";
import { newInstanceId } from "./ownership";
import type { WriteFailure } from "./run-report";
import type { ZoneApi } from "./zone-api";

export { CreateLedger } from "./create-ledger";

/** Tuning of {@link createRecordOnce}. */
export interface CreateOptions {
  /** POST attempts in all, not counting those refused with a 429. Default 6. */
  attempts?: number;
  /** POSTs refused with a 429 (rate limit: nothing applied) that are sent again. Default 60. */
  throttledAttempts?: number;
  /** First wait before a new attempt (ms), doubled each time (capped at 8 s). Default 250. */
  baseDelayMs?: number;
  /**
   * First wait after a POST that may have been applied, before looking for its record (ms), doubled each time
   * (capped at 8 s): a POST still being applied after the client gave up must be seen. Default 1000.
   */
  settleDelayMs?: number;
  /** Attempts of the lookup after an ambiguous POST (each already retried by the client). Default 3. */
  lookupAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A create whose POST may have made the record, and whose lookup could not say: the record may exist. */
export class UnsettledCreateError extends ZoneRecordError {
  override readonly name: string = "UnsettledCreateError";
  constructor(readonly spec: RecordSpec, cause: unknown) {
    super(
      `the creation of ${describeSpec(spec)} may ` +
        `have been applied, and looking for it failed: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        "It is kept in the state as unsettled: the next `pulumi up` (or `pulumi refresh`) looks for it again and adopts it " +
        "instead of creating a second one.",
      { cause },
    );
  }
}

/** `www A 192.0.2.1 (ttl 3600) in zone example.com`, for messages. */
function describeSpec(spec: RecordSpec): string {
  return `${describeRecord(spec)} (ttl ${spec.ttl}) in zone ${spec.zoneName}`;
}

/**
 * The id OVH answered a create with, as a decimal string; `undefined` for no id or id 0 (OVH's known create
 * bug: the record is looked up instead). An id this model cannot hold exactly (past 2^53, negative, not a whole
 * number) is refused: the record was made, but every later GET, PUT or DELETE by that id would miss it or hit
 * another record, so the create fails here, naming the record to remove, rather than tracking a wrong id.
 */
function createdId(spec: RecordSpec, made: ApiRecord | undefined): string | undefined {
  const id: unknown = made?.id;
  if (id === undefined || id === null || id === 0) return undefined;
  if (isRecordId(id)) return String(id);
  const refused = new ApiRecordError(
    `OVH answered the creation of ${describeSpec(spec)} with id ${JSON.stringify(id)}, which is not a whole number ` +
      "from 1 to 2^53 - 1: the record was made but cannot be tracked by that id. Delete it in the OVH console " +
      "(or with the API), then run `pulumi up` again.",
  );
  untracked.add(refused);
  throw refused;
}

/** The errors of creates that made a record this model cannot track (see {@link createdId}). */
const untracked = new WeakSet<Error>();

/**
 * What a failed {@link createRecordOnce} left in the zone, for the run's report (run-report.ts): a record that
 * may exist (unsettled), a record made with an id that cannot be tracked, or nothing (every POST was refused, or
 * the look-up after an ambiguous one found no record).
 */
export function createFailure(err: unknown): WriteFailure {
  if (err instanceof UnsettledCreateError) return "may-exist";
  if (err instanceof Error && untracked.has(err)) return "untracked";
  return "not-written";
}

/** Creates the record described by `spec` exactly once for resource `holder`, and returns it as the API has it. */
export async function createRecordOnce(
  api: ZoneApi,
  ledger: CreateLedger,
  spec: RecordSpec,
  body: ApiRecordCreate,
  options: CreateOptions = {},
  holder = newInstanceId(),
): Promise<ApiRecord> {
  const attempts = options.attempts ?? 6;
  const sleep = options.sleep ?? defaultSleep;
  const key = `${spec.zoneName}|${spec.subDomain.toLowerCase()}|${spec.fieldType}`;
  const before = await ledger.idsBefore(spec.zoneName);
  const look = () => lookUpCreated(api, ledger, spec, before, key, options, holder);
  let lastError: unknown;
  let mayExist = false;
  let throttled = 0;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (mayExist) {
      // Wait, then look, then post: a POST still being applied must be found before anything is sent again.
      await sleep(delay(options.settleDelayMs ?? 1000, attempt - 1));
      const found = await look();
      if (found) return found;
      mayExist = false;
    } else if (lastError !== undefined && !classifyFailure(lastError).throttled) {
      // After a 429 the client itself holds every call until Retry-After: no second wait here.
      await sleep(delay(options.baseDelayMs ?? 250, attempt - 1));
    }
    try {
      const made = await ledger.track(key, api.createRecord(spec.zoneName, body));
      // OVH may answer id 0 (terraform-provider-ovh works around this "known OVH API bug"): look it up.
      const id = createdId(spec, made);
      if (id !== undefined) {
        if (ledger.owners.claim(spec.zoneName, id, holder)) return made;
        lastError = new ApiRecordError(`OVH answered the creation of a record in zone ${spec.zoneName} with id ${id}, already held by another resource`);
      } else {
        lastError = new ApiRecordError(`OVH answered the creation of a record in zone ${spec.zoneName} without an id`);
      }
      mayExist = true;
    } catch (err) {
      if (err instanceof ApiRecordError) throw err;
      lastError = err;
      const outcome = classifyFailure(err);
      if (outcome.applied === "applied") return settleApplied(spec, look, err);
      if (outcome.applied === "unknown") {
        mayExist = true;
        continue;
      }
      if (!outcome.retryable) throw err;
      // A rate limit is not a failure of this record: under a limit every call waits its turn (the client
      // holds all calls until Retry-After), so a 429 does not use up an attempt, up to a bound.
      if (outcome.throttled && ++throttled <= (options.throttledAttempts ?? 60)) attempt--;
    }
  }
  if (mayExist) {
    await sleep(delay(options.settleDelayMs ?? 1000, attempts));
    const found = await look();
    if (found) return found;
  }
  throw lastError;
}

/** A POST that was applied but whose answer was unreadable: its record is there; never post again. */
async function settleApplied(spec: RecordSpec, look: () => Promise<ApiRecord | undefined>, err: unknown): Promise<ApiRecord> {
  const found = await look();
  if (found) return found;
  throw new UnsettledCreateError(spec, err);
}

/**
 * The record a possibly applied POST made, if it is there (then owned); `undefined` when the zone was read and
 * it is not. The lookup is only GETs: it is tried again, and when it still fails the create is unsettled.
 */
async function lookUpCreated(
  api: ZoneApi,
  ledger: CreateLedger,
  spec: RecordSpec,
  before: Set<string>,
  key: string,
  options: CreateOptions,
  holder: string,
): Promise<ApiRecord | undefined> {
  const attempts = options.lookupAttempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await findCreatedRecord(api, ledger, spec, before, key, holder);
    } catch (err) {
      if (attempt >= attempts) throw new UnsettledCreateError(spec, err);
      await (options.sleep ?? defaultSleep)(delay(options.baseDelayMs ?? 250, attempt));
    }
  }
}

/** One look for the record a POST made: new since `before`, identical to `spec`, claimed by nobody. */
async function findCreatedRecord(
  api: ZoneApi,
  ledger: CreateLedger,
  spec: RecordSpec,
  before: Set<string>,
  key: string,
  holder: string,
): Promise<ApiRecord | undefined> {
  await ledger.settle(key);
  const ids = await api.listRecordIds(spec.zoneName, { fieldType: spec.fieldType, subDomain: spec.subDomain });
  for (const id of ids) {
    if (before.has(id) || ledger.owners.isHeld(spec.zoneName, id)) continue;
    const record = await api.getRecord(spec.zoneName, id);
    // The claim follows the last await: the test of ownership and the claim happen in one turn of the event
    // loop, so two lookups in parallel never both take this record (adopt-record.ts does the same).
    if (record && sameRecord(spec, record) && ledger.owners.claim(spec.zoneName, id, holder)) return record;
  }
  return undefined;
}

/** `base * 2^(n-1)`, capped at 8 s, with jitter in its upper half; 0 for n < 1. */
function delay(base: number, n: number): number {
  if (n < 1) return 0;
  const cap = Math.min(8000, base * 2 ** (n - 1));
  return cap / 2 + Math.random() * (cap / 2);
}
