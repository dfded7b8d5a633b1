/**
 * create, read, update and delete of one record, over a {@link ZoneSession}. Each mutation returns once a zone
 * refresh covering it has succeeded, or once a later mutation of the zone waits for such a refresh in its place
 * (the hand-off of refresh-coalescer.ts), so the last change of an `up` always waits for one. A record that was
 * made or changed but whose refresh failed is
 * reported with its id (Pulumi's "created but failed to initialise"), so nothing is orphaned and the next
 * `pulumi up` finishes the job. Each change is noted in the session's report (run-report.ts): its write, and
 * whether its step failed before writing; the refreshes mark it served.
 */
import { describeRecord, toApiRecordCreate, toApiRecordUpdate, ZoneRecordError, type ApiRecord, type RecordSpec } from "../records";
import { diffZoneRecord } from "./diff";
import { adoptExistingRecord, managedElsewhere } from "./adopt-record";
import { createFailure, createRecordOnce, UnsettledCreateError } from "./create-record";
import { ZoneRefreshError, type RunOptions } from "./refresh-coalescer";
import { OrphanJournal } from "./orphan-journal";
import { holderOf, holderOrNew, newInstanceId } from "./ownership";
import { assertRecordId, isNotFound } from "./zone-api";
import { OwnerConflictError } from "./owner-registry";
import { ownerIn, stackIn, toOutputs, observedSpec, specOf, type ZoneRecordOutputs } from "./outputs";
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
  const owner = ownerIn(inputs);
  const change = session.report.begin(spec.zoneName, "create", spec);
  let made: { id: number | string } | undefined;
  try {
    const orphan = await takeJournalled(session, spec, holder, owner, stackIn(inputs));
    if (orphan) return await takeOver(session, spec, orphan, holder, inputs, change);
    if (inputs.adopt === true) {
      const adopted = await adoptExistingRecord(session, spec, holder, owner, stackIn(inputs));
      if (adopted) return await takeOver(session, spec, adopted, holder, inputs, change);
    }
    // The record and its owner's claim are written in one mutation, published by one refresh.
    const { posted, lostTo } = await session.coalescer.run(spec.zoneName, async () => {
      const posted = await change.write(
        () => createRecordOnce(session.api, session.ledger, spec, toApiRecordCreate(spec), { sleep: session.options.sleep, ...session.options.create }, holder),
        createFailure,
        (record) => String(record.id),
      );
      made = posted;
      session.journal.created(spec, String(posted.id));
      return { posted, lostTo: owner === "" ? undefined : await session.registry.of(spec.zoneName).claim(owner, String(posted.id), undefined, stackIn(inputs)) };
    }, publication(inputs));
    const id = String(posted.id);
    if (lostTo !== undefined) throw managedElsewhere(spec, id, lostTo);
    return { id, outs: toOutputs(observedSpec(spec, posted), id, holder, owner) };
  } catch (err) {
    change.failed();
    if (err instanceof ZoneRefreshError) {
      const id = String(made!.id);
      const lostTo = (err.mutationResult as { lostTo?: string }).lostTo;
      if (lostTo !== undefined) throw managedElsewhere(spec, id, lostTo);
      // The plugin host does not add `__provider` to the properties of a failed create: carry it, so that a
      // `destroy` run before the next `up` can still load the provider for this record.
      throw new RecordInitError(err.message, id, withProvider(toOutputs(spec, id, holder, owner), inputs));
    }
    // The record may exist: keep the resource in the state so that the next `up` settles it (unsettled.ts).
    if (err instanceof UnsettledCreateError) {
      throw new RecordInitError(err.message, UNSETTLED_ID, withProvider(toOutputs(spec, UNSETTLED_ID, holder), inputs));
    }
    // Made, but its claim could not be written: kept in the state without an owner, so the next `up` claims it.
    if (made && !(err instanceof OwnerConflictError)) {
      const id = String(made.id);
      throw new RecordInitError(`${describeRecord(spec)} was created (record ${id}), but writing its owner claim failed: ${err instanceof Error ? err.message : String(err)}. The next \`pulumi up\` writes it.`, id, withProvider(toOutputs(spec, id, holder), inputs));
    }
    throw err;
  } finally {
    change.ended();
  }
}

/**
 * Writes the claim of the inputs' owner on record `id` in the owner registry (owner-registry.ts), published
 * like any change; the owner to store in the outputs ("" when there is none). Throws {@link OwnerConflictError}
 * when another owner's claim came first: the record is then that stack's.
 */
