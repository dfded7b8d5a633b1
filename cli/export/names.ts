/**
 * Resource names for exported records: readable, derived from name and type (`www-a`, `apex-mx`,
 * `wildcard-cname`, `_dmarc-txt`), unique, and the same on every run. Records sharing name and type get a
 * short digest of their target (`apex-mx-3f9c1a`), never a position, so adding a record does not rename others.
 */
import { createHash } from "node:crypto";
import { canonicalTarget } from "../../provider/records";

/** What a name is derived from. */
export interface NamedRecordKey {
  subDomain: string;
  fieldType: string;
  target: string;
  ttl: number;
  /** The OVH id: the last resort for two records identical in every field (OVH allows them). */
  recordId?: string;
}

/** The readable part: the subDomain (`apex` for the zone itself, `wildcard` for `*`), then the type. */
function baseName(record: NamedRecordKey): string {
  const sub = record.subDomain === "" ? "apex" : record.subDomain.replace(/\*/g, "wildcard").replace(/[^a-z0-9_-]+/gi, "-");
  return `${sub}-${record.fieldType.toLowerCase()}`;
}

function digest(text: string, length = 6): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/**
 * One unique name per record, in the order given. The digest covers the target in its canonical form (so
 * re-quoting by OVH does not rename), then the exact subDomain and TTL if that is not enough.
 */
export function resourceNames(records: NamedRecordKey[], prefix = ""): string[] {
  const bases = records.map((r) => prefix + baseName(r));
  const count = new Map<string, number>();
  for (const b of bases) count.set(b, (count.get(b) ?? 0) + 1);
  const names = records.map((r, i) => {
    if (count.get(bases[i]) === 1) return bases[i];
    return `${bases[i]}-${digest(canonicalTarget(r.fieldType, r.target))}`;
  });
  const seen = new Map<string, number>();
  for (const n of names) seen.set(n, (seen.get(n) ?? 0) + 1);
  const refined = names.map((n, i) => {
    if (seen.get(n) === 1) return n;
    const r = records[i];
    return `${n}-${digest(`${r.subDomain}\n${r.fieldType}\n${r.target}\n${r.ttl}`, 4)}`;
  });
  const left = new Map<string, number>();
  for (const n of refined) left.set(n, (left.get(n) ?? 0) + 1);
  return refined.map((n, i) => (left.get(n) === 1 ? n : `${n}-${records[i].recordId ?? i}`));
}
