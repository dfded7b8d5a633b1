import { FIELD_TYPES } from "./field-types";
import { NOTHING_UNKNOWN, RECORD_PROPERTIES, type IsUnknown, type KnownInput, type RecordFailure, type RecordInputs, type RecordProperty } from "./model";
import { checkSubDomain, checkZoneName } from "./names";
import { recordTypeOf } from "./registry";
import { checkTtl } from "./ttl";
import type { RecordType } from "./types/record-type";

/**
 * Every reason the record cannot be created as given, each against the property to change, so one
 * `pulumi preview` shows them all. Expects normalised inputs (see `normaliseRecordInputs`); a property
 * that is absent or unknown is skipped, and so is every check that depends on it.
 */
export function validateRecord(spec: RecordInputs, isUnknown: IsUnknown = NOTHING_UNKNOWN): RecordFailure[] {
  const { zoneName, subDomain, fieldType, target, ttl } = knownInputs(spec, isUnknown);

  const type = fieldType === undefined ? undefined : recordTypeOf(fieldType);
  const subDomainReasons = subDomain === undefined ? [] : checkSubDomain(subDomain, zoneName);
  return [
    ...against("zoneName", zoneName === undefined ? [] : checkZoneName(zoneName)),
    ...against("subDomain", subDomainReasons),
    ...against("subDomain", subDomain === undefined || subDomainReasons.length > 0 || !type ? [] : checkPlacement(type, subDomain)),
    ...against("fieldType", fieldType === undefined || type ? [] : [unknownTypeReason(fieldType)]),
    ...against("target", target === undefined || !type ? [] : checkTarget(type, target, zoneName)),
    ...against("ttl", ttl === undefined ? [] : checkTtl(ttl)),
  ];
}

/**
 * The known inputs; an absent or unknown one is `undefined`, and so is one of the wrong type (a caller
 * that skipped `normaliseRecordInputs`, which reports it), so no check runs on a value it cannot read.
 */
function knownInputs(spec: RecordInputs, isUnknown: IsUnknown): { [K in RecordProperty]?: KnownInput<K> } {
  const known: { [K in RecordProperty]?: unknown } = {};
  for (const property of RECORD_PROPERTIES) {
    const value = spec[property];
    const expected = property === "ttl" ? "number" : "string";
    if (value !== undefined && !isUnknown(value) && typeof value === expected) known[property] = value;
  }
  return known as { [K in RecordProperty]?: KnownInput<K> };
}

function against(property: RecordProperty, reasons: string[]): RecordFailure[] {
  return reasons.map((reason) => ({ property, reason }));
}

function unknownTypeReason(fieldType: string): string {
  const hint = ["HINFO"].includes(fieldType) ? ` (OVH does not offer ${fieldType})` : "";
  return `fieldType "${fieldType}" is not a record type OVH offers${hint}; use one of ${FIELD_TYPES.join(", ")}`;
}

/** Type-specific rules for where a record may live: no CNAME at the apex, SRV/TLSA/DMARC name shapes. */
function checkPlacement(type: RecordType, subDomain: string): string[] {
  if (type.fieldType === "CNAME" && subDomain === "") {
    return [
      'a CNAME cannot be at the apex (subDomain ""): the zone\'s SOA and NS records live there and a CNAME admits no other ' +
        'data (RFC 1034 §3.6.2); use a subDomain such as "www", or A/AAAA records at the apex',
    ];
  }
  return type.validateSubDomain?.(subDomain) ?? [];
}

function checkTarget(type: RecordType, target: string, zoneName: string | undefined): string[] {
  if (target.trim() === "") return [`target is empty; a ${type.fieldType} target is "${type.format}", e.g. "${type.example}"`];
  return type.validate(target, { zoneName });
}
