/**
 * Optional state file: zones, records, registered domains and the id counter, loaded at
 * start if present and rewritten (atomically) after each change. Credentials are not
 * persisted, so no secret ever lands on disk.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { isFieldType } from "./records/field-types";
import type { SoaSettings } from "./zones/soa";
import type { StoredRecord, ZoneStore } from "./zones/store";

/** The file's format. */
interface PersistedState {
  version: 1;
  nextRecordId: number;
  domains: string[];
  zones: Record<string, { records: StoredRecord[]; deployed: StoredRecord[]; pending: boolean; serial: number; soa?: SoaSettings; lastUpdate: number }>;
}

/** Writes the zone store to `file` (via a temporary file and a rename). */
export function saveState(file: string, store: ZoneStore): void {
  const state: PersistedState = { version: 1, nextRecordId: store.nextRecordId, domains: store.domains, zones: {} };
  for (const zone of store.zones.values()) {
    state.zones[zone.name] = {
      records: [...zone.records.values()],
      deployed: zone.deployed,
      pending: zone.pending,
      serial: zone.serial,
      soa: zone.soa,
      lastUpdate: zone.lastUpdate,
    };
  }
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, file);
}

/** Loads `file` into the store; returns false when the file does not exist. */
export function loadState(file: string, store: ZoneStore): boolean {
  if (!existsSync(file)) return false;
  let state: PersistedState;
  try {
    state = JSON.parse(readFileSync(file, "utf8")) as PersistedState;
  } catch (err) {
    throw new Error(`OVH emulator: state file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (state.version !== 1 || typeof state.zones !== "object" || state.zones === null) {
    throw new Error(`OVH emulator: state file ${file} has an unknown format (expected version 1)`);
  }
  store.domains = Array.isArray(state.domains) ? state.domains.map(String) : [];
  for (const [name, saved] of Object.entries(state.zones)) {
    const zone = store.addZone(name, [], saved.lastUpdate);
    for (const record of saved.records.map(checkRecord)) zone.records.set(record.id, record);
    zone.deployed = saved.deployed.map(checkRecord);
    zone.pending = saved.pending;
    zone.serial = saved.serial;
    // A file written before the SOA route keeps the defaults.
    if (saved.soa !== undefined) zone.soa = { ...zone.soa, ...saved.soa };
  }
  const highest = Math.max(0, ...[...store.zones.values()].flatMap((z) => [...z.records.keys()]));
  store.nextRecordId = Math.max(state.nextRecordId, highest + 1, store.nextRecordId);
  return true;
}

function checkRecord(record: StoredRecord): StoredRecord {
  if (!Number.isSafeInteger(record.id) || !isFieldType(record.fieldType) || typeof record.target !== "string") {
    throw new Error(`OVH emulator: state file holds an invalid record: ${JSON.stringify(record)}`);
  }
  return { id: record.id, subDomain: String(record.subDomain ?? ""), fieldType: record.fieldType, target: record.target, ttl: Number(record.ttl ?? 0) };
}
