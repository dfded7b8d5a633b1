/**
 * A zone as it will be written: records sorted by name, type and target (not by id, so two runs give the
 * same file), each with its resource name (a Zone's child key), its target in the form a program declares
 * (TXT unquoted), and any reason the provider's `check` would refuse it; the apex NS records, which OVH
 * manages, set apart.
 */
import { TEXT_FIELD_TYPES, canonicalTarget, checkRecordInputs, declarableText, readTxt, type FieldType, type ReadRecord } from "../../provider/records";
import { checkZone } from "../../sdk/zone/checks";
import { declareRecords, type DeclaredRecord } from "../../sdk/zone/records";
import { isRegistryRecord } from "../../provider/zone-record/registry-codec";
import { checkZoneRedirection, isRedirectionCompanion, redirectedNames } from "../../provider/zone-redirection";
import { resourceNames } from "./names";
import { exportedDynHostRecords, type ExportedDynHostRecord } from "./dynhost";
import type { ReadDynHostRecord, ReadRedirection } from "./read-zone";

/** One record to declare. */
export interface ExportedRecord {
  /** The Pulumi resource name (or records.yaml key). */
  name: string;
  recordId: string;
  subDomain: string;
  fieldType: FieldType;
  /** As a program declares it: TXT, SPF, DKIM, DMARC decoded from OVH's quoted form. */
  target: string;
  /** As OVH stores it (TXT quoted), for a BIND file. */
  wireTarget: string;
  ttl: number;
  /** Why the provider's check would refuse this record (then it is written commented out). */
  problems: string[];
  /**
   * The name of the record this one is an exact copy of (same name, type and value: OVH allows it). A program
   * of ZoneRecords declares both; a Zone declares a record once, so its YAML and BIND leave the copy out.
   */
  copyOf?: string;
  /** The record as a Zone declares it (normalised); absent when `problems` is not empty. */
  declared?: DeclaredRecord;
}

/** The zone to write. */
export interface ExportedZone {
  zoneName: string;
  records: ExportedRecord[];
  /** Apex NS records: OVH serves the zone from its own name servers and manages these itself. */
  skippedNameServers: string[];
  /** What a Zone's whole-zone checks refuse in the records (two SPF policies, differing TTLs in an RRset...). */
  zoneProblems: string[];
  /** The web redirections, each declared as a ZoneRedirection. */
  redirections: ExportedRedirection[];
  /** The DynHost records, each declared as a DynHostRecord (cli/export/dynhost.ts). */
  dynHostRecords: ExportedDynHostRecord[];
  /** The A and TXT records OVH keeps for the redirections: the redirection's, never declared as records. */
  redirectionRecords: number;
}

/** One web redirection to declare. */
export interface ExportedRedirection extends ReadRedirection {
  /** The resource name: `redirect-<name>` (`redirect-@` for the apex), apart from every record's. */
  name: string;
  /** Why the provider's check would refuse it (then it is written commented out). */
  problems: string[];
}

/** Builds the zone to write from the records read. */
export function exportedZone(zoneName: string, read: ReadRecord[], namePrefix = "", redirections: readonly ReadRedirection[] = [],
  dynHost: readonly ReadDynHostRecord[] = []): ExportedZone {
  const skippedNameServers = read.filter(isApexNs).map((r) => r.target).sort();
  // The records OVH keeps for a web redirection are the redirection's (provider/zone-redirection/companions.ts).
  const redirected = redirectedNames(read);
  const kept = read
    // The owner registry's claim records say which stack manages what; they are no record to declare.
    .filter((r) => !isApexNs(r) && !isRegistryRecord(r) && !isRedirectionCompanion(r, redirected))
    .map((r) => ({ ...r, programTarget: programTarget(r.fieldType, r.target) }))
    .sort(compare);
  const checked = kept.map((r) => {
    const inputs = { subDomain: r.subDomain, fieldType: r.fieldType, target: r.programTarget, ttl: r.ttl };
    const problems = checkRecordInputs({ zoneName, ...inputs }).failures.map((f) => `${f.property}: ${f.reason}`);
    // Declared exactly as a Zone declares it, so that its name is the Zone's child key.
    const declared = problems.length === 0 ? declareRecords(zoneName, [{ ...inputs, source: `record ${r.recordId}` }])[0] : undefined;
    return { ...r, problems, declared };
  });
  const names = resourceNames(checked, namePrefix);
  const records = checked.map((r, i): ExportedRecord => ({
    name: names[i].name,
    recordId: r.recordId,
    subDomain: r.subDomain,
    fieldType: r.fieldType,
    target: r.programTarget,
    wireTarget: r.target,
    ttl: r.ttl,
    problems: r.problems,
    ...(names[i].copyOf === undefined ? {} : { copyOf: names[i].copyOf }),
    ...(r.declared === undefined ? {} : { declared: r.declared }),
  }));
  const declared = records.flatMap((r) => (r.declared && r.copyOf === undefined ? [r.declared] : []));
  return {
    zoneName, records, skippedNameServers, zoneProblems: checkZone(zoneName, declared),
    redirections: exportedRedirections(zoneName, redirections, namePrefix),
    dynHostRecords: exportedDynHostRecords(zoneName, dynHost, namePrefix),
    redirectionRecords: read.filter((r) => isRedirectionCompanion(r, redirected)).length,
  };
}

/** The redirections sorted by name, each named and checked as the provider's check would. */
function exportedRedirections(zoneName: string, read: readonly ReadRedirection[], namePrefix: string): ExportedRedirection[] {
  return [...read].sort((a, b) => (a.subDomain < b.subDomain ? -1 : a.subDomain > b.subDomain ? 1 : 0)).map((r) => ({
    ...r,
    name: `${namePrefix}redirect-${r.subDomain || "@"}`,
    problems: checkZoneRedirection({ zoneName, subDomain: r.subDomain, type: r.type, target: r.target, title: r.title, keywords: r.keywords, description: r.description })
      .failures.map((f) => `${f.property}: ${f.reason}`),
  }));
}

function isApexNs(r: ReadRecord): boolean {
  return r.fieldType === "NS" && r.subDomain === "";
}

/** The target a program declares: text types read from OVH's quoted form (txt.ts `readTxt`; the provider compares the text). */
function programTarget(fieldType: FieldType, target: string): string {
  return TEXT_FIELD_TYPES.includes(fieldType) ? declarableText(readTxt(target)) : target;
}

function compare(a: ReadRecord & { programTarget: string }, b: ReadRecord & { programTarget: string }): number {
  const keys = (r: ReadRecord & { programTarget: string }) => [r.subDomain, r.fieldType, canonicalTarget(r.fieldType, r.programTarget), String(r.ttl).padStart(10, "0"), r.recordId.padStart(20, "0")];
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  }
  return 0;
}

/** The frame fields a redirection sets (`title`, `keywords`, `description` that are not empty), as [field, value]. */
export function frameFieldsOf(r: ExportedRedirection): [string, string][] {
  return (["title", "keywords", "description"] as const).filter((f) => r[f] !== "").map((f) => [f, r[f]]);
}
