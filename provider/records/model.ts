import type { FieldType } from "./field-types";

/** The five inputs of one OVH DNS record, named as the OVH API names them. */
export interface RecordSpec {
  /** The zone, e.g. `example.com`: lower case, no trailing dot. */
  zoneName: string;
  /** The name inside the zone, e.g. `www`; `""` is the apex. Lower case, relative (never the full name). */
  subDomain: string;
  /** One of the 20 OVH record types. */
  fieldType: FieldType;
  /** The record data as OVH writes it, e.g. `10 mail.example.com.` for MX. */
  target: string;
  /** Seconds; `0` means the zone default (`$TTL`, 3600 unless changed), otherwise 60..2147483647. */
  ttl: number;
}

/** The name of one record input, as Pulumi reports a failure against it. */
export type RecordProperty = "zoneName" | "subDomain" | "fieldType" | "target" | "ttl";

/** The record inputs in the order they are checked and reported. */
export const RECORD_PROPERTIES: readonly RecordProperty[] = ["zoneName", "subDomain", "fieldType", "target", "ttl"];

/** One reason an input cannot be used, against the property to fix. */
export interface RecordFailure {
  /** The input to change. */
  property: RecordProperty;
  /** What is wrong and what to write instead, for a person to act on. */
  reason: string;
}

declare const unknownBrand: unique symbol;

/**
 * A value the engine does not know yet (during a preview, Pulumi passes a sentinel in place of an output
 * that is still to be computed). It is never inspected, only passed through; recognise it with the
 * caller's `isUnknown`.
 */
export interface UnknownValue {
  readonly [unknownBrand]: true;
}

/**
 * Record inputs after normalisation: each property holds its normalised value, or an {@link UnknownValue}
 * passed through untouched, or is absent when it was missing or had the wrong type (that failure is
 * reported by `normaliseRecordInputs`).
 */
export interface RecordInputs {
  zoneName?: string | UnknownValue;
  subDomain?: string | UnknownValue;
  /** Upper case, but not necessarily one of the 20 until `validateRecord` says so. */
  fieldType?: string | UnknownValue;
  target?: string | UnknownValue;
  ttl?: number | UnknownValue;
}

/** The known value of property `K` of {@link RecordInputs}. */
export type KnownInput<K extends RecordProperty> = Exclude<RecordInputs[K], UnknownValue | undefined>;

/** Recognises the engine's "not known yet" value. The default knows every value. */
export type IsUnknown = (value: unknown) => boolean;

/** The default {@link IsUnknown}: every value is known. */
export const NOTHING_UNKNOWN: IsUnknown = () => false;
