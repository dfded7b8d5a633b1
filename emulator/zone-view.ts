/** The read-only zone view tests use to check state without going through the API. */
import { isFieldType } from "./records/field-types";
import { wrapTxt, type TxtQuoting } from "./records/txt";
import type { SeedRecord } from "./options";
import { exportZone } from "./zones/export";
import type { StoredDynHostLogin, StoredDynHostRecord } from "./zones/dynhost";
import type { StoredRedirection } from "./zones/redirections";
import { dnssecStatus, type DnssecStatus } from "./zones/dnssec";
import type { SoaSettings } from "./zones/soa";
import type { StoredRecord, ZoneStore } from "./zones/store";

/** One record of a {@link ZoneView}. */
export interface ZoneViewRecord {
  readonly id: number;
  readonly subDomain: string;
  readonly fieldType: string;
  readonly target: string;
  readonly ttl: number;
}

/** A snapshot of a zone. */
export interface ZoneView {
  /** Current records (changes included, refreshed or not), in creation order: the API's view. */
  readonly records: readonly ZoneViewRecord[];
  /** The records as of the last successful refresh: what the zone's name servers serve (and the export shows). */
  readonly published: readonly ZoneViewRecord[];
  /** The web redirections, in creation order, with the ids of the records kept for each. */
  readonly redirections: readonly Readonly<StoredRedirection>[];
  /** The DynHost records (current, refreshed or not), in creation order. */
  readonly dynHostRecords: readonly Readonly<StoredDynHostRecord>[];
  /** The DynHost logins, with the SHA-256 of each password (never the password). */
  readonly dynHostLogins: readonly Readonly<StoredDynHostLogin>[];
  /** Whether changes are waiting for a refresh. */
  readonly pendingChanges: boolean;
  /** The SOA settings (`GET .../soa` without the serial). */
  readonly soa: Readonly<SoaSettings>;
  /** The DNSSEC status `GET .../dnssec` answers at the time of the snapshot. */
  readonly dnssec: DnssecStatus;
  /** The BIND text `GET .../export` returns: the zone as of the last refresh. */
  exportText(): string;
}

/** A view of zone `name`; throws when there is no such zone. */
export function zoneView(zones: ZoneStore, name: string, now = Date.now(), dnssecDelayMs = 0): ZoneView {
  const zone = zones.find(name);
  if (zone === undefined) throw new Error(`OVH emulator: no zone named ${name}`);
  return {
    records: [...zone.records.values()].map((r) => Object.freeze({ ...r })),
    published: zone.deployed.map((r) => Object.freeze({ ...r })),
    redirections: [...zone.redirections.values()].map((r) => Object.freeze({ ...r, recordIds: [...r.recordIds] })),
    dynHostRecords: [...zone.dynHostRecords.values()].map((r) => Object.freeze({ ...r })),
    dynHostLogins: [...zone.dynHostLogins.values()].map((l) => Object.freeze({ ...l })),
    pendingChanges: zone.pending,
    soa: Object.freeze({ ...zone.soa }),
    dnssec: dnssecStatus(zone.dnssec, now, dnssecDelayMs),
    exportText: () => exportZone(zone),
  };
}

/** Seed records stored as the API would store them (TXT wrapped, TTL 1-59 raised). */
export function seedRecords(records: readonly SeedRecord[], quoting: TxtQuoting = "escape"): Omit<StoredRecord, "id">[] {
  return records.map((r) => {
    if (!isFieldType(r.fieldType)) throw new Error(`OVH emulator: unknown fieldType ${r.fieldType} in a seed record`);
    const ttl = r.ttl ?? 0;
    return {
      subDomain: r.subDomain ?? "",
      fieldType: r.fieldType,
      target: r.fieldType === "TXT" ? wrapTxt(r.target, quoting) : r.target,
      ttl: ttl > 0 && ttl < 60 ? 60 : ttl,
    };
  });
}
