import { isPlainIPv4, isPlainIPv6 } from "../ip";
import type { RecordType } from "./record-type";

/** A: one IPv4 address. */
export const A: RecordType = {
  fieldType: "A",
  format: "IPv4 address",
  example: "192.0.2.1",
  normalise: (target) => target.trim(),
  validate: (target) => {
    const ip = target.trim();
    if (isPlainIPv4(ip)) return [];
    if (isPlainIPv6(ip)) return [`"${ip}" is an IPv6 address; an A record holds an IPv4 address: use an AAAA record`];
    return [`"${ip}" is not an IPv4 address (four numbers 0-255 without leading zeros, e.g. "192.0.2.1")`];
  },
  canonical: (target) => target.trim(),
};
