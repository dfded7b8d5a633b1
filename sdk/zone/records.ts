/**
 * A Zone's records as plain values: what the program, a YAML file or a zone file declares, normalised and
 * validated one by one with the provider's own rules before any whole-zone check.
 */
import { canonicalTarget, checkRecordInputs, describeRecord, readTxt, TEXT_FIELD_TYPES, ZoneRecordError, type FieldType, type FieldTypeInput } from "../../provider/records";
import { reportedAsRunError } from "./run-error";

/** One record of a Zone: a ZoneRecord's arguments without the zone. Plain values only (see docs/zone.md). */
export interface ZoneRecordSpec {
  /** The name inside the zone: `""` or `"@"` (the default) for the apex, `www`, `*.dev`. */
  subDomain?: string;
  /** One of the 20 OVH record types (offered by editors' completion); any other string is refused, naming them. */
  fieldType: FieldTypeInput;
  /** The record data as a ZoneRecord takes it (host names end with a dot; TXT unquoted). */
  target: string;
  /** Seconds; 0 (the default) is the zone default. */
  ttl?: number;
  /** Where the record was declared, e.g. `records.yaml:12`; named in every error about it. */
  source?: string;
}

/** A declared record after normalisation: the form every check, name and output is computed from. */
export interface DeclaredRecord {
  subDomain: string;
  fieldType: string;
  target: string;
  ttl: number;
  /** The target in the form two equal targets share (TXT decoded, host names lower case without dot). */
  canonical: string;
  /** `records[3]` or `records.yaml:12`. */
  source: string;
}

/** Thrown when a Zone's records are wrong; `problems` holds every reason, one per line of the message. */
export class ZoneDeclarationError extends ZoneRecordError {
  override readonly name: string = "ZoneDeclarationError";
  constructor(readonly zoneName: string, readonly problems: string[]) {
    super(`zone ${zoneName}: ${problems.length} problem(s) in the declared records, nothing was sent:\n  - ${problems.join("\n  - ")}`);
    reportedAsRunError(this);
  }
}

/** `www A 203.0.113.10 (records.yaml:12)`: how messages name a declared record. */
export function describeDeclared(r: DeclaredRecord): string {
  return `${describeRecord(r)} (${r.source})`;
}

/** The value of a text record (TXT, SPF, DKIM, DMARC) without OVH's quoting; other types: the target. */
export function textValue(r: Pick<DeclaredRecord, "fieldType" | "target">): string {
  return TEXT_FIELD_TYPES.includes(r.fieldType as FieldType) ? readTxt(r.target) : r.target;
}

/** Normalises and validates each spec as a ZoneRecord's `check` would; throws every failure at once. */
export function declareRecords(zoneName: string, specs: readonly ZoneRecordSpec[]): DeclaredRecord[] {
  if (!Array.isArray(specs)) throw new ZoneDeclarationError(zoneName, ["records must be an array of { subDomain, fieldType, target, ttl }"]);
  const problems: string[] = [];
  const declared: DeclaredRecord[] = [];
  specs.forEach((spec, index) => {
    const source = spec?.source ?? `records[${index}]`;
    if (!spec || typeof spec !== "object") return void problems.push(`${source}: expected { subDomain, fieldType, target, ttl }`);
    const unknown = Object.keys(spec).filter((k) => !["subDomain", "fieldType", "target", "ttl", "source"].includes(k));
    for (const key of unknown) problems.push(`${source}: unknown field "${key}"; a record takes subDomain, fieldType, target and ttl`);
    const raw = { zoneName, subDomain: spec.subDomain, fieldType: spec.fieldType, target: spec.target, ttl: spec.ttl };
    const { spec: checked, failures } = checkRecordInputs(raw);
    for (const f of failures) problems.push(`${source}: ${f.property}: ${f.reason}`);
    if (failures.length > 0 || unknown.length > 0) return;
    const fieldType = String(checked.fieldType);
    const target = String(checked.target);
    declared.push({
      subDomain: String(checked.subDomain), fieldType, target, ttl: Number(checked.ttl), canonical: canonicalTarget(fieldType, target), source,
    });
  });
  if (problems.length > 0) throw new ZoneDeclarationError(zoneName, problems);
  return declared;
}
