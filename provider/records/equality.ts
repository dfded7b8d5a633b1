import { recordTypeOf } from "./registry";

/**
 * The form of `target` two targets are compared in: equal forms mean the same record data. TXT, SPF, DKIM
 * and DMARC are decoded from OVH's quoted, 255-byte-split form; host names lose case and trailing dot;
 * IPv6 takes its RFC 5952 spelling; fields are separated by one space. An unknown `fieldType` compares the
 * trimmed text.
 */
export function canonicalTarget(fieldType: string, target: string): string {
  const type = recordTypeOf(fieldType.trim().toUpperCase());
  return type ? type.canonical(target) : target.trim();
}

/**
 * True when targets `a` and `b` of a `fieldType` record mean the same thing, so a diff must not show a
 * change: `"aaa" "bbb"` = `aaabbb` for TXT, `10 MAIL.example.com.` = `10 mail.example.com` for MX,
 * `2001:DB8:0:0::1` = `2001:db8::1` for AAAA. A TXT OVH may have stored two ways (`"back\slash"`) equals the
 * text of either reading (docs/ovh-api.md §5 "TXT holding a double quote").
 */
export function targetsEqual(fieldType: string, a: string, b: string): boolean {
  if (a === b || canonicalTarget(fieldType, a) === canonicalTarget(fieldType, b)) return true;
  const readings = recordTypeOf(fieldType.trim().toUpperCase())?.readings;
  if (readings === undefined) return false;
  const ofB = readings(b);
  return readings(a).some((text) => ofB.includes(text));
}
