/**
 * The DNS calls of the OVH API, typed, over any signed-request client. Knows the routes and their answers
 * (docs/ovh-api-client.md), nothing of Pulumi.
 */
import { isRecordIdText, RecordIdError, type ApiRecord, type ApiRecordCreate, type ApiRecordUpdate } from "../records";

/** The part of the OVH client that the DNS layer needs (satisfied by `OvhClient`). */
export interface OvhRequester {
  request<T>(
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    options?: { query?: Record<string, string>; body?: unknown },
  ): Promise<T>;
}

/** `GET /domain/zone/{zoneName}` as the API answers it. */
export interface ApiZone {
  name: string;
  dnssecSupported: boolean;
  hasDnsAnycast: boolean;
  lastUpdate: string | null;
  nameServers: string[];
  dnssecActivated?: boolean;
}

/** `GET /domain/zone/{zoneName}/soa` as the API answers it (`domain.zone.Soa`). */
export interface ApiSoa {
  email: string;
  expire: number;
  nxDomainTtl: number;
  refresh: number;
  serial: number;
  server: string;
  ttl: number;
}

/** Filters of `GET /domain/zone/{zoneName}/record`. */
export interface RecordFilter {
  fieldType?: string;
  subDomain?: string;
}

/** True for an OVH answer with HTTP status 404. */
export function isNotFound(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { status?: unknown }).status === 404;
}

const zonePath = (zoneName: string) => `/domain/zone/${encodeURIComponent(zoneName)}`;

/**
 * The path of record `id`, for every GET, PUT and DELETE of a record. Ids come from the state, which anyone can
 * edit, and from OVH's listings: only a decimal id below 2^53 goes into a path (`isRecordIdText`), so that
 * `5?x=1` or `../refresh` is never signed and sent, and an id past 2^53, which JSON parsing has already rounded
 * onto another record's, never reaches that other record.
 */
function recordPath(zoneName: string, id: string): string {
  assertRecordId(zoneName, id);
  return `${zonePath(zoneName)}/record/${id}`;
}

/** Throws the {@link RecordIdError} of `recordPath` unless `id` is an OVH record id: before anything is sent. */
export function assertRecordId(zoneName: string, id: string): void {
  if (!isRecordIdText(id)) {
    throw new RecordIdError(
      `record id ${JSON.stringify(id)} of zone ${zoneName} is not an OVH record id (a whole number from 1 to 2^53 - 1 in digits, ` +
        "such as 5390038375): nothing was sent; check the resource's id in the state",
    );
  }
}

/** Typed DNS routes of the OVH API. */
export class ZoneApi {
  constructor(readonly client: OvhRequester) {}

  /** Domains registered through OVH (`GET /domain`). Zones hosted without registration are not in it. */
  listDomains(): Promise<string[]> {
    return this.client.request<string[]>("GET", "/domain");
  }

  /** DNS zones of the account (`GET /domain/zone`). */
  listZones(): Promise<string[]> {
    return this.client.request<string[]>("GET", "/domain/zone");
  }

  getZone(zoneName: string): Promise<ApiZone> {
    return this.client.request<ApiZone>("GET", zonePath(zoneName));
  }

  /** Record ids of a zone, optionally filtered. Ids are returned as decimal strings (they exceed 2^32). */
  async listRecordIds(zoneName: string, filter: RecordFilter = {}): Promise<string[]> {
    const query: Record<string, string> = {};
    if (filter.fieldType !== undefined) query.fieldType = filter.fieldType;
    if (filter.subDomain !== undefined) query.subDomain = filter.subDomain;
    const ids = await this.client.request<number[]>("GET", `${zonePath(zoneName)}/record`, {
      query: Object.keys(query).length ? query : undefined,
    });
    return ids.map((id) => String(id));
  }

  /** One record, or `undefined` when the API answers 404 (deleted, or renumbered by a text edit). */
  async getRecord(zoneName: string, id: string): Promise<ApiRecord | undefined> {
    try {
      return await this.client.request<ApiRecord>("GET", recordPath(zoneName, id));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  createRecord(zoneName: string, body: ApiRecordCreate): Promise<ApiRecord> {
    return this.client.request<ApiRecord>("POST", `${zonePath(zoneName)}/record`, { body });
  }

  async updateRecord(zoneName: string, id: string, body: ApiRecordUpdate): Promise<void> {
    await this.client.request<unknown>("PUT", recordPath(zoneName, id), { body });
  }

  /** Deletes a record; `false` when it was already gone (404). */
  async deleteRecord(zoneName: string, id: string): Promise<boolean> {
    try {
      await this.client.request<unknown>("DELETE", recordPath(zoneName, id));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  /** `GET /domain/zone/{zoneName}/soa` (`domain.zone.Soa`, docs/ovh-api.md §4). */
  getSoa(zoneName: string): Promise<ApiSoa> {
    return this.client.request<ApiSoa>("GET", `${zonePath(zoneName)}/soa`);
  }

  /** `PUT /domain/zone/{zoneName}/soa` with only the fields to change. */
  async updateSoa(zoneName: string, body: Partial<ApiSoa>): Promise<void> {
    await this.client.request<unknown>("PUT", `${zonePath(zoneName)}/soa`, { body });
  }

  async refreshZone(zoneName: string): Promise<void> {
    await this.client.request<unknown>("POST", `${zonePath(zoneName)}/refresh`);
  }
}
