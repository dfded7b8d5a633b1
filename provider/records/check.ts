import { NOTHING_UNKNOWN, type IsUnknown, type RecordFailure, type RecordInputs } from "./model";
import { normaliseRecordInputs } from "./normalise";
import { validateRecord } from "./validate";

/** What {@link checkRecordInputs} returns. */
export interface CheckedRecord {
  /** The normalised inputs, unknown values passed through: what `check` hands back to the engine. */
  spec: RecordInputs;
  /** Every failure: wrong types and missing values first, then every validation failure. */
  failures: RecordFailure[];
}

/**
 * Normalises then validates raw inputs: the one check of a record's five inputs, used by the provider's
 * `check` (zone-record/check.ts), the Zone component and `export`. A property that failed normalisation is
 * absent from `spec`, so `validateRecord` (which skips absent properties) never reports it twice.
 */
export function checkRecordInputs(raw: Record<string, unknown>, isUnknown: IsUnknown = NOTHING_UNKNOWN): CheckedRecord {
  const { spec, failures } = normaliseRecordInputs(raw, isUnknown);
  return { spec, failures: [...failures, ...validateRecord(spec, isUnknown)] };
}
