import { controlCharacterReason } from "./control-characters";
import { NOTHING_UNKNOWN, type IsUnknown, type RecordFailure, type RecordInputs, type RecordProperty } from "./model";
import { normaliseZoneName } from "./names";
import { recordTypeOf } from "./registry";
import type { FieldType } from "./field-types";

/** What {@link normaliseRecordInputs} returns. */
export interface NormalisedRecord {
  /**
   * The normalised inputs: defaults applied, known values in their steady spelling, unknown values passed
   * through untouched. A property that was missing or of the wrong type is absent (see `failures`).
   */
  spec: RecordInputs;
  /** Missing required inputs and inputs of the wrong type; `validateRecord` checks the values themselves. */
  failures: RecordFailure[];
}

type Step<T> = { value: T } | { failure: string } | { absent: true };

/**
 * Reads the raw inputs of a record as a Pulumi program gives them and puts them in one steady spelling,
 * so that a preview never shows a change that means nothing:
 * - `zoneName`: trimmed, lower case, one trailing dot removed (`Example.COM.` -> `example.com`).
 * - `subDomain`: trimmed, lower case (DNS names are case-insensitive, RFC 4343, and OVH matches them so);
 *   missing, `null` and `"@"` mean the apex, `""`.
 * - `fieldType`: trimmed, upper case.
 * - `target`: per type, never changing meaning (one space between fields, lower-case host names,
 *   RFC 5952 IPv6); TXT, SPF, DKIM and DMARC are kept exactly as written.
 * - `ttl`: missing or `null` is 0 (zone default). A string of decimal digits (`"300"`, as stack config
 *   gives) is read as that number; anything else that is not an integer is refused, since OVH answers a
 *   string TTL with a 500 (docs/ovh-api.md §2, php-ovh #144).
 *
 * A value that would still hold a control character once normalised is refused here, naming the character and
 * its position (control-characters.ts), and left out of `spec`, so no later check quotes it.
 *
 * A value for which `isUnknown` is true is passed through untouched and never an error.
 */
export function normaliseRecordInputs(raw: Record<string, unknown>, isUnknown: IsUnknown = NOTHING_UNKNOWN): NormalisedRecord {
  const spec: Record<string, unknown> = {};
  const failures: RecordFailure[] = [];
  const apply = <T>(property: RecordProperty, read: (v: unknown) => Step<T>): void => {
    const value = raw[property];
    if (value !== undefined && isUnknown(value)) {
      spec[property] = value;
      return;
    }
    const step = read(value);
    if ("value" in step) spec[property] = step.value;
    else if ("failure" in step) failures.push({ property, reason: step.failure });
  };
  apply("zoneName", readZoneName);
  apply("subDomain", readSubDomain);
  apply("fieldType", readFieldType);
  const fieldType = spec.fieldType;
  apply("target", (v) => readTarget(v, isUnknown(fieldType) ? undefined : (fieldType as FieldType | undefined)));
  apply("ttl", readTtl);
  return { spec: spec as RecordInputs, failures };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  // Not String(value) for an object: a key named toString or valueOf that is not a function makes it throw
  // (found by tests/zone/readers-fuzz.test.ts with `{ toString: false }`).
  if (typeof value === "object") return "an object";
  if (typeof value === "function") return "a function";
  return typeof value === "string" ? `the string "${value}"` : `${typeof value} ${String(value)}`;
}

function readString(property: RecordProperty, value: unknown, example: string): Step<string> {
  if (value === undefined || value === null) return { failure: `${property} is required, e.g. ${example}` };
  if (typeof value !== "string") return { failure: `${property} must be a string, e.g. ${example}; got ${describe(value)}` };
  return { value };
}

/** The normalised `sent`, or the failure of a control character it still holds (`written`: the value as given). */
function refuseControls(property: Exclude<RecordProperty, "ttl">, written: string, sent: string, fieldType?: string): Step<string> {
  const reason = controlCharacterReason(property, written, sent, fieldType);
  return reason === undefined ? { value: sent } : { failure: reason };
}

function readZoneName(value: unknown): Step<string> {
  const step = readString("zoneName", value, '"example.com"');
  return "value" in step ? refuseControls("zoneName", step.value, normaliseZoneName(step.value)) : step;
}

function readSubDomain(value: unknown): Step<string> {
  if (value === undefined || value === null) return { value: "" };
  if (typeof value !== "string") return { failure: `subDomain must be a string, e.g. "www" or "" for the apex; got ${describe(value)}` };
  const name = value.trim().toLowerCase();
  return refuseControls("subDomain", value, name === "@" ? "" : name);
}

function readFieldType(value: unknown): Step<string> {
  const step = readString("fieldType", value, '"A"');
  return "value" in step ? refuseControls("fieldType", step.value, step.value.trim().toUpperCase()) : step;
}

function readTarget(value: unknown, fieldType: FieldType | undefined): Step<string> {
  const step = readString("target", value, '"192.0.2.1"');
  if (!("value" in step)) return step;
  const type = fieldType === undefined ? undefined : recordTypeOf(fieldType);
  return refuseControls("target", step.value, type ? type.normalise(step.value) : step.value, type?.fieldType);
}

function readTtl(value: unknown): Step<number> {
  if (value === undefined || value === null) return { value: 0 };
  if (typeof value === "string" && /^\s*[0-9]{1,10}\s*$/.test(value)) return { value: Number(value) };
  if (typeof value !== "number" || !Number.isInteger(value)) {
    return { failure: `ttl must be a whole number of seconds, e.g. 3600 (or 0 for the zone default); got ${describe(value)}` };
  }
  return { value };
}
