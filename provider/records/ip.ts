import { isIPv4, isIPv6 } from "node:net";

/** True for a dotted-quad IPv4 address without leading zeros (`010.0.0.1` is ambiguous, octal to some). */
export function isPlainIPv4(text: string): boolean {
  return isIPv4(text);
}

/** True for an IPv6 address without a zone index (`fe80::1%eth0` means nothing in DNS). */
export function isPlainIPv6(text: string): boolean {
  return !text.includes("%") && isIPv6(text);
}

/**
 * The RFC 5952 spelling of an IPv6 address: lower case, no leading zeros, the longest run of two or more
 * zero groups written `::` (the first on a tie); an IPv4-mapped address keeps its dotted tail. So
 * `2001:DB8:0:0::1` becomes `2001:db8::1`. Text that is not an IPv6 address is returned unchanged.
 */
export function canonicalIPv6(text: string): string {
  if (!isPlainIPv6(text)) return text;
  const groups = expandIPv6(text.toLowerCase());
  if (groups.slice(0, 6).join(":") === "0:0:0:0:0:65535") {
    return `::ffff:${[groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join(".")}`;
  }
  return compressIPv6(groups);
}

/** The eight 16-bit groups of a valid IPv6 address. */
function expandIPv6(text: string): number[] {
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const toGroups = (part: string): number[] => (part === "" ? [] : part.split(":").flatMap(groupValues));
  const left = toGroups(head);
  if (tail === undefined) return left;
  const right = toGroups(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** A hex group as one value, or an embedded dotted IPv4 tail as two. */
function groupValues(part: string): number[] {
  if (!part.includes(".")) return [parseInt(part, 16)];
  const [a, b, c, d] = part.split(".").map(Number);
  return [(a << 8) | b, (c << 8) | d];
}

function compressIPv6(groups: number[]): string {
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8; i += 1) {
    let j = i;
    while (j < 8 && groups[j] === 0) j += 1;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = Math.max(i, j);
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(":");
  const left = hex.slice(0, best.start).join(":");
  const right = hex.slice(best.start + best.length).join(":");
  return `${left}::${right}`;
}