async function claim(session: ZoneSession, spec: RecordSpec, id: string, inputs: Record<string, unknown>, formerly?: string): Promise<string> {
  const owner = ownerIn(inputs);
  if (owner === "") return "";
  const other = await session.coalescer.run(spec.zoneName, () => session.registry.of(spec.zoneName).claim(owner, id, formerly, stackIn(inputs)), publication(inputs));
  if (other !== undefined) throw managedElsewhere(spec, id, other);
  return owner;
}

/**
 * A record that an interrupted run created for this same declaration and whose result may never have reached
 * the state (orphan-journal.ts): still there, identical, and held by no resource of the run.
 */
async function takeJournalled(session: ZoneSession, spec: RecordSpec, holder: string, owner: string, stack?: string): Promise<ApiRecord | undefined> {
  for (const entry of session.journal.candidates(spec)) {
    if (session.owners.isHeld(spec.zoneName, entry.id)) continue;
    const found = await session.api.getRecord(spec.zoneName, entry.id);
    if (!OrphanJournal.matches(spec, found)) {
      if (!found) session.journal.forget(entry);
      continue;
    }
    // Another stack took it over meanwhile (adopt): it is that stack's now.
    if ((await session.registry.of(spec.zoneName).foreignOwner(entry.id, owner, stack)) !== undefined) continue;
    // The claim follows the last await (see adopt-record.ts).
    if (!session.owners.claim(spec.zoneName, entry.id, holder)) continue;
    session.journal.forget(entry);
    return found;
  }
  return undefined;
}

/**
 * An adopted record, claimed for the inputs' owner first (nothing is changed in a record another stack turns
 * out to manage); then unchanged when it already is as declared, else its TTL is set (and published) in place.
 * Claims this same stack made under another owner name (an owner renamed or removed in the same `up` as a
 * rename: the old resource holds the record until its delete, which then hands it over) are released.
 */
