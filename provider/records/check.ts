import { isFieldType } from "./field-types";
import { NOTHING_UNKNOWN, RECORD_PROPERTIES, type IsUnknown, type RecordFailure, type RecordInputs, type RecordSpec } from "./model";
import { normaliseRecordInputs } from "./normalise";
import { validateRecord } from "./validate";

/** What {@link checkRecordInputs} returns. */
export interface CheckedRecord {
  /** The normalised inputs, unknown values passed through: what `check` hands back to the engine. */
  spec: RecordInputs;
  /** Every failure: wrong types and missing values first, then every validation failure. */
  failures: RecordFailure[];
}

/** Normalises then validates raw inputs: the whole of a provider's `check` for one record. */
export function checkRecordInputs(raw: Record<string, unknown>, isUnknown: IsUnknown = NOTHING_UNKNOWN): CheckedRecord {
  const { spec, failures } = normaliseRecordInputs(raw, isUnknown);
  return { spec, failures: [...failures, ...validateRecord(spec, isUnknown)] };
}

/**
 * True when every input is present, known and of its type (`fieldType` one of the 17), so `spec` can be
 * sent to OVH once `validateRecord` found nothing. Narrows the type for the codec.
 */
export function isCompleteSpec(spec: RecordInputs, isUnknown: IsUnknown = NOTHING_UNKNOWN): spec is RecordSpec {
  const known = RECORD_PROPERTIES.every((property) => spec[property] !== undefined && !isUnknown(spec[property]));
  const strings = [spec.zoneName, spec.subDomain, spec.target].every((v) => typeof v === "string");
  return known && strings && isFieldType(spec.fieldType) && typeof spec.ttl === "number";
}
