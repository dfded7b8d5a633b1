/**
 * Whole-zone checks: rules no single record can break alone, checked on the declared set before any child
 * is registered, so a refused zone sends nothing. Each problem names the records and the fix.
 */
import { describeDeclared, textValue, type DeclaredRecord } from "./records";

/** Every whole-zone problem of `records` in `zoneName` (empty: the zone is sound). */
export function checkZone(zoneName: string, records: readonly DeclaredRecord[]): string[] {
  return [
    ...duplicates(records),
    ...cnameConflicts(records),
    ...targetsThroughCname(zoneName, records),
    ...spfPolicies(records),
    ...dmarcPlacement(records),
    ...ttlMismatches(records),
  ];
}

/** The items by key, in one pass: each item is appended to its group, never copied (issue #19: copying was quadratic). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const list = (rs: readonly DeclaredRecord[]) => rs.map(describeDeclared).join(", ");

function duplicates(records: readonly DeclaredRecord[]): string[] {
  const groups = groupBy(records, (r) => `${r.subDomain}\n${r.fieldType}\n${r.canonical}`);
  return [...groups.values()].filter((g) => g.length > 1).map((g) => `duplicate records: ${list(g)} are the same record; keep one`);
}

function cnameConflicts(records: readonly DeclaredRecord[]): string[] {
  const problems: string[] = [];
  for (const [name, group] of groupBy(records, (r) => r.subDomain)) {
    const cnames = group.filter((r) => r.fieldType === "CNAME");
    if (cnames.length === 0 || group.length === 1) continue;
    // RFC 1034 §3.6.2: a name with a CNAME has no other data; resolvers would ignore the others.
    problems.push(
      `CNAME beside other records at ${name || "@"}: ${list(group)}; a name with a CNAME can hold nothing else ` +
        "(RFC 1034 3.6.2): keep the CNAME alone, or replace it with the records it points to",
    );
  }
  return problems;
}

/** The host a MX, SRV or NS target points to, as a name inside `zoneName`, or undefined when outside. */
function hostInZone(zoneName: string, r: DeclaredRecord): string | undefined {
  if (!["MX", "SRV", "NS"].includes(r.fieldType)) return undefined;
  const host = r.target.trim().split(/\s+/).pop()?.toLowerCase() ?? "";
  if (!host.endsWith(".")) return host; // OVH reads a host without a final dot as relative to the zone
  const absolute = host.slice(0, -1);
  if (absolute === zoneName) return "";
  return absolute.endsWith(`.${zoneName}`) ? absolute.slice(0, -zoneName.length - 1) : undefined;
}

function targetsThroughCname(zoneName: string, records: readonly DeclaredRecord[]): string[] {
  const cnames = new Map(records.filter((r) => r.fieldType === "CNAME").map((r) => [r.subDomain, r]));
  const problems: string[] = [];
  for (const r of records) {
    const host = hostInZone(zoneName, r);
    const cname = host === undefined ? undefined : cnames.get(host);
    if (!cname) continue;
    // RFC 2181 §10.3 (MX, NS) and RFC 2782 (SRV): the target must be a name with address records, not an alias.
    problems.push(`${r.fieldType} target is a CNAME: ${describeDeclared(r)} points to ${describeDeclared(cname)}; point it to the name the CNAME points to (RFC 2181 10.3)`);
  }
  return problems;
}

function spfPolicies(records: readonly DeclaredRecord[]): string[] {
  const spf = records.filter((r) => (r.fieldType === "TXT" || r.fieldType === "SPF") && /^v=spf1(\s|$)/i.test(textValue(r).trim()));
  return [...groupBy(spf, (r) => r.subDomain).values()]
    .filter((g) => g.length > 1)
    // RFC 7208 §4.5: more than one SPF policy at a name is a permanent error for every receiver.
    .map((g) => `more than one SPF policy at ${g[0].subDomain || "@"}: ${list(g)}; merge them into one v=spf1 record (RFC 7208 4.5)`);
}

function dmarcPlacement(records: readonly DeclaredRecord[]): string[] {
  const isDmarcName = (name: string) => name === "_dmarc" || name.startsWith("_dmarc.");
  return records
    .filter((r) => r.fieldType === "DMARC" || (r.fieldType === "TXT" && /^v=DMARC1(\s*;|$)/i.test(textValue(r).trim())))
    .filter((r) => !isDmarcName(r.subDomain))
    // RFC 7489 §6.1: receivers look for the policy at _dmarc.<domain> only; OVH refuses DMARC elsewhere.
    .map((r) => `DMARC policy outside _dmarc: ${describeDeclared(r)}; receivers only read it at _dmarc (RFC 7489 6.1): set subDomain to "_dmarc"${r.subDomain ? ` or "_dmarc.${r.subDomain}"` : ""}`);
}

function ttlMismatches(records: readonly DeclaredRecord[]): string[] {
  const problems: string[] = [];
  for (const group of groupBy(records, (r) => `${r.subDomain}\n${r.fieldType}`).values()) {
    const ttls = [...new Set(group.map((r) => r.ttl))];
    if (ttls.length < 2) continue;
    // RFC 2181 §5.2: the records of one RRset share a TTL; resolvers use the lowest and may discard the set.
    problems.push(`differing TTLs in one RRset (${group[0].subDomain || "@"} ${group[0].fieldType}): ${group.map((r) => `${describeDeclared(r)} ttl ${r.ttl}`).join(", ")}; give them one TTL, e.g. ${ttls.reduce((a, b) => Math.min(a, b))} (RFC 2181 5.2)`);
  }
  return problems;
}
