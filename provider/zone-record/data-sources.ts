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
  /** The zone, lower case. */
  zoneName: string;
  /** The name inside the zone, as OVH returns it; `""` is the apex. */
  subDomain: string;
  /** The record type, e.g. `A`. */
  fieldType: string;
  /** The record data exactly as OVH returns it (TXT quoted). */
  target: string;
  /** Seconds; 0 is the zone default. */
  ttl: number;
  /** The record's full name, e.g. `www.example.com` (the zone name at the apex). */
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

/** The arguments a data source takes, unchecked (a program's, or the plugin's Invoke). */
export interface DataSourceArgs {
  zoneName?: unknown;
  fieldType?: unknown;
  subDomain?: unknown;
}

/**
 * The data sources by name, as the SDK's functions and the plugin's Invoke both call them: each checks its
 * arguments (naming the function) before it asks for `api`, so a bad argument is named even without credentials.
 */
export const DATA_SOURCES = {
  getDomains: async (api: () => ZoneApi) => ({ domains: await fetchDomains(api()) }),
  getZones: async (api: () => ZoneApi) => ({ zones: await fetchZones(api()) }),
  getZone: async (api: () => ZoneApi, args: DataSourceArgs) => {
    const zoneName = requireZoneName(args.zoneName, "getZone");
    return fetchZone(api(), zoneName);
  },
  getZoneRecords: async (api: () => ZoneApi, args: DataSourceArgs) => {
    const zoneName = requireZoneName(args.zoneName, "getZoneRecords");
    for (const [key, example] of [["fieldType", "\"TXT\""], ["subDomain", "\"www\" (\"\" is the apex)"]] as const) {
      const value = args[key];
      if (value !== undefined && value !== null && typeof value !== "string") {
        throw new ZoneRecordError(`getZoneRecords: ${key} must be text such as ${example}, not ${JSON.stringify(value)}`);
      }
    }
    const filter = {
      fieldType: typeof args.fieldType === "string" ? args.fieldType.toUpperCase() : undefined,
      subDomain: typeof args.subDomain === "string" ? args.subDomain : undefined,
    };
    return { zoneName, records: await fetchZoneRecords(api(), zoneName, filter) };
  },
} as const;

/** The name of a data source. */
export type DataSourceName = keyof typeof DATA_SOURCES;
