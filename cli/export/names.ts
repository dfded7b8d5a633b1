/**
 * Resource names for exported records: the keys a `Zone` gives its children (sdk/zone/naming.ts), `www-A`,
 * `@-MX-3f9a0c12`, so that a record exported as `K` and the child `<zone>-K` of a Zone declaring it are one
 * record's names: moving exported records into a Zone (`--name-prefix <zone>-`) renames none of them. Derived
 * from content, never from a position or an id, so the file is the same on every run.
 */
import { childKeys, possibleKeys } from "../../sdk/zone/naming";
import type { DeclaredRecord } from "../../sdk/zone/records";

/** A record to name: declared as a Zone declares it, or `undefined` when the provider's check refuses it. */
export interface NamedRecord {
  /** As `declareRecords` gives it; `undefined` for a record written commented out. */
  declared?: DeclaredRecord;
  /** Used when `declared` is undefined, and for copies. */
  subDomain: string;
  fieldType: string;
  recordId: string;
}

/** A record's name, and the name of the record it is an exact copy of (OVH allows them; a Zone does not). */
export interface RecordName {
  name: string;
  copyOf?: string;
}

/**
 * One name per record, in the order given. Records of one name, type and canonical value (exact copies, which
 * OVH allows) share a key: the first keeps it, the others add their OVH id, the last resort.
 */
export function resourceNames(records: readonly NamedRecord[], prefix = ""): RecordName[] {
  const identity = (r: DeclaredRecord) => `${r.subDomain}\n${r.fieldType}\n${r.canonical}`;
  const firsts = new Map<string, DeclaredRecord>();
  for (const r of records) if (r.declared && !firsts.has(identity(r.declared))) firsts.set(identity(r.declared), r.declared);
  const keys = childKeys([...firsts.values()]);
  const keyOf = new Map([...firsts.keys()].map((id, i) => [id, keys[i]]));
  const named = new Set<string>();
  return records.map((r) => {
    if (!r.declared) {
      // Commented out: never declared, so only readable and distinct from the declared ones.
      return { name: `${prefix}${possibleKeys({ subDomain: r.subDomain, fieldType: r.fieldType, canonical: "" })[0]}-${r.recordId}` };
    }
    const key = `${prefix}${keyOf.get(identity(r.declared))!}`;
    if (!named.has(key)) {
      named.add(key);
      return { name: key };
    }
    return { name: `${key}-${r.recordId}`, copyOf: key };
  });
}
