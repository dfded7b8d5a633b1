/**
 * Adoption: taking over a record that already exists instead of posting a duplicate.
 *
 * Every real zone already holds records, and Pulumi's `import` resource option cannot carry a dynamic
 * provider's code through the real engine (its import Read sends neither inputs nor state: pulumi/pulumi#16175,
 * docs/pulumi-cli.md). So adoption is an input the program sets: with `adopt: true`, create first looks for a
 * record of the same zone, name, type and target (meaning, not spelling: `targetsEqual`) that no resource of
 * the run holds (ownership.ts: a record another resource keeps is never taken) and that no other stack's owner
 * claims (owner-registry.ts), and takes it. Only the TTL may differ; the lifecycle then sets it in place. A
 * record whose name, type or target differ is never taken: that would silently rewrite someone else's record.
 */
import { describeRecord, sameRecord, type ApiRecord, type RecordSpec } from "../records";
import { isRedirectionCompanion, isRedirectionMarker } from "../zone-redirection/companions";
import { RedirectionRecordError } from "../zone-redirection/errors";
import { OwnerConflictError } from "./owner-registry";
import type { ZoneSession } from "./session";

/**
 * The existing record `spec` describes (TTL aside) that no resource of the run holds and no owner but `owner`
 * claims, now held; `undefined` when there is none. Records are examined in the order the API lists them, so
 * adoption is deterministic. When the only such records are claimed by another owner, that is an error: posting
 * a twin of another stack's record would serve it twice and hide whose it is.
 */
export async function adoptExistingRecord(session: ZoneSession, spec: RecordSpec, holder: string, owner = "", stack?: string): Promise<ApiRecord | undefined> {
  const ids = await session.api.listRecordIds(spec.zoneName, { fieldType: spec.fieldType, subDomain: spec.subDomain });
  let elsewhere: { id: string; owner: string } | undefined;
  let redirection: string | undefined;
  for (const id of ids) {
    if (session.owners.isHeld(spec.zoneName, id)) continue;
    const record = await session.api.getRecord(spec.zoneName, id);
    if (!record || !sameRecord({ ...spec, ttl: record.ttl ?? 0 }, record)) continue;
    if (await keptForRedirection(session, spec, record)) {
      redirection ??= id;
      continue;
    }
    const other = await session.registry.of(spec.zoneName).foreignOwner(id, owner, stack);
    if (other !== undefined) {
      elsewhere ??= { id, owner: other };
      continue;
    }
    // Two identical adoptions run in parallel: the ownership test must follow the last await, so that the
    // test and the claim happen in one turn of the event loop and only one of them takes this record.
    if (!session.owners.claim(spec.zoneName, id, holder)) continue;
    return record;
  }
  if (elsewhere) throw managedElsewhere(spec, elsewhere.id, elsewhere.owner);
  if (redirection !== undefined) {
    throw new RedirectionRecordError(
      `${describeRecord(spec)} exists (record ${redirection} of zone ${spec.zoneName}), but OVH keeps it for the web redirection of ` +
        `${spec.subDomain || "the apex"}: it is the redirection's, not a record to adopt (docs/ovh-api.md §4, "Web redirections"). ` +
        "Remove this ZoneRecord and declare a ZoneRedirection (with adopt: true) instead.",
    );
  }
  return undefined;
}

/**
 * Whether `record` is one that OVH keeps for a web redirection (zone-redirection/companions.ts): a marker TXT,
 * or an A record at a name holding one (the name's TXT records are read only for an A record that matched).
 */
async function keptForRedirection(session: ZoneSession, spec: RecordSpec, record: ApiRecord): Promise<boolean> {
  if (record.fieldType === "TXT") return isRedirectionMarker({ subDomain: spec.subDomain, fieldType: "TXT", target: record.target });
  if (record.fieldType !== "A") return false;
  const txts = await session.api.listRecordIds(spec.zoneName, { fieldType: "TXT", subDomain: spec.subDomain });
  const texts = await Promise.all(txts.map((id) => session.api.getRecord(spec.zoneName, id)));
  const listed = texts.filter((t): t is ApiRecord => t !== undefined).map((t) => ({ subDomain: spec.subDomain, fieldType: "TXT", target: t.target }));
  return isRedirectionCompanion({ subDomain: spec.subDomain, fieldType: "A", target: record.target }, new Set(listed.some(isRedirectionMarker) ? [spec.subDomain.toLowerCase()] : []));
}

/** The error for record `id` of `spec`, which owner `other` manages. */
export function managedElsewhere(spec: RecordSpec, id: string, other: string): OwnerConflictError {
  return ownerConflict(describeRecord(spec), "record", id, spec.zoneName, other);
}

/**
 * The error for what `described` names, `kind` `id` of zone `zoneName` (a record, or a redirection: its OVH id), which
 * owner `other` manages: one wording for every resource the owner registry protects.
 */
export function ownerConflict(described: string, kind: "record" | "redirection", id: string, zoneName: string, other: string): OwnerConflictError {
  return new OwnerConflictError(
    `${described} exists (${kind} ${id} of zone ${zoneName}) and owner "${other}" manages it ` +
      `(the owner registry, docs/ownership.md): a ${kind} is managed by one stack. Remove it from this program, or ` +
      "from the program of the stack whose `ovhdns:owner` is " + `"${other}"` + " (or `pulumi state delete` it there), then run `pulumi up` again.",
    id,
    other,
  );
}
