/**
 * The record types OVH's `POST /domain/zone/{zoneName}/record` accepts (docs/ovh-api.md §5): the 20 stable
 * 2021-2025, and HTTPS, RP and SVCB, which OVH added in 2025-12. There is no HINFO; anything else is refused
 * before OVH answers an opaque 400.
 */
export const FIELD_TYPES = [
  "A",
  "AAAA",
  "CAA",
  "CNAME",
  "DKIM",
  "DMARC",
  "DNAME",
  "HTTPS",
  "LOC",
  "MX",
  "NAPTR",
  "NS",
  "PTR",
  "RP",
  "SPF",
  "SRV",
  "SSHFP",
  "SVCB",
  "TLSA",
  "TXT",
] as const;

/** One of the 20 OVH record types, upper case. */
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * A record type as a program writes it: one of the 20, which editors offer as completions, or any other string
 * (a type read from config or a file, `"mx"` in lower case). The compiler accepts every string; the provider's
 * `check` refuses one outside the 20, naming them. `string & {}` keeps the 20 literals from being absorbed into
 * `string`, which would drop the completions.
 */
export type FieldTypeInput = FieldType | (string & {});

/** True when `value` is exactly one of {@link FIELD_TYPES} (already upper case). */
export function isFieldType(value: unknown): value is FieldType {
  return typeof value === "string" && (FIELD_TYPES as readonly string[]).includes(value);
}

/**
 * Types whose target is free text that OVH stores quoted and split into 255-byte strings (docs/ovh-api.md §5 TXT,
 * docs/other-tools.md §B.15). Their content is kept exactly as written: case and spaces are meaningful.
 */
export const TEXT_FIELD_TYPES: readonly FieldType[] = ["TXT", "SPF", "DKIM", "DMARC"];
