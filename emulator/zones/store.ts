/**
 * DNS zones and their records, in memory. Changes stay pending until a refresh (docs/ovh-api.md §4:
 * "Don't forget to refresh the zone"): record GETs show current data, while the export and
 * `/status` reflect the zone as of the last refresh.
 */
import { ApiError, objectNotFound, serviceNotFound } from "../errors";
import type { RecordCreate, RecordPatch } from "../records/validate";
import type { FieldType } from "../records/field-types";
import type { StoredDynHostLogin, StoredDynHostRecord } from "./dynhost";
import type { StoredRedirection } from "./redirections";
import { defaultDnssec, type DnssecState } from "./dnssec";
import { defaultSoa, type SoaSettings } from "./soa";
import { zoneKey } from "./zone-key";

/** A record as stored. */
export interface StoredRecord {
  id: number;
  subDomain: string;
  fieldType: FieldType;
  target: string;
  ttl: number;
}

/** A zone as stored. */
export interface StoredZone {
  name: string;
  records: Map<number, StoredRecord>;
  /** Web redirections by id (redirections.ts); their records are in `records`. */
  redirections: Map<number, StoredRedirection>;
  /** DynHost records by id (dynhost.ts), served as A records. */
  dynHostRecords: Map<number, StoredDynHostRecord>;
  /** DynHost logins by login, lower case (dynhost.ts). */
  dynHostLogins: Map<string, StoredDynHostLogin>;
  /** DynHost records as of the last refresh: served, and in the export, as A records. */
  deployedDynHost: StoredDynHostRecord[];
  /** Records as of the last refresh: what the export shows. */
  deployed: StoredRecord[];
  pending: boolean;
  serial: number;
  /** The SOA's settings (`GET`/`PUT .../soa`). */
  soa: SoaSettings;
  /** What DNSSEC was last asked to become, and when (dnssec.ts). */
  dnssec: DnssecState;
  /** Whether the zone can have DNSSEC (`dnssecSupported`; the emulator's `dnssecUnsupported` option clears it). */
  dnssecSupported: boolean;
  lastUpdate: number;
  /** Emulator-clock ms until which a refresh is running; transient, not persisted. */
  refreshingUntil: number;
}

/** The primary name server of every emulated zone (export.ts lists it first). */
const NAME_SERVER = "dns112.ovh.net";

/** Record-list filters (docs/ovh-api.md §4: fieldType exact, subDomain case-insensitive exact, a guess). */
export interface RecordFilter {
  fieldType?: string;
  subDomain?: string;
}

/** Zones, records and the record-id counter. */
export class ZoneStore {
  /** Zones by {@link zoneKey} (DNS names compare case-insensitively); `zone.name` as created. */
  readonly zones = new Map<string, StoredZone>();
  domains: string[] = [];

  constructor(public nextRecordId: number) {}

  /** Creates a zone (deployed as seeded) or replaces an existing one. */
  addZone(name: string, records: Omit<StoredRecord, "id">[], now: number): StoredZone {
    const zone: StoredZone = {
      name,
      records: new Map(),
      redirections: new Map(),
      dynHostRecords: new Map(),
      dynHostLogins: new Map(),
      deployedDynHost: [],
      deployed: [],
      pending: false,
      serial: initialSerial(now),
      soa: defaultSoa(NAME_SERVER),
      dnssec: defaultDnssec(),
      dnssecSupported: true,
      lastUpdate: now,
      refreshingUntil: 0,
    };
    for (const record of records) {
      const id = this.nextRecordId++;
      zone.records.set(id, { id, ...record });
    }
    zone.deployed = [...zone.records.values()].map((r) => ({ ...r }));
    this.zones.set(zoneKey(name), zone);
    return zone;
  }

  /** A zone by name, any letter case, or undefined. */
  find(name: string): StoredZone | undefined {
    return this.zones.get(zoneKey(name));
  }

  /** The zone names, as created. */
  names(): string[] {
    return [...this.zones.values()].map((zone) => zone.name);
  }

  /** A zone, or 404 "This service does not exist". */
  zone(name: string): StoredZone {
    const zone = this.find(name);
    if (zone === undefined) throw serviceNotFound();
    return zone;
  }

