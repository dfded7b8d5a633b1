/**
 * create, read, update and delete of one record, over a {@link ZoneSession}. Each mutation returns once a zone
 * refresh covering it has succeeded, or once a later mutation of the zone waits for such a refresh in its place
 * (the hand-off of refresh-coalescer.ts), so the last change of an `up` always waits for one. A record that was
 * made or changed but whose refresh failed is
 * reported with its id (Pulumi's "created but failed to initialise"), so nothing is orphaned and the next
 * `pulumi up` finishes the job. Each change is noted in the session's report (run-report.ts): its write, and
 * whether its step failed before writing; the refreshes mark it served.
 */
import { toApiRecordCreate, toApiRecordUpdate, ZoneRecordError, type ApiRecord, type RecordSpec } from "../records";
import { adoptExistingRecord } from "./adopt-record";
import { createFailure, createRecordOnce, UnsettledCreateError } from "./create-record";
import { ZoneRefreshError, type RunOptions } from "./refresh-coalescer";
import { OrphanJournal } from "./orphan-journal";
import { holderOf, holderOrNew, newInstanceId } from "./ownership";
import { isNotFound } from "./zone-api";
import { toOutputs, observedSpec, specOf, type ZoneRecordOutputs } from "./outputs";
import { idempotentWriteFailure, type RunChange } from "./run-report";
import type { ZoneSession } from "./session";
import { UNSETTLED_ID, isUnsettled, recordIdOf, settleUnsettled } from "./unsettled";

/** An error the plugin host reports as ErrorResourceInitFailed: the record exists and stays in the state. */
export class RecordInitError extends ZoneRecordError {
  override readonly name: string = "RecordInitError";
  readonly reasons: string[];
  constructor(message: string, readonly id: string, readonly properties: ZoneRecordOutputs & { __provider?: unknown }) {
    super(message);
    this.reasons = [message];
  }
}

/** An update found its record gone: deleted, or renumbered by a text edit of the zone (`pulumi refresh` tells). */
export class RecordGoneError extends ZoneRecordError {
  override readonly name: string = "RecordGoneError";
}

/** How a change waits for its publication: `waitUntilPublished` refuses the refresh hand-off. */
function publication(inputs: Record<string, unknown>): RunOptions {
  return { handOff: inputs.waitUntilPublished !== true };
}

/** `outs` with the `__provider` of `props`, when there is one (never an undefined value: see outputs.ts). */
function withProvider(outs: ZoneRecordOutputs, props: Record<string, unknown>): ZoneRecordOutputs & { __provider?: unknown } {
  return props.__provider === undefined ? outs : { ...outs, __provider: props.__provider };
}

/**
 * Creates the record of the checked `inputs`, or with `adopt: true` takes over the identical record that
 * already exists (see adopt-record.ts), setting its TTL in place when it differs.
 */
export async function createZoneRecord(session: ZoneSession, inputs: Record<string, unknown>, holder = newInstanceId()) {
  const spec = specOf(inputs);
  const change = session.report.begin(spec.zoneName, "create", spec);
  try {
    const orphan = await takeJournalled(session, spec, holder);
    if (orphan) return await takeOver(session, spec, orphan, holder, inputs, change);
    if (inputs.adopt === true) {
      const adopted = await adoptExistingRecord(session.api, session.ledger, spec, holder);
      if (adopted) return await takeOver(session, spec, adopted, holder, inputs, change);
    }
    const made = await session.coalescer.run(spec.zoneName, () => change.write(
      () => createRecordOnce(session.api, session.ledger, spec, toApiRecordCreate(spec), { sleep: session.options.sleep, ...session.options.create }, holder),
      createFailure,
      (record) => String(record.id),
    ), publication(inputs));
    const id = String(made.id);
    session.journal.created(spec, id);
    return { id, outs: toOutputs(observedSpec(spec, made), id, holder) };
  } catch (err) {
    change.failed();
    if (err instanceof ZoneRefreshError) {
      const made = err.mutationResult as { id: number | string };
      const id = String(made.id);
      // The plugin host does not add `__provider` to the properties of a failed create: carry it, so that a
      // `destroy` run before the next `up` can still load the provider for this record.
      throw new RecordInitError(err.message, id, withProvider(toOutputs(spec, id, holder), inputs));
    }
    // The record may exist: keep the resource in the state so that the next `up` settles it (unsettled.ts).
    if (err instanceof UnsettledCreateError) {
      throw new RecordInitError(err.message, UNSETTLED_ID, withProvider(toOutputs(spec, UNSETTLED_ID, holder), inputs));
    }
    throw err;
  } finally {
    change.ended();
  }
}

/**
 * A record that an interrupted run created for this same declaration and whose result may never have reached
 * the state (orphan-journal.ts): still there, identical, and held by no resource of the run.
 */
