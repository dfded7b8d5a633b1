/**
 * create, read, update and delete of one DynHost record, over the records' {@link ZoneSession}: the same signed
 * client and pacing, and the same refresh coalescer, so that the zone refresh publishing a DynHost record is shared
 * with the record changes of its zone (a DynHost record made through the API is served only after a refresh:
 * docs/ovh-api.md §4, "DynHost"). Each change is noted in the run's report, so a failing `up` names it.
 */
import { ApiRecordError, isRecordId } from "../records";
import { classifyFailure } from "../ovh/outcome";
import { holderOf, holderOrNew, newInstanceId, type RecordOwnership } from "../zone-record/ownership";
import { deletePublished, parseObjectId, publication, sessionApi, withProvider, writeInPlace } from "../zone-record/published-steps";
import { ZoneRefreshError } from "../zone-record/refresh-coalescer";
import type { ZoneSession } from "../zone-record/session";
import { isNotFound } from "../zone-record/zone-api";
import { DynHostApi } from "./api";
import { DynHostGoneError, DynHostInitError } from "./errors";
import { describeDynHostRecord, dynHostRecordSpecOf, type ApiDynHostRecord, type DynHostRecordSpec } from "./model";
import { observedDynHostRecord, toDynHostRecordOutputs, type DynHostRecordOutputs } from "./outputs";

/** What a DynHost step works with: the session of its credentials, and which resource holds which DynHost record. */
export interface DynHostContext {
  session: ZoneSession;
  /** DynHost record ids held by the resources of this process (ids of another space than the records'). */
  owners: RecordOwnership;
}

type Props = Record<string, unknown>;

/** The DynHost routes over the session's client. */
export const dynHostApiOf = sessionApi((client) => new DynHostApi(client));

/** How the run's report names a DynHost record. */
function reportEntry(spec: DynHostRecordSpec) {
  return { subDomain: spec.subDomain, fieldType: "DynHost", target: spec.ip };
}

/** Creates the DynHost record of the checked `inputs`, or with `adopt: true` takes over the one of that name. */
export async function createDynHostRecord(ctx: DynHostContext, inputs: Props, holder = newInstanceId()) {
  const spec = dynHostRecordSpecOf(inputs);
  if (inputs.adopt === true) {
    const found = await findTakeable(ctx, spec, holder, false);
    if (found) return takeOver(ctx, spec, found, holder, inputs);
  }
  const change = ctx.session.report.begin(spec.zoneName, "create", reportEntry(spec));
  let made: ApiDynHostRecord | undefined;
  try {
    await ctx.session.coalescer.run(spec.zoneName, () => change.write(async () => {
      made = await postOnce(ctx, spec, holder);
      ctx.owners.hold(spec.zoneName, String(made.id), holder);
      change.id = `DynHost record ${made.id}`;
    }, (err) => (classifyFailure(err).applied === "not-applied" ? "not-written" : "may-exist")), publication(inputs));
    return { id: String(made!.id), outs: toDynHostRecordOutputs(spec, String(made!.id), made!.ttl, holder) };
  } catch (err) {
    change.failed();
    if (err instanceof ZoneRefreshError && made !== undefined) {
      throw new DynHostInitError(err.message, String(made.id), withProvider(toDynHostRecordOutputs(spec, String(made.id), made.ttl, holder), inputs));
    }
    throw err;
  } finally {
    change.ended();
  }
}

/**
 * One POST; when its answer is lost after it may have been applied (the client sends a POST again only when it
 * certainly was not: provider/ovh/outcome.ts), the record it may have made is looked for once: an identical one
 * (name and address) that no resource holds is this POST's.
 */
async function postOnce(ctx: DynHostContext, spec: DynHostRecordSpec, holder: string): Promise<ApiDynHostRecord> {
  let made: ApiDynHostRecord;
  try {
    made = await dynHostApiOf(ctx.session).createRecord(spec.zoneName, { ip: spec.ip, subDomain: spec.subDomain });
  } catch (err) {
    if (classifyFailure(err).applied === "not-applied") throw err;
    const found = await findTakeable(ctx, spec, holder, true).catch(() => undefined);
    if (found) return found;
    throw err;
  }
  if (!isRecordId(made?.id)) {
    throw new ApiRecordError(`OVH answered the creation of ${describeDynHostRecord(spec)} in zone ${spec.zoneName} with id ` +
      `${JSON.stringify(made?.id)}, which is not a whole number from 1 to 2^53 - 1: delete it in the OVH console, then run \`pulumi up\` again.`);
  }
  return made;
}

/**
 * The DynHost record at `spec`'s name (with `sameIp`, only one holding `spec.ip`) that no resource of the run holds,
 * now held; `undefined` when there is none.
 */
