/** The 17 record types OVH accepts, stable 2021-2025 (docs/ovh-api.md §5). No HINFO, RP, SVCB or HTTPS. */
export const FIELD_TYPES = [
  "A", "AAAA", "CAA", "CNAME", "DKIM", "DMARC", "DNAME", "LOC", "MX",
  "NAPTR", "NS", "PTR", "SPF", "SRV", "SSHFP", "TLSA", "TXT",
] as const;

/** One of {@link FIELD_TYPES}. */
export type FieldType = (typeof FIELD_TYPES)[number];

/** Whether `value` is one of the 17 field types (case-sensitive, as the API's enum). */
export function isFieldType(value: unknown): value is FieldType {
  return typeof value === "string" && (FIELD_TYPES as readonly string[]).includes(value);
}
