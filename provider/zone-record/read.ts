/**
 * read: the record as OVH has it now, for `pulumi refresh` and for the `import` resource option.
 *
 * On a 404 during a refresh the record may have been renumbered rather than deleted: editing a zone as text in
 * the OVH console gives every record a new id (terraform-provider-ovh #275, docs/ovh-api-client.md). An identical
 * record that no other resource holds is then re-bound to; otherwise the record is gone and refresh drops it.
 * Only a refresh re-binds (its stored outputs carry the `recordId` this stack created): an import or `.get()` of
 * an id that does not exist is answered "not found", never with some other record. A create left unsettled
 * (unsettled.ts) is settled the same way. A failure to read (403, 5xx, unknown zone) is an error, never a
 * silent drop.
 */
import { checkZoneName } from "../records/names";
import { isRecordIdText, normaliseRecordInputs, RecordIdError, sameRecord, type ApiRecord, type RecordSpec } from "../records";
import { observedSpec, ownerIn, specOf, stackIn, toOutputs } from "./outputs";
import { holderOrNew } from "./ownership";
import type { ZoneSession } from "./session";
import { isUnsettled, recordIdOf } from "./unsettled";

/** What read answers: an empty id when the record no longer exists. */
export interface ZoneRecordRead {
  id: string;
  props: Record<string, unknown>;
  inputs?: Record<string, unknown>;
}

/**
 * Reads record `id`. `props` are the stored outputs (refresh) or only the program's inputs (import). An
 * import id may also be written `<zoneName>/<recordId>` (the `ovhdns` plugin's `pulumi import`) or
 * `<recordId>.<zoneName>`, as terraform-provider-ovh takes it.
 */
export async function readZoneRecord(session: ZoneSession, id: string, props: Record<string, unknown>): Promise<ZoneRecordRead> {
  const importing = props.recordId === undefined;
  if (!importing && isUnsettled(id, props)) return settleOnRefresh(session, props);
  const { recordId, zoneName } = parseId(recordIdOf(id, props), props);
  const found = await session.api.getRecord(zoneName, recordId);
  // A resource stored before holder ids existed gets one now, so that the state tells it apart from then on.
  const holder = importing ? "" : holderOrNew(props);
  // A record read where it is stays its resource's: no renumbered twin may re-bind to it. (An import or `.get()`
  // reads a record without managing it: it holds nothing.)
  if (found && !importing) session.owners.hold(zoneName, recordId, holder);
  const prior = importing ? priorFromInputs(props, zoneName, found) : specOf(props);
  const live = found ? { id: recordId, record: found } : importing ? undefined : await findRenumbered(session, prior, holder, ownerIn(props), stackIn(props), recordId);
  if (!live) return { id: "", props: {} };
  const spec = observedSpec(prior, live.record);
  // The owner stays in the outputs only while the registry still holds its claim of this id: a claim gone (the
  // record renumbered, the claim record deleted by hand) or never written shows as a change the next `up` writes.
  const owner = importing ? "" : ownerIn(props);
  const claimed = owner !== "" && (await session.registry.of(zoneName).ownersOf(live.id)).includes(owner);
  const outs = toOutputs(spec, live.id, holder, claimed ? owner : "");
  if (!importing) return { id: live.id, props: { ...outs } };
  const { recordId: _r, fqdn: _f, instanceId: _i, ...inputs } = outs;
  return { id: live.id, props: { ...outs }, inputs };
}

/** A refresh of a create left unsettled: the identical record it may have made, or nothing (never made). */
async function settleOnRefresh(session: ZoneSession, props: Record<string, unknown>): Promise<ZoneRecordRead> {
  const prior = specOf(props);
  const holder = holderOrNew(props);
  const live = await findRenumbered(session, prior, holder, ownerIn(props), stackIn(props));
  if (!live) return { id: "", props: {} };
  return { id: live.id, props: { ...toOutputs(observedSpec(prior, live.record), live.id, holder) } };
}