async function takeOver(session: ZoneSession, spec: RecordSpec, found: ApiRecord, holder: string, inputs: Record<string, unknown>, change: RunChange) {
  const id = String(found.id);
  const owner = ownerIn(inputs);
  const stack = stackIn(inputs);
  const sameTtl = (found.ttl ?? 0) === spec.ttl;
  const claims = session.registry.of(spec.zoneName);
  const formers = await claims.formerOwners(id, owner, stack);
  if (owner !== "" || !sameTtl || formers.length > 0) {
    change.kind = "take over";
    change.id = id;
    const lostTo = await session.coalescer.run(spec.zoneName, () => change.write(async () => {
      const lostTo = owner === "" ? undefined : await claims.claim(owner, id, undefined, stack);
      if (lostTo !== undefined) return lostTo;
      for (const former of formers) await claims.release(former, id, stack);
      if (!sameTtl) await session.api.updateRecord(spec.zoneName, id, toApiRecordUpdate(spec));
      return undefined;
    }, idempotentWriteFailure), publication(inputs)).catch((err: unknown) => {
      if (err instanceof ZoneRefreshError) throw new RecordInitError(err.message, id, withProvider(toOutputs(spec, id, holder, err.mutationResult === undefined ? owner : ""), inputs));
      throw err;
    });
    if (lostTo !== undefined) throw managedElsewhere(spec, id, lostTo);
  }
  return { id, outs: toOutputs(observedSpec(spec, { ...found, ttl: spec.ttl }), id, holder, owner) };
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
  const [before, after] = [ownerIn(olds), ownerIn(news)];
  assertRecordId(spec.zoneName, recordId);
  // Another stack's record is never written: its owner's claim came first (owner-registry.ts).
  const other = await session.registry.of(spec.zoneName).foreignOwner(recordId, after, stackIn(news), before);
  if (other !== undefined) throw managedElsewhere(spec, recordId, other);
  // Only a new owner claim leaves the record alone. An update with nothing to change is the engine finishing a
  // step that failed to initialise (its refresh failed): the PUT and its refresh publish it at last.
  const changed = diffZoneRecord(olds, news, () => false).changed;
  const recordChanges = changed.length === 0 || changed.some((key) => key !== "owner");
  const outs = toOutputs(spec, recordId, holder, before);
  const change = recordChanges ? session.report.begin(spec.zoneName, "update", spec, recordId) : undefined;
  try {
    if (change) {
      await session.coalescer.run(spec.zoneName, () => change.write(
        () => session.api.updateRecord(spec.zoneName, recordId, toApiRecordUpdate(spec)),
        idempotentWriteFailure,
      ), publication(news));
    }
  } catch (err) {
    change?.failed();
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
  return { outs: await reclaim(session, spec, recordId, olds, news, holder, outs) };
}

/**
 * The outputs after the owner's claim is (re)written when the owner changed or its claim is missing: the new
 * owner claims, the old one releases. A failure keeps the record in the state with the claim it has.
 */
async function reclaim(session: ZoneSession, spec: RecordSpec, recordId: string, olds: Record<string, unknown>, news: Record<string, unknown>, holder: string, outs: ZoneRecordOutputs) {
  const [before, after] = [ownerIn(olds), ownerIn(news)];
  if (before === after) return outs;
  try {
    const owner = after === "" ? "" : await claim(session, spec, recordId, news, before === "" ? undefined : before);
    const claims = session.registry.of(spec.zoneName);
    const stack = stackIn(news);
    const formers = new Set([...(before === "" ? [] : [before]), ...(await claims.formerOwners(recordId, after, stack))]);
    for (const former of formers) await session.coalescer.run(spec.zoneName, () => claims.release(former, recordId, stack), publication(news));
    return toOutputs(spec, recordId, holder, owner);
  } catch (err) {
    if (err instanceof OwnerConflictError) throw err;
    throw new RecordInitError(err instanceof Error ? err.message : String(err), recordId, withProvider(outs, news));
  }
}

async function settleOnUpdate(session: ZoneSession, olds: Record<string, unknown>, news: Record<string, unknown>) {
  const spec = specOf(news);
  const holder = holderOrNew(olds);
  // A take-over when the record is found; when it is not, the create below is the change.
  const change = session.report.begin(spec.zoneName, "take over", spec);
  const settled = await settleUnsettled(session, specOf(olds), spec, holder, ownerIn(news), change).catch((err: unknown) => {
    change.failed();
    if (err instanceof ZoneRefreshError) throw new RecordInitError(err.message, UNSETTLED_ID, withProvider(toOutputs(spec, UNSETTLED_ID, holder), news));
    throw err;
  }).finally(() => change.ended());
  if (settled) return { outs: { ...settled.outs, ...(await reclaim(session, spec, settled.id, {}, news, holder, settled.outs)) } };
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
  const owner = ownerIn(props);
  const stack = stackIn(props);
  assertRecordId(zoneName, recordId);
  const claims = session.registry.of(zoneName);
  // Another stack's owner claims it (it adopted the record): the record is that stack's; this one lets go.
  if ((await claims.foreignOwner(recordId, owner, stack)) !== undefined) return;
  const released = [...(owner === "" ? [] : [owner]), ...(await claims.formerOwners(recordId, owner, stack))];
  const change = session.report.begin(zoneName, "delete", specOf(props), recordId);
  try {
    await session.coalescer.run(zoneName, async () => {
      await change.write(() => session.api.deleteRecord(zoneName, recordId), idempotentWriteFailure);
      for (const name of released) await claims.release(name, recordId, stack);
    });
    // Deleted and published: a deletion an earlier run could not publish is done.
    session.journal.forget({ id: recordId, spec: specOf(props) });
  } catch (err) {
    if (err instanceof ZoneRefreshError && isNotFound(err.cause)) {
      session.journal.forget({ id: recordId, spec: specOf(props) });
      return change.forget();
    }
    change.failed();
    if (err instanceof ZoneRefreshError) {
      // The state keeps the resource (a failed delete changes nothing there): a later `up` declaring the record
      // again must make it anew, which it learns from the journal on this machine, or from `pulumi refresh`.
      session.journal.deletedUnpublished(specOf(props), recordId);
      throw new DeleteUnpublishedError(zoneName, recordId, err);
    }
    throw err;
  }
}

/**
 * A record's DELETE was applied but the zone refresh that publishes it failed: the record is gone from the zone
 * yet still served, and the state still holds the resource (a delete that fails leaves it there).
 */
export class DeleteUnpublishedError extends ZoneRecordError {
  override readonly name: string = "DeleteUnpublishedError";
  constructor(readonly zoneName: string, readonly recordId: string, override readonly cause: ZoneRefreshError) {
    super(
      `record ${recordId} was deleted from zone ${zoneName}, but the zone refresh that publishes the deletion failed: ` +
        `${cause.cause instanceof Error ? cause.cause.message : String(cause.cause)}. The state still holds the record: run \`pulumi up\` ` +
        "(or `pulumi destroy`) again to publish the deletion. If the program declares the record again, the next `up` on this " +
        "machine makes it anew; on another machine (a CI runner), run `pulumi refresh` before that `up`, which drops the deleted " +
        "record from the state so that the `up` makes it again.",
    );
  }
}
