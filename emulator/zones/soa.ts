/**
 * A zone's SOA settings (`domain.zone.Soa`, `GET`/`PUT /domain/zone/{zoneName}/soa`, docs/ovh-api.md §4). The
 * defaults are the values of OVH's export head (docs/ovh-api.md §5 "Export head"): `$TTL 3600` and
 * `SOA dns112.ovh.net. tech.ovh.net. (serial 86400 3600 3600000 60)`; OVH's model has no retry field, so the
 * retry (3600) is fixed.
 */
import { badRequest } from "../errors";

/** What a zone's SOA holds besides its serial. */
export interface SoaSettings {
  /** The zone administrator's mailbox, `tech@ovh.net` (in the SOA as `tech.ovh.net.`). */
  email: string;
  /** The primary name server. */
  server: string;
  /** The zone default TTL (`$TTL`). */
  ttl: number;
  /** Seconds between zone transfers. */
  refresh: number;
  /** Seconds after which a secondary stops answering without a transfer. */
  expire: number;
  /** The negative-caching TTL (the SOA's last field, RFC 2308). */
  nxDomainTtl: number;
}

/** The SOA of a new zone. */
export function defaultSoa(server: string): SoaSettings {
  return { email: "tech@ovh.net", server, ttl: 3600, refresh: 86400, expire: 3600000, nxDomainTtl: 60 };
}

const NUMBERS = ["ttl", "refresh", "expire", "nxDomainTtl"] as const;

/**
 * The settings after a `PUT .../soa` body: only the fields sent change. `serial` and `server` are OVH's own
 * (a guess: the schema does not mark them read-only, docs/ovh-api.md §4): sending their current value is
 * accepted, another value is refused as a read-only property, as a record's `fieldType` is.
 */
export function applySoaUpdate(current: SoaSettings, serial: number, body: unknown): SoaSettings {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("Body must be a JSON object");
  const object = body as Record<string, unknown>;
  const unknown = Object.keys(object).filter((key) => !["email", "server", "serial", ...NUMBERS].includes(key));
  if (unknown.length > 0) throw badRequest(`Unknown parameter(s) in body: ${unknown.join(", ")}`);
  const readOnly = [
    ...(object.server !== undefined && object.server !== current.server ? ["server"] : []),
    ...(object.serial !== undefined && object.serial !== serial ? ["serial"] : []),
  ];
  if (readOnly.length > 0) throw badRequest(`Try to alter read-only properties: ${readOnly.join(", ")}`);
  const next = { ...current };
  for (const key of NUMBERS) {
    const value = object[key];
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
      throw badRequest(`Body parameter ${key} isn't formated correctly: expected a non-negative integer`);
    }
    next[key] = value;
  }
  if (object.email !== undefined) {
    if (typeof object.email !== "string" || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(object.email)) {
      throw badRequest("Body parameter email isn't formated correctly: expected an email address");
    }
    next.email = object.email;
  }
  return next;
}

/** `tech@ovh.net` as an SOA RNAME: `tech.ovh.net.` (RFC 1035 §8, a `.` in the local part escaped). */
export function soaMailbox(email: string): string {
  const at = email.lastIndexOf("@");
  return `${email.slice(0, at).replace(/\./g, "\\.")}.${email.slice(at + 1)}.`;
}
