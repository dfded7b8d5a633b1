/**
 * Which records of a zone no child of a Zone declares, from one listing of the zone taken before any child
 * is registered. Matching is by content (name, type, canonical target), so it needs no record id; see
 * docs/zone.md, "Unmanaged records", for why a record whose declared target is changing is never counted.
 */
import { canonicalTarget, describeRecord, ZoneRecordError } from "../../provider/records";
import type { ZoneRecordInfo } from "../../provider/zone-record";
import { claimedIds, isRegistryRecord, ownersBehindRewrite, REGISTRY_SUBDOMAIN, type ClaimSelf } from "../../provider/zone-record/registry-codec";
import { isRedirectionCompanion, redirectedNames } from "../../provider/zone-redirection/companions";
import type { DeclaredRecord } from "./records";
import type { UnmanagedDeletion } from "../../provider/zone-manifest";
import { reportedAsRunError } from "./run-error";

/** The listed records that nothing declared accounts for, sorted by name, type and id (none presumed held: see {@link classifyListed}). */
export function findUnmanaged(declared: readonly DeclaredRecord[], listed: readonly ZoneRecordInfo[]): ZoneRecordInfo[] {
  return classifyListed(declared, listed).unmanaged;
}

/**
 * The listed records nothing declared accounts for (`unmanaged`), and beside them, in each name and type, the
 * undeclared records presumed held by a child whose declared target is changing (`presumedHeld`): as many as there
 * are declared records of that name and type with no listed match. A declared record with no match is either
 * changing (its child holds the record with the old target) or new (no child holds anything yet); the listing,
 * taken before anything is applied, cannot tell which, so those records are neither warned about nor counted by
 * the guard, and the deleter (prune-provider.ts) deletes such a record only if no record of the Zone holds it once
 * every record is applied. Both sorted by name, type and id.
 */
export function classifyListed(declared: readonly DeclaredRecord[], listed: readonly ZoneRecordInfo[]): { unmanaged: ZoneRecordInfo[]; presumedHeld: ZoneRecordInfo[] } {
  const rrset = (subDomain: string, fieldType: string) => `${subDomain}\n${fieldType}`;
  const wanted = new Map<string, string[]>();
  for (const r of declared) wanted.set(rrset(r.subDomain, r.fieldType), [...(wanted.get(rrset(r.subDomain, r.fieldType)) ?? []), r.canonical]);
  const leftovers = new Map<string, ZoneRecordInfo[]>();
  // Records an owner claims in the owner registry are managed by a stack (this one's top-level records, or
  // another's), and the registry's claim records are its own: none of them is unmanaged (docs/ownership.md).
  const claimed = claimedIds(listed);
  // The records OVH keeps for a web redirection are the redirection's (zone-redirection/companions.ts).
  const redirected = redirectedNames(listed);
  for (const r of listed) {
    // OVH keeps the apex NS records itself: they are never a Zone's to delete.
    if (r.fieldType === "NS" && r.subDomain === "") continue;
    if (isRegistryRecord(r)) continue;
    const set = rrset(r.subDomain, r.fieldType);
    const open = wanted.get(set) ?? [];
    const at = open.indexOf(canonicalTarget(r.fieldType, r.target));
    if (at >= 0) open.splice(at, 1);
    // A redirection's record is never unmanaged, nor taken for a declared record whose target is changing.
    else if (isRedirectionCompanion(r, redirected)) continue;
    // A claimed record is matched like any other first, so that a declared one never looks "changing" for it.
    else if (!claimed.has(r.recordId)) leftovers.set(set, [...(leftovers.get(set) ?? []), r]);
  }
  const unmanaged: ZoneRecordInfo[] = [];
  const presumedHeld: ZoneRecordInfo[] = [];
  for (const [set, rest] of leftovers) {
    // A declared record still unmatched in this RRset is changing target or new: as many leftovers as there are
    // such records (the oldest) are presumed to be the ones a child holds.
    const changing = (wanted.get(set) ?? []).length;
    const sorted = [...rest].sort(byId);
    presumedHeld.push(...sorted.slice(0, changing));
    unmanaged.push(...sorted.slice(changing));
  }
  const order = (a: ZoneRecordInfo, b: ZoneRecordInfo) => a.subDomain.localeCompare(b.subDomain) || a.fieldType.localeCompare(b.fieldType) || byId(a, b);
  return { unmanaged: unmanaged.sort(order), presumedHeld: presumedHeld.sort(order) };
}

function byId(a: ZoneRecordInfo, b: ZoneRecordInfo): number {
  return BigInt(a.recordId) < BigInt(b.recordId) ? -1 : BigInt(a.recordId) > BigInt(b.recordId) ? 1 : 0;
}

/** `www A 203.0.113.10 (id 42)`. */
export function describeListed(r: ZoneRecordInfo): string {
  return `${describeRecord(r)} (id ${r.recordId})`;
}

/** The manifest's view of an unmanaged record (one to delete, or to warn about). */
export function toDeletion(r: ZoneRecordInfo): UnmanagedDeletion {
  return { record: { subDomain: r.subDomain, fieldType: r.fieldType, target: r.target }, description: describeListed(r) };
}

/**
 * `unmanaged: "delete"` refused: another owner's claims predate a rewrite of the zone as text, so its records are
 * in the zone under ids no claim names and would be taken for unmanaged ones (registry-codec.ts,
 * `ownersBehindRewrite`). Nothing is sent.
 */
export class ClaimsBehindRewriteError extends ZoneRecordError {
  override readonly name: string = "ClaimsBehindRewriteError";
  constructor(readonly zoneName: string, readonly owners: string[]) {
    const named = owners.map((o) => `"${o}"`).join(", ");
    super(
      `zone ${zoneName}: unmanaged: "delete" refused, nothing was sent: the claims of owner ${named} predate a rewrite of the zone ` +
        "(none of the record ids they name is in the zone any more, and they are older than every record: the zone was edited " +
        "as text, e.g. in the OVH console, which gives every record a new id). That stack's records are in the zone under ids " +
        "no claim names, so this Zone cannot tell them from unmanaged records. Run `pulumi refresh`, then `pulumi up`, on the " +
        `stack whose owner is ${named} (its up claims its records again), then run this update again. If no stack uses that owner ` +
        `any more, delete its claim records (TXT at ${REGISTRY_SUBDOMAIN}.${zoneName} naming owner=${owners[0]}). To run this update ` +
        'without deleting unmanaged records, set unmanaged: "warn" for it.',
    );
    reportedAsRunError(this);
  }
}

/** Throws {@link ClaimsBehindRewriteError} when another owner's claims predate a rewrite of the listed zone. */
export function refuseClaimsBehindRewrite(zoneName: string, listed: readonly ZoneRecordInfo[], self: ClaimSelf): void {
  const owners = ownersBehindRewrite(listed, self);
  if (owners.length > 0) throw new ClaimsBehindRewriteError(zoneName, owners);
}
