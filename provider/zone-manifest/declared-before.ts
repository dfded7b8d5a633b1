/**
 * Which records of a zone the previous update of a Zone declared and this one no longer does. Such a record is
 * never an unmanaged record: the ZoneRecord child that holds it is deleted by this same update (its own delete
 * removes it and waits for the refresh), so counting it again as unmanaged would count it twice in the
 * mass-deletion guard, warn about it as "not declared", and send a second DELETE for it (docs/zone.md,
 * "Unmanaged records"). Matching is by content (name, type, canonical target), as the listing is.
 */
import { canonicalTarget } from "../records";

/** A record by content. */
export interface RecordContent {
  subDomain: string;
  fieldType: string;
  target: string;
}

/** Reads a manifest value, `www A 203.0.113.10` (`@` for the apex; the target may hold spaces). */
export function contentOfManifestValue(value: string): RecordContent {
  const [name, fieldType, ...target] = value.split(" ");
  return { subDomain: name === "@" ? "" : name, fieldType, target: target.join(" ") };
}

/**
 * The records `before` (the manifest's previous records, key -> value) declared under a key that `now` no longer
 * has. A changed zone name leaves nothing of the new zone declared before.
 */
export function removedRecords(before: Record<string, string>, now: Record<string, string>, moved: boolean): RecordContent[] {
  if (moved) return [];
  return Object.keys(before).filter((key) => !(key in now)).map((key) => contentOfManifestValue(before[key]));
}

/** `listed` without one entry for each removed record of the same content (each removed record accounts for one). */
export function withoutRemoved<T extends { record: RecordContent }>(listed: readonly T[], removed: readonly RecordContent[]): T[] {
  const open = removed.map(identity);
  return listed.filter((entry) => {
    const at = open.indexOf(identity(entry.record));
    if (at < 0) return true;
    open.splice(at, 1);
    return false;
  });
}

function identity(r: RecordContent): string {
  return `${r.subDomain.toLowerCase()}\n${r.fieldType.toUpperCase()}\n${canonicalTarget(r.fieldType, r.target)}`;
}
