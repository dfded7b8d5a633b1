import { canonicalIPv6, isPlainIPv4, isPlainIPv6 } from "../ip";
import type { RecordType } from "./record-type";

/** AAAA: one IPv6 address, kept in its RFC 5952 spelling so `2001:DB8:0:0::1` and `2001:db8::1` agree. */
export const AAAA: RecordType = {
  fieldType: "AAAA",
  format: "IPv6 address",
  example: "2001:db8::1",
  normalise: (target) => canonicalIPv6(target.trim()),
  validate: (target) => {
    const ip = target.trim();
    if (isPlainIPv6(ip)) return [];
    if (isPlainIPv4(ip)) return [`"${ip}" is an IPv4 address; an AAAA record holds an IPv6 address: use an A record`];
    if (ip.includes("%")) return [`"${ip}" has a zone index ("%..."), which means nothing in DNS; remove it`];
    return [`"${ip}" is not an IPv6 address (e.g. "2001:db8::1")`];
  },
  canonical: (target) => canonicalIPv6(target.trim()),
};
