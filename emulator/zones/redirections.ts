/**
 * Web redirections of a zone (`/domain/zone/{zoneName}/redirection`, docs/ovh-api.md §4, "Web redirections").
 * OVH serves a redirection from records it keeps at the redirected name: an A record to its redirection
 * servers and a TXT record `"<n>|<target>"`. The emulator makes, changes and removes those records with the
 * redirection, as pending changes published by the next refresh, like any record change.
 */
import { ApiError, objectNotFound } from "../errors";
import type { StoredZone, ZoneStore } from "./store";

/** The redirection types of `domain.zone.RedirectionTypeEnum`. */
export const REDIRECTION_TYPES = ["invisible", "visible", "visiblePermanent"] as const;

/** A redirection type. */
export type RedirectionType = (typeof REDIRECTION_TYPES)[number];

/** A redirection as stored. */
export interface StoredRedirection {
  id: number;
  subDomain: string;
  type: RedirectionType;
  target: string;
  title: string | null;
  keywords: string | null;
  description: string | null;
  /** The ids of the A and TXT records kept for it. */
  recordIds: number[];
}

/** A checked create body. */
export type RedirectionInput = Omit<StoredRedirection, "id" | "recordIds">;

/** The address OVH's parked and redirected names point to in public zone files (docs/ovh-api.md §4). */
export const REDIRECTION_SERVER = "213.186.33.5";

/** The digit of the marker TXT for each type: 1 and 4 are observed (docs/ovh-api.md §4); 2 is a guess. */
const MARKER: Record<RedirectionType, string> = { visiblePermanent: "1", visible: "4", invisible: "2" };

function markerOf(r: { type: RedirectionType; target: string }): string {
  return `"${MARKER[r.type]}|${r.target}"`;
}

/** A redirection of a zone, or 404 naming its id. */
export function findRedirection(zone: StoredZone, id: string): StoredRedirection {
  const found = /^[1-9]\d{0,15}$/.test(id) ? zone.redirections.get(Number(id)) : undefined;
  if (found === undefined) throw objectNotFound(id);
  return found;
}

/** Ids of the zone's redirections, in creation order, optionally of one sub-domain (case-insensitive, exact). */
export function listRedirections(zone: StoredZone, subDomain: string | undefined): number[] {
  const wanted = subDomain?.toLowerCase();
  return [...zone.redirections.values()].filter((r) => wanted === undefined || r.subDomain.toLowerCase() === wanted).map((r) => r.id);
}

/**
 * Adds a redirection and its records. Refused with 409: a second redirection at the same name (one name sends its
 * visitors to one place), and a name holding a CNAME, which no other record may stand beside (RFC 1034 §3.6.2;
 * OVH refuses a TXT beside a CNAME, docs/ovh-api.md §4).
 */
export function addRedirection(store: ZoneStore, zone: StoredZone, input: RedirectionInput, now: number): StoredRedirection {
  const name = input.subDomain.toLowerCase();
  if (listRedirections(zone, name).length > 0) {
    throw new ApiError(409, `A redirection already exists for ${input.subDomain || "the zone apex"}: change it, or delete it first`);
  }
  const cname = [...zone.records.values()].find((r) => r.fieldType === "CNAME" && r.subDomain.toLowerCase() === name);
  if (cname !== undefined) {
    throw new ApiError(409, `${input.subDomain || "The zone apex"} holds a CNAME record (id ${cname.id}): a redirection cannot be added beside it`);
  }
  const a = store.create(zone.name, { subDomain: input.subDomain, fieldType: "A", target: REDIRECTION_SERVER, ttl: 0 }, now);
  const txt = store.create(zone.name, { subDomain: input.subDomain, fieldType: "TXT", target: markerOf(input), ttl: 0 }, now);
  const redirection: StoredRedirection = { id: store.nextRecordId++, ...input, recordIds: [a.id, txt.id] };
  zone.redirections.set(redirection.id, redirection);
  return redirection;
}

/** Applies a checked patch; the marker TXT follows the new type and target. */
export function changeRedirection(store: ZoneStore, zone: StoredZone, redirection: StoredRedirection, patch: Partial<RedirectionInput>, now: number): void {
  Object.assign(redirection, patch);
  for (const id of redirection.recordIds) {
    const record = zone.records.get(id);
    if (record?.fieldType === "TXT") store.update(zone.name, String(id), { target: markerOf(redirection) }, now);
  }
  zone.lastUpdate = now;
  zone.pending = true;
}

/** Removes a redirection and the records kept for it (those still there). */
export function removeRedirection(store: ZoneStore, zone: StoredZone, redirection: StoredRedirection, now: number): void {
  for (const id of redirection.recordIds) if (zone.records.has(id)) store.remove(zone.name, String(id), now);
  zone.redirections.delete(redirection.id);
  zone.lastUpdate = now;
  zone.pending = true;
}