function parseId(id: string, props: Record<string, unknown>): { recordId: string; zoneName: string } {
  // `<zoneName>/<recordId>` (what `pulumi import` and the bulk import file of `export` write), else
  // `<recordId>.<zoneName>`, else the record id alone with the zone in the inputs.
  const slash = id.lastIndexOf("/");
  const dot = slash >= 0 ? -1 : id.indexOf(".");
  const recordId = slash >= 0 ? id.slice(slash + 1) : dot > 0 ? id.slice(0, dot) : id;
  const zoneName = (slash >= 0 ? id.slice(0, slash) : dot > 0 ? id.slice(dot + 1) : String(props.zoneName ?? "")).toLowerCase();
  if (!isRecordIdText(recordId)) {
    throw new RecordIdError(`cannot read ZoneRecord "${id}": the id must be an OVH record id (a whole number from 1 to 2^53 - 1, such as 5390038375), <zoneName>/<recordId> or <recordId>.<zoneName>`);
  }
  if (!zoneName) {
    throw new RecordIdError(`cannot read ZoneRecord ${id}: no zoneName; give it in the resource's inputs or import it as <zoneName>/${recordId}`);
  }
  const zoneProblems = slash >= 0 || dot > 0 ? checkZoneName(zoneName) : [];
  if (zoneProblems.length > 0) {
    throw new RecordIdError(`cannot read ZoneRecord "${id}": ${zoneProblems.join("; ")}; write the id as <zoneName>/<recordId>, e.g. example.com/${recordId}`);
  }
  return { recordId, zoneName };
}

/** The program's inputs, normalised, for an import; the API's values where the program gives none. */
function priorFromInputs(props: Record<string, unknown>, zoneName: string, found: ApiRecord | undefined): RecordSpec {
  const { spec } = normaliseRecordInputs({ ...props, zoneName }, () => false);
  const fromApi = found ? specOf({ ...found, zoneName }) : undefined;
  return {
    zoneName,
    subDomain: spec.subDomain !== undefined ? String(spec.subDomain) : fromApi?.subDomain ?? "",
    fieldType: (spec.fieldType ?? fromApi?.fieldType ?? "") as RecordSpec["fieldType"],
    target: spec.target !== undefined ? String(spec.target) : fromApi?.target ?? "",
    ttl: typeof spec.ttl === "number" ? spec.ttl : fromApi?.ttl ?? 0,
  };
}

/**
 * The identical record that no resource of the run holds, now held; `undefined` when there is none, or when the
 * zone shows that record `lostId` was deleted rather than renumbered. Editing a zone as text renumbers every
 * record, and OVH ids only grow, so after such an edit no record of the zone is older than `lostId`. A zone
 * that still holds an older record was not rewritten since: the record was deleted, and an identical record
 * beside it belongs to someone else (another resource whose read may simply not have come yet).
 */
async function findRenumbered(session: ZoneSession, prior: RecordSpec, holder: string, owner: string, stack: string | undefined, lostId?: string): Promise<{ id: string; record: ApiRecord } | undefined> {
  if (lostId !== undefined) {
    const all = await session.api.listRecordIds(prior.zoneName);
    if (all.some((id) => BigInt(id) <= BigInt(lostId))) return undefined;
  }
  const ids = await session.api.listRecordIds(prior.zoneName, { fieldType: prior.fieldType, subDomain: prior.subDomain });
  for (const id of ids) {
    if (session.owners.isHeld(prior.zoneName, id)) continue;
    const record = await session.api.getRecord(prior.zoneName, id);
    // A record another stack's owner claims is that stack's (owner-registry.ts), however identical.
    if ((await session.registry.of(prior.zoneName).foreignOwner(id, owner, stack)) !== undefined) continue;
    // Refreshes run in parallel: the test and the claim follow the last await, in one turn of the event loop,
    // so two identical renumbered records never both re-bind to this one (adopt-record.ts does the same).
    if (!record || !sameRecord(prior, record) || !session.owners.claim(prior.zoneName, id, holder)) continue;
    return { id, record };
  }
  return undefined;
}