async function findTakeable(ctx: DynHostContext, spec: DynHostRecordSpec, holder: string, sameIp: boolean): Promise<ApiDynHostRecord | undefined> {
  const api = dynHostApiOf(ctx.session);
  for (const id of await api.listRecordIds(spec.zoneName, spec.subDomain)) {
    if (ctx.owners.isHeld(spec.zoneName, id)) continue;
    const found = await api.getRecord(spec.zoneName, id);
    // The test and the claim follow the last await: two adoptions in parallel never take one record.
    if (!found || (found.subDomain ?? "").toLowerCase() !== spec.subDomain || (sameIp && found.ip !== spec.ip)) continue;
    if (ctx.owners.claim(spec.zoneName, id, holder)) return found;
  }
  return undefined;
}

/** An adopted record: unchanged when its address is the declared one, else set in place by one PUT. */
async function takeOver(ctx: DynHostContext, spec: DynHostRecordSpec, found: ApiDynHostRecord, holder: string, inputs: Props) {
  const id = String(found.id);
  const outs = toDynHostRecordOutputs(spec, id, found.ttl, holder);
  if (found.ip !== spec.ip) await putInPlace(ctx, "take over", spec, id, inputs, outs);
  return { id, outs };
}

/** One PUT setting record `id` to `spec`, published by the zone's refresh; a failed refresh keeps it in the state. */
function putInPlace(ctx: DynHostContext, kind: "take over" | "update", spec: DynHostRecordSpec, id: string, inputs: Props, outs: DynHostRecordOutputs): Promise<void> {
  return writeInPlace(ctx.session, kind, spec.zoneName, reportEntry(spec), `DynHost record ${id}`,
    () => dynHostApiOf(ctx.session).updateRecord(spec.zoneName, id, { ip: spec.ip, subDomain: spec.subDomain }), inputs,
    (message) => new DynHostInitError(message, id, withProvider(outs, inputs)));
}

/**
 * Reads DynHost record `id` (`pulumi refresh`, `.get()`): its name and address as OVH has them now, so an address
 * a DynHost client pushed shows as drift. A 404 means it was deleted: refresh drops it. An id may be `<id>.<zoneName>`.
 */
export async function readDynHostRecord(ctx: DynHostContext, id: string, props: Props) {
  const importing = props.dynHostId === undefined;
  const { objectId: recordId, zoneName } = parseObjectId(id, props, "DynHostRecord", "an OVH DynHost record id (a whole number)");
  const found = await dynHostApiOf(ctx.session).getRecord(zoneName, recordId);
  if (!found) return { id: "", props: {} };
  const holder = importing ? "" : holderOrNew(props);
  if (!importing) ctx.owners.hold(zoneName, recordId, holder);
  const outs = toDynHostRecordOutputs(observedDynHostRecord({ ...dynHostRecordSpecOf(props), zoneName }, found), recordId, found.ttl, holder);
  if (!importing) return { id: recordId, props: { ...outs } };
  const { dynHostId: _d, fqdn: _f, ttl: _t, ...inputs } = outs;
  return { id: recordId, props: { ...outs }, inputs };
}

/** Sets `subDomain` and `ip` of record `id` in place: one PUT, published by the zone's refresh. */
export async function updateDynHostRecord(ctx: DynHostContext, id: string, olds: Props, news: Props) {
  const spec = dynHostRecordSpecOf(news);
  const holder = holderOrNew(olds);
  const outs = toDynHostRecordOutputs(spec, id, typeof olds.ttl === "number" ? olds.ttl : null, holder);
  await putInPlace(ctx, "update", spec, id, news, outs).catch((err: unknown) => {
    if (!isNotFound(err)) throw err;
    throw new DynHostGoneError(
      `DynHost record ${id} (${describeDynHostRecord(spec)}) of zone ${spec.zoneName} no longer exists: it was deleted outside Pulumi. ` +
        "Run `pulumi refresh` to drop it from the state, then `pulumi up` to create it again.",
      { cause: err },
    );
  });
  ctx.owners.hold(spec.zoneName, id, holder);
  return { outs };
}

/**
 * Deletes DynHost record `id`, unless another resource of the run holds it now (a renamed resource with `adopt`).
 * One already gone (404) counts as deleted; a zone gone (404 on its refresh) took it with it.
 */
export async function deleteDynHostRecord(ctx: DynHostContext, id: string, props: Props): Promise<void> {
  const spec = dynHostRecordSpecOf(props);
  if (ctx.owners.handedOver(spec.zoneName, id, holderOf(props))) return;
  await deletePublished(ctx.session, spec.zoneName, reportEntry(spec), `DynHost record ${id}`, () => dynHostApiOf(ctx.session).removeRecord(spec.zoneName, id));
}
