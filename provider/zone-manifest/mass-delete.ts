/**
 * The mass-deletion guard of a Zone: compares the set of records the stack managed at the last update (the
 * manifest's old inputs) with the set declared now, and refuses an update that would delete or replace too
 * many of them. Pure: no API call. Why this runs in a dynamic provider's `check`: docs/zone.md, "Safety".
 */

/** Below this many existing records the percentage limit does not apply (octoDNS's MIN_EXISTING_RECORDS). */
const MIN_RECORDS_FOR_PERCENT = 10;

/** The default of `maxDeletePercent` (octoDNS's update/delete threshold). */
export const DEFAULT_MAX_DELETE_PERCENT = 30;

/** A record of the zone that is not declared and that the update would delete (`unmanaged: "delete"`). */
export interface UnmanagedDeletion {
  /** The child keys the record would have if it were declared (to count it once when its child is removed too). */
  keys: string[];
  /** `www A 203.0.113.10`, for the message. */
  description: string;
}

/** The inputs of a Zone's manifest resource. */
export interface ZoneManifestInputs {
  zoneName: string;
  /** Declared records: child key -> `name type target`. */
  records: Record<string, string>;
  maxDeletePercent: number;
  /** No limit when absent or negative. */
  maxDeleteCount?: number;
  allowMassDelete: boolean;
  unmanagedDeletions: UnmanagedDeletion[];
}

/** What would go, and whether that is too much. */
export interface MassDeleteVerdict {
  going: string[];
  existing: number;
  refusal?: string;
}

/** Reads the old inputs of a manifest: `{}` (no previous update) manages nothing. */
function oldRecords(olds: Partial<ZoneManifestInputs>, zoneName: string): { records: Record<string, string>; moved: boolean } {
  const records = olds.records && typeof olds.records === "object" ? olds.records : {};
  return { records, moved: olds.zoneName !== undefined && olds.zoneName !== zoneName };
}

/** Judges an update from `olds` (the manifest's previous inputs) to `news`. */
export function judgeMassDelete(olds: Partial<ZoneManifestInputs>, news: ZoneManifestInputs): MassDeleteVerdict {
  const { records: before, moved } = oldRecords(olds, news.zoneName);
  // A key that disappears is a delete; a changed type or value of a shared name/type changes the key, so a
  // replace counts here too. A new zone name replaces every record.
  const removed = Object.keys(before).filter((key) => moved || !(key in news.records));
  const removedSet = new Set(removed);
  const going = removed.map((key) => `${before[key]} (${key})`);
  for (const u of news.unmanagedDeletions ?? []) {
    if (!u.keys.some((k) => removedSet.has(k))) going.push(`${u.description} (not declared)`);
  }
  const existing = Object.keys(before).length + (news.unmanagedDeletions ?? []).length;
  const verdict: MassDeleteVerdict = { going, existing };
  if (news.allowMassDelete || going.length === 0) return verdict;
  const percent = existing === 0 ? 0 : (going.length * 100) / existing;
  const overCount = news.maxDeleteCount !== undefined && news.maxDeleteCount >= 0 && going.length > news.maxDeleteCount;
  const overPercent = existing >= MIN_RECORDS_FOR_PERCENT && percent > news.maxDeletePercent;
  if (overCount || overPercent) verdict.refusal = refusalMessage(news, going, existing, percent, overCount);
  return verdict;
}

function refusalMessage(news: ZoneManifestInputs, going: string[], existing: number, percent: number, overCount: boolean): string {
  const limit = overCount
    ? `more than maxDeleteCount ${news.maxDeleteCount}`
    : `${percent.toFixed(0)}% > maxDeletePercent ${news.maxDeletePercent}`;
  return (
    `zone ${news.zoneName}: this update would delete or replace ${going.length} of the ${existing} records ` +
    `the stack manages there (${limit}), before anything is sent:\n  - ${going.join("\n  - ")}\n` +
    "If this is intended, raise maxDeletePercent/maxDeleteCount on the Zone, or allow it for one update with " +
    "`pulumi config set ovhdns:allowMassDelete true` (then `pulumi config rm ovhdns:allowMassDelete`)."
  );
}
