/**
 * A create that may have made its record but could not find out (see `UnsettledCreateError`).
 *
 * A failed create leaves nothing in Pulumi's state, so the next `up` (a new provider process, whose "ids before"
 * listing would now include the orphan) could not know that a record may exist, and would post a second one.
 * Instead the create is reported as created-but-failed-to-initialise with the id {@link UNSETTLED_ID}: the
 * engine keeps the resource, with the record it tried to make, and updates it on the next `up` (docs/
 * ovh-api-client.md). That update, or a `refresh`, settles it: an identical record (TTL aside) that no resource
 * of the run holds is taken over and set to the declared values; when there is none, the record is created.
 */
import { toApiRecordUpdate, type RecordSpec } from "../records";
import { adoptExistingRecord } from "./adopt-record";
import { observedSpec, toOutputs, type ZoneRecordOutputs } from "./outputs";
import { idempotentWriteFailure, type RunChange } from "./run-report";
import type { ZoneSession } from "./session";

/** The resource id of a create that may have made its record (Pulumi's state keeps it until settled). */
export const UNSETTLED_ID = "unsettled";

/** The OVH record id behind resource id `id`: the stored `recordId` once an unsettled create was settled. */
export function recordIdOf(id: string, props: Record<string, unknown>): string {
  if (id !== UNSETTLED_ID) return id;
  return typeof props.recordId === "string" ? props.recordId : UNSETTLED_ID;
}

/** Whether the record behind `id` is still unknown (an unsettled create never settled since). */
export function isUnsettled(id: string, props: Record<string, unknown>): boolean {
  return recordIdOf(id, props) === UNSETTLED_ID;
}

/**
 * The record the unsettled create of `attempted` may have made, taken over and set to `spec` (its TTL, target
 * or name when they changed since); `undefined` when there is none. The takeover is published by a refresh,
 * and noted in the run's report as `change` (written even when nothing differs: the orphan's own POST may never
 * have been published).
 */
export async function settleUnsettled(
  session: ZoneSession,
  attempted: RecordSpec,
  spec: RecordSpec,
  holder: string,
  owner: string,
  change: RunChange,
): Promise<{ id: string; outs: ZoneRecordOutputs } | undefined> {
  const found = await adoptExistingRecord(session, attempted, holder, owner);
  if (!found) return undefined;
  const id = String(found.id);
  change.id = id;
  // Always through the coalescer: the orphan may never have been published by a zone refresh.
  await session.coalescer.run(spec.zoneName, () => change.write(async () => {
    const observed = observedSpec(spec, found);
    const same = observed.subDomain === spec.subDomain && observed.target === spec.target && observed.ttl === spec.ttl;
    if (!same) await session.api.updateRecord(spec.zoneName, id, toApiRecordUpdate(spec));
  }, idempotentWriteFailure));
  return { id, outs: toOutputs(spec, id, holder) };
}
