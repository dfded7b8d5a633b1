/**
 * Checks of record bodies (`domain.zone.RecordCreate` / `RecordUpdate`, docs/ovh-api.md §4-§5). Every
 * failure is a 400 thrown before anything is stored, so bad input leaves state unchanged.
 */
import { badRequest } from "../errors";
import { FIELD_TYPES, isFieldType, type FieldType } from "./field-types";
import { checkSubDomainName } from "./names";
import { checkTargetRules } from "./targets";
import { wrapTxt, type TxtQuoting } from "./txt";

/** A validated create body. */
export interface RecordCreate {
  fieldType: FieldType;
  subDomain: string;
  target: string;
  ttl: number;
}

/** A validated update body: only the fields sent. */
export interface RecordPatch {
  subDomain?: string;
  target?: string;
  ttl?: number;
}

const CREATE_FIELDS = ["fieldType", "subDomain", "target", "ttl"];
const UPDATE_FIELDS = ["subDomain", "target", "ttl"];
/** Read-only fields a pre-2024 client may send in a full-record PUT body (docs/ovh-api.md §4). */
const READ_ONLY_FIELDS = ["fieldType", "id", "zone"];

/** Parses and checks a `POST .../record` body for a record of zone `zoneName`. */
export function parseRecordCreate(body: unknown, zoneName: string, quoting: TxtQuoting = "escape"): RecordCreate {
  const object = asObject(body);
  rejectUnknown(object, CREATE_FIELDS);
  if (object.fieldType === undefined) throw badRequest("Missing parameter: fieldType");
  if (!isFieldType(object.fieldType)) {
    throw badRequest(`Invalid fieldType "${String(object.fieldType)}": must be one of ${FIELD_TYPES.join(", ")}`);
  }
  if (object.target === undefined) throw badRequest("Missing parameter: target");
  const record: RecordCreate = {
    fieldType: object.fieldType,
    subDomain: checkSubDomain(object.subDomain, zoneName),
    target: checkTarget(object.target, object.fieldType),
    ttl: checkTtl(object.ttl),
  };
  checkTargetRules(record.fieldType, record.subDomain, record.target);
  return { ...record, target: storedTarget(record.fieldType, record.target, quoting) };
}

/**
 * Parses and checks a `PUT .../record/{id}` body against the record it changes. `fieldType`
 * is read-only (docs/ovh-api.md §2: "Try to alter read-only properties: fieldType").
 */
export function parseRecordPatch(
  body: unknown,
  current: { id: number; zone: string; fieldType: FieldType; subDomain: string; target: string },
  quoting: TxtQuoting = "escape",
): RecordPatch {
  const object = asObject(body);
  const readOnly = READ_ONLY_FIELDS.filter(
    (key) => key in object && (key === "fieldType" || object[key] !== current[key as "id" | "zone"]),
  );
  if (readOnly.length > 0) throw badRequest(`Try to alter read-only properties: ${readOnly.join(", ")}`);
  rejectUnknown(object, [...UPDATE_FIELDS, "id", "zone"]);
  const patch: RecordPatch = {};
  if (object.subDomain !== undefined) patch.subDomain = checkSubDomain(object.subDomain, current.zone);
  if (object.target !== undefined) patch.target = checkTarget(object.target, current.fieldType);
  if (object.ttl !== undefined) patch.ttl = checkTtl(object.ttl);
  checkTargetRules(current.fieldType, patch.subDomain ?? current.subDomain, patch.target ?? current.target);
  if (patch.target !== undefined) patch.target = storedTarget(current.fieldType, patch.target, quoting);
  return patch;
}

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest("Body must be a JSON object");
  }
  return body as Record<string, unknown>;
}

function rejectUnknown(object: Record<string, unknown>, allowed: string[]): void {
  const unknown = Object.keys(object).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw badRequest(`Unknown parameter(s) in body: ${unknown.join(", ")}`);
}

/** `null` and absent mean the apex, stored as `""` (docs/ovh-api.md §5). */
function checkSubDomain(value: unknown, zoneName: string): string {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") throw badRequest("Body parameter subDomain isn't formated correctly: expected a string");
  checkSubDomainName(value, zoneName);
  return value;
}

function checkTarget(value: unknown, fieldType: FieldType): string {
  if (typeof value !== "string") throw badRequest("Body parameter target isn't formated correctly: expected a string");
  // A TXT is judged by its own rule, in OVH's words (targets.ts checkTxt); other types keep this one.
  if (value.trim() === "" && fieldType !== "TXT") throw badRequest("Invalid target: it must not be empty");
  return value;
}

/** 0/null/absent = zone default; 1-59 silently raised to 60 (docs/ovh-api.md §5). */
function checkTtl(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw badRequest("Body parameter ttl isn't formated correctly: expected a non-negative integer");
  }
  return value > 0 && value < 60 ? 60 : value;
}

function storedTarget(fieldType: FieldType, target: string, quoting: TxtQuoting): string {
  return fieldType === "TXT" ? wrapTxt(target, quoting) : target;
}
