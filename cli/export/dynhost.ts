/**
 * DynHost records in an export: named `dynhost-<name>` (`dynhost-@` for the apex), checked as the provider's check
 * would, declared as DynHostRecords with `adopt` by `--format ts`, and written as comment lines by `--format yaml`
 * and `--format bind` (neither a records file nor a zone file can declare one). DynHost logins are not exported:
 * OVH never returns a password, so a program could not declare one as it is.
 */
import { checkDynHostRecord } from "../../provider/dynhost";
import { commentText, quotedString } from "../../sdk/zone/text-escape";
import type { ReadDynHostRecord } from "./read-zone";

/** One DynHost record to declare. */
export interface ExportedDynHostRecord extends ReadDynHostRecord {
  /** The resource name, apart from every record's and redirection's. */
  name: string;
  /** Why the provider's check would refuse it (then it is written commented out). */
  problems: string[];
}

/** The DynHost records sorted by name, each named and checked. */
export function exportedDynHostRecords(zoneName: string, read: readonly ReadDynHostRecord[], namePrefix: string): ExportedDynHostRecord[] {
  return [...read].sort((a, b) => (a.subDomain < b.subDomain ? -1 : a.subDomain > b.subDomain ? 1 : 0)).map((r) => ({
    ...r,
    name: `${namePrefix}dynhost-${r.subDomain || "@"}`,
    problems: checkDynHostRecord({ zoneName, subDomain: r.subDomain, ip: r.ip }).failures.map((f) => `${f.property}: ${f.reason}`),
  }));
}

/** `new ovhdns.DynHostRecord(...)` lines; one the check refuses is commented out with the reason. */
export function dynHostDeclarations(records: readonly ExportedDynHostRecord[], adopt: boolean): string[] {
  if (records.length === 0) return [];
  const lines = ["", "// DynHost records: a DynHost client changes their address; add `{ ignoreChanges: [\"ip\"] }` to keep the one it pushed."];
  for (const r of records) {
    const line = `new ovhdns.DynHostRecord(${quotedString(r.name)}, { zoneName, subDomain: ${quotedString(r.subDomain)}, ip: ${quotedString(r.ip)}${adopt ? ", adopt: true" : ""} });`;
    if (r.problems.length === 0) lines.push(line);
    else lines.push(`// Left out: the provider would refuse this DynHost record (${commentText(r.problems.join("; "))}):`, `// ${line}`);
  }
  return lines;
}

/** The DynHost records as comment lines (without the comment marker), for a records file or a zone file. */
export function dynHostComments(records: readonly ExportedDynHostRecord[]): string[] {
  if (records.length === 0) return [];
  return [
    "DynHost records (declare each as a DynHostRecord with adopt: true; `export --format ts` writes them):",
    ...records.map((r) => commentText(`  ${r.name}: ${JSON.stringify({ subDomain: r.subDomain, ip: r.ip })}`)),
  ];
}