  /** A record of a zone, or 404 naming the id. */
  record(zoneName: string, id: string): StoredRecord {
    const zone = this.zone(zoneName);
    const record = zone.records.get(parseRecordId(id) ?? -1);
    if (record === undefined) throw objectNotFound(id);
    return record;
  }

  /** Ids of the records matching the filter, in creation order. */
  list(zoneName: string, filter: RecordFilter): number[] {
    const wanted = filter.subDomain?.toLowerCase();
    return [...this.zone(zoneName).records.values()]
      .filter((r) => filter.fieldType === undefined || r.fieldType === filter.fieldType)
      .filter((r) => wanted === undefined || r.subDomain.toLowerCase() === wanted)
      .map((r) => r.id);
  }

  /** Adds a record; the change is pending until a refresh. */
  create(zoneName: string, input: RecordCreate, now: number): StoredRecord {
    const zone = this.zone(zoneName);
    const record: StoredRecord = { id: this.nextRecordId++, ...input };
    zone.records.set(record.id, record);
    markChanged(zone, now);
    return record;
  }

  /** Applies a validated patch to a record. */
  update(zoneName: string, id: string, patch: RecordPatch, now: number): StoredRecord {
    const record = this.record(zoneName, id);
    Object.assign(record, patch);
    markChanged(this.zone(zoneName), now);
    return record;
  }

  /** Changes a zone's SOA settings; published, like records, by the next refresh (a guess, docs/ovh-api.md §4). */
  updateSoa(zoneName: string, soa: SoaSettings, now: number): void {
    const zone = this.zone(zoneName);
    zone.soa = soa;
    markChanged(zone, now);
  }

  /** Deletes a record. */
  remove(zoneName: string, id: string, now: number): void {
    const record = this.record(zoneName, id);
    const zone = this.zone(zoneName);
    zone.records.delete(record.id);
    markChanged(zone, now);
  }

  /**
   * Deploys the current records. A refresh that arrived while another one of the zone was
   * running (`overlapped`), or within `durationMs` of the last one (an option, 0 by default),
   * is refused; the real error form is unknown, the emulator answers 409 Client::Conflict
   * (docs/ovh-api-emulator.md, "Refresh concurrency").
   */
  refresh(zoneName: string, now: number, durationMs: number, overlapped = false): void {
    const zone = this.zone(zoneName);
    if (overlapped || now < zone.refreshingUntil) {
      throw new ApiError(409, `A refresh of zone ${zoneName} is already running; retry when it has finished`);
    }
    zone.deployed = [...zone.records.values()].map((r) => ({ ...r }));
    zone.deployedDynHost = [...zone.dynHostRecords.values()].map((r) => ({ ...r }));
    zone.pending = false;
    zone.serial = nextSerial(zone.serial, now);
    zone.refreshingUntil = now + durationMs;
  }

  /** Whether the zone is deployed: nothing pending and no refresh running. */
  isDeployed(zoneName: string, now: number): boolean {
    const zone = this.zone(zoneName);
    return !zone.pending && now >= zone.refreshingUntil;
  }
}

/**
 * The number a record id in a path stands for, in its one canonical spelling only: `005390038379`,
 * `+5390038379`, `5390038379.0` or an id past 2^53 (which `Number` would round onto another one)
 * name no record (docs/ovh-api-emulator.md, "Hardening").
 */
function parseRecordId(id: string): number | undefined {
  if (!/^[1-9]\d{0,15}$/.test(id)) return undefined;
  const value = Number(id);
  return Number.isSafeInteger(value) ? value : undefined;
}

function markChanged(zone: StoredZone, now: number): void {
  zone.pending = true;
  zone.lastUpdate = now;
}

/** SOA serials are `YYYYMMDDnn` (docs/ovh-api.md §5 export head). */
function initialSerial(now: number): number {
  return Number(new Date(now).toISOString().slice(0, 10).replace(/-/g, "")) * 100 + 1;
}

function nextSerial(serial: number, now: number): number {
  return Math.max(serial + 1, initialSerial(now));
}
