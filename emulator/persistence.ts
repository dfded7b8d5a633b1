/**
 * Optional state file: zones, records, registered domains and the id counter, loaded at
 * start if present and rewritten (atomically) after each change. Credentials are not
 * persisted, so no secret ever lands on disk.
 */
import { closeSync, constants, existsSync, fsyncSync, lstatSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { isFieldType } from "./records/field-types";
import type { StoredDynHostLogin, StoredDynHostRecord } from "./zones/dynhost";
import { REDIRECTION_TYPES, type StoredRedirection } from "./zones/redirections";
import type { DnssecState } from "./zones/dnssec";
import type { SoaSettings } from "./zones/soa";
import type { StoredRecord, ZoneStore } from "./zones/store";

/** The file's format. */
interface PersistedState {
  version: 1;
  nextRecordId: number;
  domains: string[];
  zones: Record<string, { records: StoredRecord[]; redirections?: StoredRedirection[]; dynHost?: { records: StoredDynHostRecord[]; logins: StoredDynHostLogin[]; deployed: StoredDynHostRecord[] }; deployed: StoredRecord[]; pending: boolean; serial: number; soa?: SoaSettings; dnssec?: DnssecState; dnssecSupported?: boolean; lastUpdate: number }>;
}

/**
 * Writes the zone store to `file`: a new file (`O_EXCL | O_NOFOLLOW`) in a private directory made beside it with
 * `mkdtemp`, renamed over it. A predictable temporary name (`<file>.<pid>.tmp`, as before issue #19) could be a
 * symlink planted by another user of the directory, and the state would be written wherever it points.
 */
export function saveState(file: string, store: ZoneStore): void {
  const state: PersistedState = { version: 1, nextRecordId: store.nextRecordId, domains: store.domains, zones: {} };
  for (const zone of store.zones.values()) {
    state.zones[zone.name] = {
      records: [...zone.records.values()],
      redirections: [...zone.redirections.values()],
      dynHost: { records: [...zone.dynHostRecords.values()], logins: [...zone.dynHostLogins.values()], deployed: zone.deployedDynHost },
      deployed: zone.deployed,
      pending: zone.pending,
      serial: zone.serial,
      soa: zone.soa,
      dnssec: zone.dnssec,
      dnssecSupported: zone.dnssecSupported,
      lastUpdate: zone.lastUpdate,
    };
  }
  const dir = mkdtempSync(join(dirname(file), `.${basename(file)}.`));
  try {
    const temporary = join(dir, "state.json");
    const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
    try {
      writeFileSync(fd, `${JSON.stringify(state, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Loads `file` into the store; returns false when the file does not exist. */
export function loadState(file: string, store: ZoneStore): boolean {
  // A link is refused, not followed: the state is written by a rename, which would replace the link itself.
  if (isSymbolicLink(file)) throw new Error(`OVH emulator: state file ${file} is a symbolic link: give the path of the file itself`);
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
    for (const redirection of (saved.redirections ?? []).map(checkRedirection)) zone.redirections.set(redirection.id, redirection);
    zone.deployed = saved.deployed.map(checkRecord);
    // A file written before the DynHost routes has none.
    for (const record of (saved.dynHost?.records ?? []).map(checkDynHostRecord)) zone.dynHostRecords.set(record.id, record);
    for (const login of (saved.dynHost?.logins ?? []).map(checkDynHostLogin)) zone.dynHostLogins.set(login.login.toLowerCase(), login);
    zone.deployedDynHost = (saved.dynHost?.deployed ?? []).map(checkDynHostRecord);
    zone.pending = saved.pending;
    zone.serial = saved.serial;
    // A file written before the SOA route keeps the defaults.
    if (saved.soa !== undefined) zone.soa = { ...zone.soa, ...saved.soa };
    // A file written before the DNSSEC route: off, and supported.
    if (saved.dnssec !== undefined) zone.dnssec = checkDnssec(saved.dnssec);
    zone.dnssecSupported = saved.dnssecSupported !== false;
  }
  const highest = Math.max(0, ...[...store.zones.values()].flatMap((z) => [...z.records.keys(), ...z.redirections.keys(), ...z.dynHostRecords.keys()]));
  store.nextRecordId = Math.max(state.nextRecordId, highest + 1, store.nextRecordId);
  return true;
}

function checkRecord(record: StoredRecord): StoredRecord {
  if (!Number.isSafeInteger(record.id) || !isFieldType(record.fieldType) || typeof record.target !== "string") {
    throw new Error(`OVH emulator: state file holds an invalid record: ${JSON.stringify(record)}`);
  }
  return { id: record.id, subDomain: String(record.subDomain ?? ""), fieldType: record.fieldType, target: record.target, ttl: Number(record.ttl ?? 0) };
}

function checkDynHostRecord(r: StoredDynHostRecord): StoredDynHostRecord {
  if (!Number.isSafeInteger(r.id) || typeof r.ip !== "string") throw new Error(`OVH emulator: state file holds an invalid DynHost record: ${JSON.stringify(r)}`);
  return { id: r.id, subDomain: String(r.subDomain ?? ""), ip: r.ip };
}

function checkDynHostLogin(l: StoredDynHostLogin): StoredDynHostLogin {
  if (typeof l.login !== "string" || typeof l.subDomain !== "string" || !/^[0-9a-f]{64}$/.test(String(l.passwordDigest))) {
    throw new Error(`OVH emulator: state file holds an invalid DynHost login: ${JSON.stringify({ login: l.login, subDomain: l.subDomain })}`);
  }
  return { login: l.login, subDomain: l.subDomain, passwordDigest: l.passwordDigest };
}

/** A redirection of a state file (written before redirections existed, a file has none). */
function checkRedirection(r: StoredRedirection): StoredRedirection {
  if (!Number.isSafeInteger(r.id) || !(REDIRECTION_TYPES as readonly string[]).includes(r.type) || typeof r.target !== "string" || !Array.isArray(r.recordIds)) {
    throw new Error(`OVH emulator: state file holds an invalid redirection: ${JSON.stringify(r)}`);
  }
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return { id: r.id, subDomain: String(r.subDomain ?? ""), type: r.type, target: r.target, title: text(r.title), keywords: text(r.keywords),
    description: text(r.description), recordIds: r.recordIds.map(Number) };
}

function isSymbolicLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The DNSSEC of a state file's zone. */
function checkDnssec(d: DnssecState): DnssecState {
  if ((d.target !== "enabled" && d.target !== "disabled") || !Number.isFinite(d.since)) {
    throw new Error(`OVH emulator: state file holds an invalid DNSSEC state: ${JSON.stringify(d)}`);
  }
  return { target: d.target, since: d.since };
}
