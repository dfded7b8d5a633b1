/**
 * Child keys of a Zone: derived from each record's content, never from its position, so that reordering,
 * inserting or removing a record never renames (and so never replaces) another.
 *
 * The key is `<name>-<TYPE>` (`@` for the apex): `www-A`, `@-MX`. Where several records share a name and a
 * type, each key adds the first 8 hex digits of the SHA-256 of its canonical target: `@-MX-3f9a0c12`, so
 * that two spellings of one target (`10 MX.example.com.`, `10 mx.example.com`) give one key. When the last
 * sibling goes, a record's key changes back: `previousKeys` gives the Pulumi alias that carries it over.
 */
import { createHash } from "node:crypto";
import type { DeclaredRecord } from "./records";

const DIGEST_LENGTH = 8;

/** The first 8 hex digits of the SHA-256 of `text`. */
export function shortDigest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, DIGEST_LENGTH);
}

/** `www-A` (one record of that name and type) or `www-A-<digest>` (several). */
function rrsetKey(subDomain: string, fieldType: string): string {
  return `${subDomain || "@"}-${fieldType}`;
}

/** The keys a record would get, alone or beside others of its name and type. */
export function possibleKeys(r: Pick<DeclaredRecord, "subDomain" | "fieldType" | "canonical">): string[] {
  const base = rrsetKey(r.subDomain, r.fieldType);
  return [base, `${base}-${shortDigest(r.canonical)}`];
}

/**
 * The key of each record, in the order given. Records must be free of exact duplicates (the whole-zone
 * checks refuse them first); two different targets whose digests collide are refused here.
 */
export function childKeys(records: readonly DeclaredRecord[]): string[] {
  const sizes = new Map<string, number>();
  for (const r of records) sizes.set(rrsetKey(r.subDomain, r.fieldType), (sizes.get(rrsetKey(r.subDomain, r.fieldType)) ?? 0) + 1);
  const keys = records.map((r) => {
    const base = rrsetKey(r.subDomain, r.fieldType);
    return sizes.get(base) === 1 ? base : `${base}-${shortDigest(r.canonical)}`;
  });
  const seen = new Map<string, DeclaredRecord>();
  keys.forEach((key, i) => {
    const other = seen.get(key);
    if (other) throw new Error(`records ${other.source} and ${records[i].source} get the same key ${key}: declare them once`);
    seen.set(key, records[i]);
  });
  return keys;
}

/**
 * The key a record had when it had siblings, for a Pulumi alias: a record alone in its RRset was
 * `<base>-<digest>` (its own digest: exact) before its last sibling went, so its resource, and its record, are
 * carried over. The other way (a record that was alone gets a sibling) has no alias: which of the new RRset's
 * records was the one alone cannot be known here, and a wrong guess would rewrite that record in place to the
 * other's target while the other adopts it (found by the lifecycle fuzzer, seed 2026). Then the old resource is
 * deleted and the new ones created; with `adopt`, the new one takes the record over (docs/ownership.md).
 * `undefined` where there is nothing to alias.
 */
export function previousKeys(records: readonly DeclaredRecord[], keys: readonly string[]): (string | undefined)[] {
  return records.map((r, i) => {
    const base = rrsetKey(r.subDomain, r.fieldType);
    return keys[i] === base ? `${base}-${shortDigest(r.canonical)}` : undefined;
  });
}