async function takeJournalled(session: ZoneSession, spec: RecordSpec, holder: string): Promise<ApiRecord | undefined> {
  for (const entry of session.journal.candidates(spec)) {
    if (session.owners.isHeld(spec.zoneName, entry.id)) continue;
    const found = await session.api.getRecord(spec.zoneName, entry.id);
    if (!OrphanJournal.matches(spec, found)) {
      if (!found) session.journal.forget(entry);
      continue;
    }
    // The claim follows the last await (see adopt-record.ts).
    if (!session.owners.claim(spec.zoneName, entry.id, holder)) continue;
    session.journal.forget(entry);
    return found;
  }
  return undefined;
}

/** An adopted record: unchanged when it already is as declared, else its TTL is set (and published) in place. */
async function takeOver(session: ZoneSession, spec: RecordSpec, found: ApiRecord, holder: string, inputs: Record<string, unknown>, change: RunChange) {
  const id = String(found.id);
  if ((found.ttl ?? 0) !== spec.ttl) {
    change.kind = "take over";
    change.id = id;
    await session.coalescer.run(spec.zoneName, () => change.write(async () => {
      await session.api.updateRecord(spec.zoneName, id, toApiRecordUpdate(spec));
      return found;
    }, idempotentWriteFailure), publication(inputs));
  }
  return { id, outs: toOutputs(observedSpec(spec, { ...found, ttl: spec.ttl }), id, holder) };
}

/**
 * Changes `subDomain`, `target` and `ttl` of record `id` in place; for a create left unsettled, first settles it
 * (takes over the record it may have made, or creates it).
 */
export async function updateZoneRecord(session: ZoneSession, id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
  if (isUnsettled(id, olds)) return settleOnUpdate(session, olds, news);
  const recordId = recordIdOf(id, olds);
  const spec = specOf(news);
  const holder = holderOrNew(olds);
  const outs = toOutputs(spec, recordId, holder);
  const change = session.report.begin(spec.zoneName, "update", spec, recordId);
  try {
    await session.coalescer.run(spec.zoneName, () => change.write(
      () => session.api.updateRecord(spec.zoneName, recordId, toApiRecordUpdate(spec)),
      idempotentWriteFailure,
    ), publication(news));
  } catch (err) {
    change.failed();
    if (err instanceof ZoneRefreshError) throw new RecordInitError(err.message, id, withProvider(outs, news));
    // Not a replace: the record may only have been renumbered (a text edit of the zone in the OVH console), and
    // a new record beside it would be a duplicate serving both targets. `pulumi refresh` re-binds a renumbered
    // record or drops a deleted one; the next `up` then updates or recreates it.
    if (isNotFound(err)) {
      throw new RecordGoneError(
        `record ${recordId} of zone ${spec.zoneName} no longer exists: it was deleted or renumbered outside Pulumi ` +
          "(editing a zone as text in the OVH console renumbers its records). Run `pulumi refresh` to re-bind " +
          "or drop it, then `pulumi up` again.",
        { cause: err },
      );
    }
    throw err;
  }
  session.owners.hold(spec.zoneName, recordId, holder);
  return { outs };
}

async function settleOnUpdate(session: ZoneSession, olds: Record<string, unknown>, news: Record<string, unknown>) {
  const spec = specOf(news);
  const holder = holderOrNew(olds);
  // A take-over when the record is found; when it is not, the create below is the change.
  const change = session.report.begin(spec.zoneName, "take over", spec);
  const settled = await settleUnsettled(session, specOf(olds), spec, holder, change).catch((err: unknown) => {
    change.failed();
    if (err instanceof ZoneRefreshError) throw new RecordInitError(err.message, UNSETTLED_ID, withProvider(toOutputs(spec, UNSETTLED_ID, holder), news));
    throw err;
  }).finally(() => change.ended());
  if (settled) return { outs: settled.outs };
  const { outs } = await createZoneRecord(session, news, holder);
  return { outs };
}

/**
 * Deletes record `id`, unless another resource of the run holds it now (ownership.ts: it was handed over, and
 * the resource leaves the state without touching it). A record already gone (404) counts as deleted, and the
 * zone is refreshed all the same: the DELETE that removed it (a lost answer sent again, or an earlier run whose
 * refresh failed) may never have been published. A zone that no longer exists (404 on its refresh) took its
 * records with it. A create left unsettled and never settled has no known record: there is nothing this stack
 * knows it made.
 */
export async function deleteZoneRecord(session: ZoneSession, id: string, props: Record<string, unknown>) {
  if (isUnsettled(id, props)) return;
  const recordId = recordIdOf(id, props);
  const { zoneName } = specOf(props);
  if (session.owners.handedOver(zoneName, recordId, holderOf(props))) return;
  const change = session.report.begin(zoneName, "delete", specOf(props), recordId);
  try {
    await session.coalescer.run(zoneName, () => change.write(() => session.api.deleteRecord(zoneName, recordId), idempotentWriteFailure));
  } catch (err) {
    if (err instanceof ZoneRefreshError && isNotFound(err.cause)) return change.forget();
    change.failed();
    throw err;
  }
}
