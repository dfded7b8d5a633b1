import * as pulumi from "@pulumi/pulumi";
import {
  DATA_SOURCES,
  SessionPool,
  type ZoneApi,
  type ZoneInfo,
  type ZoneRecordInfo,
} from "../provider/zone-record";

/**
 * Credentials of the data sources, resolved like the provider's: the stack config `ovh:*` (read raw from the
 * program's config, secrets included), else the environment, else ovh.conf. Outside a Pulumi program there
 * is no stack config, and the environment and ovh.conf are used.
 */
const pool = new SessionPool();
/** One lookup for the process: the pool remembers what it resolved to, so credentials are resolved once. */
const stackConfig = (key: string): string | undefined => pulumi.runtime.getConfig(`ovh:${key}`);

function api(): ZoneApi {
  return pool.sessionFor(stackConfig).api;
}

/** The result of {@link getDomains}. */
export interface GetDomainsResult {
  /** Domains registered through OVH (`GET /domain`), sorted. A zone hosted without registration is not here: see {@link getZones}. */
  readonly domains: string[];
}

/** Lists the account's registered domains (`GET /domain`). */
export async function getDomains(): Promise<GetDomainsResult> {
  return DATA_SOURCES.getDomains(api);
}

/** {@link getDomains} as an Output. */
export function getDomainsOutput(): pulumi.Output<GetDomainsResult> {
  return pulumi.output(getDomains());
}

/** The result of {@link getZones}. */
export interface GetZonesResult {
  /** The account's DNS zones (`GET /domain/zone`), sorted. */
  readonly zones: string[];
}

/** Lists the account's DNS zones (`GET /domain/zone`). */
export async function getZones(): Promise<GetZonesResult> {
  return DATA_SOURCES.getZones(api);
}

/** {@link getZones} as an Output. */
export function getZonesOutput(): pulumi.Output<GetZonesResult> {
  return pulumi.output(getZones());
}

/** The arguments of {@link getZone}. */
export interface GetZoneArgs {
  /** The zone, e.g. `example.com`. */
  zoneName: string;
}

/** {@link GetZoneArgs} with Inputs, for {@link getZoneOutput}. */
export interface GetZoneOutputArgs {
  /** The zone, e.g. `example.com`. */
  zoneName: pulumi.Input<string>;
}

/** The result of {@link getZone}: the zone as `GET /domain/zone/{zoneName}` describes it. */
export type GetZoneResult = ZoneInfo;

/** Describes one zone (`GET /domain/zone/{zoneName}`). */
export async function getZone(args: GetZoneArgs): Promise<GetZoneResult> {
  return DATA_SOURCES.getZone(api, args);
}

/** {@link getZone} as an Output. */
export function getZoneOutput(args: GetZoneOutputArgs): pulumi.Output<GetZoneResult> {
  return pulumi.output(args).apply((a) => getZone(a));
}

/** The arguments of {@link getZoneRecords}. */
export interface GetZoneRecordsArgs {
  /** The zone, e.g. `example.com`. */
  zoneName: string;
  /** Only records of this type, e.g. `TXT`. */
  fieldType?: string;
  /** Only records of this name inside the zone (`""` is the apex); OVH compares it case-insensitively. */
  subDomain?: string;
}

/** {@link GetZoneRecordsArgs} with Inputs, for {@link getZoneRecordsOutput}. */
export interface GetZoneRecordsOutputArgs {
  zoneName: pulumi.Input<string>;
  fieldType?: pulumi.Input<string>;
  subDomain?: pulumi.Input<string>;
}

/** The result of {@link getZoneRecords}. */
export interface GetZoneRecordsResult {
  /** The zone, lower case. */
  readonly zoneName: string;
  /** The matching records with their OVH ids, sorted by name, type and id. */
  readonly records: ZoneRecordInfo[];
}

/** Lists a zone's records with their ids (`GET /domain/zone/{zoneName}/record`, then each record). */
export async function getZoneRecords(args: GetZoneRecordsArgs): Promise<GetZoneRecordsResult> {
  return DATA_SOURCES.getZoneRecords(api, args);
}

/** {@link getZoneRecords} as an Output. */
export function getZoneRecordsOutput(args: GetZoneRecordsOutputArgs): pulumi.Output<GetZoneRecordsResult> {
  return pulumi.output(args).apply((a) => getZoneRecords(a));
}
