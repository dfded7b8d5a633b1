/**
 * The 20 record types OVH accepts (docs/ovh-api.md §5): the 17 stable 2021-2025, and HTTPS, RP and SVCB, added in
 * 2025-12. No HINFO.
 */
export const FIELD_TYPES = [
  "A", "AAAA", "CAA", "CNAME", "DKIM", "DMARC", "DNAME", "HTTPS", "LOC", "MX",
  "NAPTR", "NS", "PTR", "RP", "SPF", "SRV", "SSHFP", "SVCB", "TLSA", "TXT",
] as const;

/** One of {@link FIELD_TYPES}. */
export type FieldType = (typeof FIELD_TYPES)[number];

/** Whether `value` is one of the 20 field types (case-sensitive, as the API's enum). */
export function isFieldType(value: unknown): value is FieldType {
  return typeof value === "string" && (FIELD_TYPES as readonly string[]).includes(value);
}
