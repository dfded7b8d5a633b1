import { targetsEqual } from "./equality";
import { isFieldType, type FieldType } from "./field-types";
import { normaliseZoneName } from "./names";
import { ApiRecordError } from "./errors";
import type { RecordSpec } from "./model";

/**
 * The record as OVH's API sends it (`domain.zone.Record`, docs/ovh-api.md §4), kept apart from {@link RecordSpec}
 * as dnscontrol keeps its wire type apart from its model.
 */
export interface ApiRecord {
  /** int64; already above 2^32 (docs/ovh-api.md §5 "IDs"). */
  id: number;
  zone: string;
  /** `""` or possibly `null` at the apex (docs/ovh-api.md §5 "Apex"). */
  subDomain: string | null;
  fieldType: string;
  target: string;
  /** `0` or `null` means the zone default. */
  ttl: number | null;
}

/** The body of `POST /domain/zone/{zoneName}/record` (`domain.zone.RecordCreate`). */
export interface ApiRecordCreate {
  fieldType: FieldType;
  subDomain: string;
  target: string;
  ttl: number;
}

/** The body of `PUT /domain/zone/{zoneName}/record/{id}` (`domain.zone.RecordUpdate`). */
export interface ApiRecordUpdate {
  subDomain: string;
  target: string;
  ttl: number;
}

/** A record read from OVH, with its id as a decimal string. */
export type ReadRecord = RecordSpec & { recordId: string };

/**
 * The create body. `ttl` is always sent, even 0: omitting it was a source of duplicates and drift
 * (docs/other-tools.md §B.10, TF commit de4bc02c); `subDomain` `""` is the apex. Text targets go as written: OVH
 * quotes them itself (docs/ovh-api.md §5 TXT).
 */
export function toApiRecordCreate(spec: RecordSpec): ApiRecordCreate {
  return { fieldType: spec.fieldType, subDomain: spec.subDomain, target: spec.target, ttl: spec.ttl };
}

/** The update body: never `fieldType`, which OVH rejects as read-only (docs/other-tools.md §B.12); every other field. */
export function toApiRecordUpdate(spec: RecordSpec): ApiRecordUpdate {
  return { subDomain: spec.subDomain, target: spec.target, ttl: spec.ttl };
}

/**
 * The model of a record OVH returned: zone and subDomain lower case, `null` subDomain and ttl read as
 * `""` and `0`, the target exactly as OVH sent it (compare it with {@link targetsEqual}), and the id as a
 * decimal string. Throws {@link ApiRecordError} for an id that is not a positive safe integer (an id
 * past 2^53 has already lost digits in JSON parsing; id 0 is OVH's known create bug, docs/ovh-api.md §5) or a
 * fieldType outside the 20.
 */
export function fromApiRecord(api: ApiRecord): ReadRecord {
  if (!isRecordId(api.id)) {
    throw new ApiRecordError(
      `OVH returned record id ${String(api.id)}, which is not a positive integer below 2^53; the record cannot be tracked by it`,
    );
  }
  const fieldType = String(api.fieldType).toUpperCase();
  if (!isFieldType(fieldType)) {
    throw new ApiRecordError(`OVH returned record ${api.id} with fieldType "${api.fieldType}", which this provider does not know`);
  }
  return {
    recordId: String(api.id),
    zoneName: normaliseZoneName(api.zone),
    subDomain: (api.subDomain ?? "").toLowerCase(),
    fieldType,
    target: api.target,
    ttl: api.ttl ?? 0,
  };
}

/** True for an id this model can hold exactly: a positive integer up to `Number.MAX_SAFE_INTEGER`. */
export function isRecordId(id: unknown): id is number {
  return typeof id === "number" && Number.isSafeInteger(id) && id > 0;
}

/**
 * True for a record id written as the provider writes it (a resource id, the `recordId` output): decimal
 * digits without a leading zero, of a value {@link isRecordId} accepts. Such text is the only thing that
 * goes into a record's API path: an id from an edited state (`5?x=1`, `../refresh`) or one past 2^53 (which
 * names another record once read as a number) is never signed and sent.
 */
export function isRecordIdText(text: string): boolean {
  return /^[1-9][0-9]{0,15}$/.test(text) && isRecordId(Number(text));
}

/** The record's full name without trailing dot: `www.example.com`, or the zone itself at the apex. */
export function fqdnOf(zoneName: string, subDomain: string): string {
  const zone = zoneName.replace(/\.$/, "");
  return subDomain === "" ? zone : `${subDomain}.${zone}`;
}

/**
 * True when `api` is the record `spec` describes: same zone and fieldType, same subDomain ignoring case,
 * a target that means the same, and the same ttl (`null` = 0). Used to adopt a record after a create
 * whose answer was lost, and to find a record again after OVH renumbered the zone (docs/other-tools.md §C.5).
 */
export function sameRecord(spec: RecordSpec, api: ApiRecord): boolean {
  const norm = (name: string | null): string => (name ?? "").toLowerCase().replace(/\.$/, "");
  return (
    normaliseZoneName(api.zone ?? "") === normaliseZoneName(spec.zoneName) &&
    norm(api.subDomain) === norm(spec.subDomain) &&
    String(api.fieldType).toUpperCase() === spec.fieldType &&
    (api.ttl ?? 0) === spec.ttl &&
    targetsEqual(spec.fieldType, spec.target, api.target)
  );
}
