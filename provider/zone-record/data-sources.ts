/**
 * What the data sources read: the account's domains and zones, one zone, and a zone's records with their ids
 * (so that existing records can be imported without hunting for opaque ids, terraform-provider-ovh #1114).
 */
import { fqdnOf, normaliseZoneName, ZoneRecordError } from "../records";
import { checkZoneName } from "../records/names";
import type { RecordFilter, ZoneApi } from "./zone-api";

/** One zone, as `GET /domain/zone/{zoneName}` describes it. */
export interface ZoneInfo {
  /** The zone name. */
  name: string;
  /** Whether DNSSEC can be enabled on the zone. */
  dnssecSupported: boolean;
  /** Whether the zone uses OVH's anycast DNS. */
  hasDnsAnycast: boolean;
  /** Last change of the zone (ISO 8601), or `""` when OVH has none. */
  lastUpdate: string;
  /** The zone's authoritative name servers. */
  nameServers: string[];
}

/** One record of a zone, with its OVH id. */
export interface ZoneRecordInfo {
  /** The OVH record id, a decimal string: import a record with it. */
  recordId: string;
  zoneName: string;
  subDomain: string;
  fieldType: string;
  /** The record data exactly as OVH returns it (TXT quoted). */
  target: string;
  /** Seconds; 0 is the zone default. */
  ttl: number;
  fqdn: string;
}

/** Registered domains of the account, sorted. */
export async function fetchDomains(api: ZoneApi): Promise<string[]> {
  return [...(await api.listDomains())].sort();
}

/** DNS zones of the account, sorted. */
export async function fetchZones(api: ZoneApi): Promise<string[]> {
  return [...(await api.listZones())].sort();
}

/**
 * `zoneName` written as the API knows it (trimmed, lower case, no trailing dot), or an error naming the function
 * and saying why: `"."` or `""` would otherwise send `GET /domain/zone/`, the listing, and read it as a zone.
 */
export function requireZoneName(zoneName: unknown, fn: string): string {
  const name = typeof zoneName === "string" ? normaliseZoneName(zoneName) : "";
  const reasons = typeof zoneName === "string" ? checkZoneName(name) : ["zoneName must be a string"];
  if (reasons.length > 0) throw new ZoneRecordError(`${fn}: zoneName must be a zone name such as "example.com": ${reasons.join("; ")}`);
  return name;
}

/** One zone. `zoneName` is checked first (see {@link requireZoneName}). */
export async function fetchZone(api: ZoneApi, zoneName: string): Promise<ZoneInfo> {
  const zone = await api.getZone(requireZoneName(zoneName, "getZone"));
  return {
    name: zone.name,
    dnssecSupported: Boolean(zone.dnssecSupported),
    hasDnsAnycast: Boolean(zone.hasDnsAnycast),
    lastUpdate: zone.lastUpdate ?? "",
    nameServers: [...(zone.nameServers ?? [])],
  };
}

/** Records of a zone, filtered as OVH filters them, sorted by name, type and id. */
export async function fetchZoneRecords(api: ZoneApi, zoneName: string, filter: RecordFilter = {}): Promise<ZoneRecordInfo[]> {
  requireZoneName(zoneName, "getZoneRecords");
  const ids = await api.listRecordIds(zoneName, filter);
  const records = await Promise.all(ids.map((id) => api.getRecord(zoneName, id)));
  const found: ZoneRecordInfo[] = [];
  for (const record of records) {
    if (!record) continue; // deleted between the listing and the read
    const subDomain = record.subDomain ?? "";
    found.push({
      recordId: String(record.id),
      zoneName,
      subDomain,
      fieldType: record.fieldType,
      target: record.target,
      ttl: record.ttl ?? 0,
      fqdn: fqdnOf(zoneName, subDomain),
    });
  }
  return found.sort((a, b) => a.subDomain.localeCompare(b.subDomain) || a.fieldType.localeCompare(b.fieldType)
    || (BigInt(a.recordId) < BigInt(b.recordId) ? -1 : 1));
}
