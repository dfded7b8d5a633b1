/**
 * The record model: the 20 OVH record types, their validation, normalisation and semantic equality, and
 * the wire codec. Knows nothing of HTTP or Pulumi.
 */
export { FIELD_TYPES, TEXT_FIELD_TYPES, isFieldType, type FieldType, type FieldTypeInput } from "./field-types";
export {
  NOTHING_UNKNOWN,
  RECORD_PROPERTIES,
  type IsUnknown,
  type KnownInput,
  type RecordFailure,
  type RecordInputs,
  type RecordProperty,
  type RecordSpec,
  type UnknownValue,
} from "./model";
export { normaliseRecordInputs, type NormalisedRecord } from "./normalise";
export { validateRecord } from "./validate";
export { checkRecordInputs, type CheckedRecord } from "./check";
export { canonicalTarget, targetsEqual } from "./equality";
export { declarableText, decodeTxt, encodeTxt, readTxt, utf8Length } from "./txt";
export { quote } from "./fields";
export { checkZoneName, describeRecord, normaliseZoneName } from "./names";
export { recordTypeOf } from "./registry";
export type { RecordType, TargetContext } from "./types/record-type";
export { ZoneRecordError, ApiRecordError, RecordIdError } from "./errors";
export {
  fqdnOf,
  fromApiRecord,
  isRecordId,
  isRecordIdText,
  sameRecord,
  toApiRecordCreate,
  toApiRecordUpdate,
  type ApiRecord,
  type ApiRecordCreate,
  type ApiRecordUpdate,
  type ReadRecord,
} from "./codec";
