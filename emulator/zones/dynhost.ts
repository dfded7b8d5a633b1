/**
 * DynHost records and logins of a zone (`/domain/zone/{zoneName}/dynHost/record` and `/login`, docs/ovh-api.md §4,
 * "DynHost"). A DynHost record is a host name's IPv4 address that a DynHost client updates; the emulator serves it
 * as an A record, published, like a record change, by the next refresh. A login is kept with a digest of its
 * password (the state file never holds the password), which tests compare with the one they expect.
 */
import { createHash } from "node:crypto";
import { ApiError, objectNotFound } from "../errors";
import type { StoredZone } from "./store";

/** A DynHost record as stored. */
export interface StoredDynHostRecord {
  id: number;
  subDomain: string;
  ip: string;
}

/** A DynHost login as stored. */
export interface StoredDynHostLogin {
  login: string;
  subDomain: string;
  /** The SHA-256 of the password, hex ({@link passwordDigest}). */
  passwordDigest: string;
}

/** The TTL OVH gives a DynHost record (docs/ovh-api.md §4: a guess; the schema has it read-only). */
export const DYNHOST_TTL = 60;

/** The digest the emulator keeps of a password. */
export function passwordDigest(password: string): string {
  return createHash("sha256").update(password, "utf8").digest("hex");
}

/** A DynHost record of a zone, or 404 naming its id. */
export function findDynHostRecord(zone: StoredZone, id: string): StoredDynHostRecord {
  const found = /^[1-9]\d{0,15}$/.test(id) ? zone.dynHostRecords.get(Number(id)) : undefined;
  if (found === undefined) throw objectNotFound(id);
  return found;
}

/** Ids of the zone's DynHost records, in creation order, optionally of one sub-domain (case-insensitive, exact). */
export function listDynHostRecords(zone: StoredZone, subDomain: string | undefined): number[] {
  const wanted = subDomain?.toLowerCase();
  return [...zone.dynHostRecords.values()].filter((r) => wanted === undefined || r.subDomain.toLowerCase() === wanted).map((r) => r.id);
}

/**
 * Refuses a DynHost record at `subDomain` (409) when another DynHost record, an A record or a CNAME has that name:
 * OVH's guide asks for no A record beside one (docs/ovh-api.md §4), and a CNAME stands beside nothing.
 */
export function checkDynHostName(zone: StoredZone, subDomain: string, except?: number): void {
  const name = subDomain.toLowerCase();
  const twin = [...zone.dynHostRecords.values()].find((r) => r.id !== except && r.subDomain.toLowerCase() === name);
  if (twin !== undefined) throw new ApiError(409, `A DynHost record already exists for subDomain ${subDomain || "(the zone apex)"} (id ${twin.id})`);
  const clash = [...zone.records.values()].find((r) => (r.fieldType === "A" || r.fieldType === "CNAME") && r.subDomain.toLowerCase() === name);
  if (clash !== undefined) {
    throw new ApiError(409, `subDomain ${subDomain || "(the zone apex)"} already holds a ${clash.fieldType} record (id ${clash.id}): delete it before adding a DynHost record`);
  }
}

/** Marks the zone changed: the next refresh publishes it. */
export function markDynHostChanged(zone: StoredZone, now: number): void {
  zone.lastUpdate = now;
  zone.pending = true;
}

/** A login of a zone (any letter case), or 404 naming it. */
export function findDynHostLogin(zone: StoredZone, login: string): StoredDynHostLogin {
  const found = zone.dynHostLogins.get(login.toLowerCase());
  if (found === undefined) throw objectNotFound(login);
  return found;
}
