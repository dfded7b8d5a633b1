/**
 * The mass-deletion guard of a Zone: compares the set of records the stack managed at the last update (the
 * manifest's old inputs) with the set declared now, and refuses an update that would delete or replace too
 * many of them. Pure: no API call. Why this runs in a dynamic provider's `check`: docs/zone.md, "Safety".
 */
import { removedRecords, withoutRemoved, type RecordContent } from "./declared-before";

/** Below this many existing records the percentage limit does not apply (octoDNS's MIN_EXISTING_RECORDS). */
const MIN_RECORDS_FOR_PERCENT = 10;

/** The default of `maxDeletePercent` (octoDNS's update/delete threshold). */
export const DEFAULT_MAX_DELETE_PERCENT = 30;

/**
 * A record of the zone that nothing declares: under `unmanaged: "delete"`, one the update would delete; under
 * `"warn"`, one the warning names.
 */
export interface UnmanagedDeletion {
  /** Its content, to tell it from a record the previous update declared (declared-before.ts). */
  record: RecordContent;
  /** `www A 203.0.113.10 (id 42)`, for the messages. */
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
  /** Under `unmanaged: "delete"`: the undeclared records to delete, counted by the guard. */
  unmanagedDeletions: UnmanagedDeletion[];
  /**
   * Set by `check`, never by the program: the records the previous update declared and this one does not (their
   * children delete them). The program leaves them out of the warning and of the records to delete.
   */
  removed?: RecordContent[];
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

/**
 * `news` as `check` returns it: `removed` set from `olds` (the manifest's previous inputs), and the unmanaged
 * deletions without the records the previous update declared (each record is counted once, as its child's delete).
 */
export function withRemovedRecords(olds: Partial<ZoneManifestInputs>, news: ZoneManifestInputs): ZoneManifestInputs {
  const { records: before, moved } = oldRecords(olds, news.zoneName);
  const removed = removedRecords(before, news.records, moved);
  return { ...news, unmanagedDeletions: withoutRemoved(news.unmanagedDeletions ?? [], removed), removed };
}

/** Judges an update from `olds` (the manifest's previous inputs) to `news`. */
export function judgeMassDelete(olds: Partial<ZoneManifestInputs>, news: ZoneManifestInputs): MassDeleteVerdict {
  const { records: before, moved } = oldRecords(olds, news.zoneName);
  // A key that disappears is a delete; a changed type or value of a shared name/type changes the key, so a
  // replace counts here too. A new zone name replaces every record.
  const removed = Object.keys(before).filter((key) => moved || !(key in news.records));
  const going = removed.map((key) => `${before[key]} (${key})`);
  // A record the previous update declared is its child's to delete, never also an unmanaged one.
  const unmanaged = withRemovedRecords(olds, news).unmanagedDeletions;
  going.push(...unmanaged.map((u) => `${u.description} (not declared)`));
  const existing = Object.keys(before).length + unmanaged.length;
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
