import type { FieldType } from "../field-types";
import { canonicalHost, checkTargetHost, normaliseHost } from "../hostname";
import type { RecordType } from "./record-type";

/**
 * A type whose whole target is one fully qualified host name (CNAME, DNAME, NS, PTR). The trailing dot is
 * required: OVH reads a name without one as relative to the zone (docs/other-tools.md §C.9, TF #252).
 */
export function hostTargetType(fieldType: FieldType, example: string): RecordType {
  return {
    fieldType,
    format: "host.",
    example,
    normalise: (target) => normaliseHost(target.trim()),
    validate: (target, ctx) => {
      const host = target.trim();
      if (/\s/.test(host)) return [`a ${fieldType} target is one host name, e.g. "${example}"; got "${host}"`];
      return checkTargetHost(`${fieldType} target`, host, ctx);
    },
    canonical: (target) => canonicalHost(target.trim()),
  };
}
