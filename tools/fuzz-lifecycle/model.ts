/**
 * The fuzzer's model: the program the user declares (top-level ZoneRecords by resource name, and zero or one
 * Zone with its records and options) and the records the OVH console added by hand that nothing declares.
 * Records are compared by meaning (provider/records `canonicalTarget`), never by spelling.
 */
import { canonicalTarget } from "../../provider/records";

/** The record types the fuzzer declares: enough for siblings, spellings and quoting. */
export type FuzzFieldType = "A" | "AAAA" | "MX" | "TXT";

/** One record as a program declares it. */
export interface FuzzRecord {
  subDomain: string;
  fieldType: FuzzFieldType;
  target: string;
  ttl: number;
}

/** A top-level `ZoneRecord`. */
export interface TopRecord extends FuzzRecord {
  name: string;
  adopt: boolean;
}

/** The `Zone` component, when the program has one. */
export interface ZoneDeclaration {
  name: string;
  adopt: boolean;
  unmanaged: "warn" | "delete";
  records: FuzzRecord[];
}

/** What the user has declared and done; the fuzzer's commands change it as they change the program. */
export interface LifecycleModel {
  top: TopRecord[];
  zone?: ZoneDeclaration;
  /** Records the console added that the program does not declare: an up must leave them (unless `unmanaged: "delete"`). */
  hand: FuzzRecord[];
  /**
   * Hand-added records an export declared with adoption (ExportAndAdopt): the program declares them, but only an
   * up that succeeds takes them over. A destroy before that leaves those no resource holds (runs.ts).
   */
  exportedHand?: FuzzRecord[];
  /** A console edit touched a declared record: until a refresh succeeds, the state may not match the zone. */
  drifted: boolean;
  /** The last up or destroy that succeeded was an up (false at the start and after a destroy). */
  deployed: boolean;
  /** Whether the sequence may use `adopt` (off: to look for other defects while adoption's are being fixed). */
  adoption: boolean;
  /** Edits were made that no up has run yet (then an interrupted up has something to interrupt). */
  pending?: boolean;
  /** The owner every record is declared with (`owner` of ZoneRecord and Zone), or none. */
  owner?: string;
  /** Counter for fresh resource and Zone names. */
  names: number;
}

/** The zone every sequence runs against. */
export const FUZZ_ZONE = "example.com";

/** Most records a program declares: below the Zone's mass-deletion guard (from 10 records up). */
export const MAX_DECLARED = 8;

/** A fresh model: an empty program, an empty zone. */
export function emptyModel(adoption = true): LifecycleModel {
  return { top: [], hand: [], drifted: false, deployed: false, adoption, names: 0 };
}

/** `www MX 10 mail1.example.com`: a record's meaning (name, type and canonical target; TTL left out). */
export function meaningOf(r: { subDomain: string; fieldType: string; target: string }): string {
  return `${r.subDomain || "@"} ${r.fieldType} ${canonicalTarget(r.fieldType, r.target)}`;
}

/** `meaning ttl`: what the zone must hold for a record, TTL included. */
export function lineOf(r: { subDomain: string; fieldType: string; target: string; ttl: number }): string {
  return `${meaningOf(r)} ttl=${r.ttl}`;
}

/** Every declared record, top-level ones first. */
export function declaredRecords(model: LifecycleModel): FuzzRecord[] {
  return [...model.top, ...(model.zone?.records ?? [])];
}

/** Whether a record with this meaning is declared or was added by hand (the fuzzer keeps meanings unique). */
export function isTaken(model: LifecycleModel, r: FuzzRecord): boolean {
  const meaning = meaningOf(r);
  return [...declaredRecords(model), ...model.hand, ...(model.exportedHand ?? [])].some((x) => meaningOf(x) === meaning);
}

/** Whether a Zone deletes what it does not declare (then top-level records would be deleted by it: never declared). */
export function zoneOwnsAll(model: LifecycleModel): boolean {
  return model.zone?.unmanaged === "delete";
}

/** A fresh resource name (`r7`) or Zone name (`zone7`). */
export function freshName(model: LifecycleModel, prefix: string): string {
  model.names += 1;
  return `${prefix}${model.names}`;
}

/**
 * Gives the records of each RRset (name and type) of the Zone the TTL of its first record: a Zone refuses
 * differing TTLs in one RRset (RFC 2181 §5.2), so a user declaring a sibling gives it the RRset's TTL.
 */
export function alignZoneTtls(model: LifecycleModel): void {
  const first = new Map<string, number>();
  for (const r of model.zone?.records ?? []) {
    const rrset = `${r.subDomain} ${r.fieldType}`;
    if (!first.has(rrset)) first.set(rrset, r.ttl);
    r.ttl = first.get(rrset)!;
  }
}

/** The zone after a successful up: every declared record, plus the hand-added ones a Zone does not delete. */
export function expectedAfterUp(model: LifecycleModel): string[] {
  return [...declaredRecords(model), ...(zoneOwnsAll(model) ? [] : model.hand)].map(lineOf).sort();
}

/** The zone after a successful destroy: only the hand-added records (those an export declared included, until an up took them over). */
export function expectedAfterDestroy(model: LifecycleModel): string[] {
  return [...model.hand, ...(model.exportedHand ?? [])].map(lineOf).sort();
}

/** The model as one line, for a failure's report. */
export function describeModel(model: LifecycleModel): string {
  const top = model.top.map((r) => `${r.name}${r.adopt ? "(adopt)" : ""}=${lineOf(r)}`);
  const zone = model.zone ? `zone ${model.zone.name}${model.zone.adopt ? " adopt" : ""} unmanaged=${model.zone.unmanaged}: ${model.zone.records.map(lineOf).join(", ")}` : "no zone";
  return `top: [${top.join(", ")}]; ${zone}; hand: [${model.hand.map(lineOf).join(", ")}]${model.owner ? `; owner ${model.owner}` : ""}${model.drifted ? "; drifted" : ""}`;
}
