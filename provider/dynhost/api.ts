/**
 * The DynHost routes of the OVH API, typed, over the same signed-request client as the records
 * (zone-record/zone-api.ts's `OvhRequester`). Knows the routes and their answers, nothing of Pulumi.
 */
import { isRecordIdText, RecordIdError } from "../records";
import { isNotFound, type OvhRequester } from "../zone-record/zone-api";
import type { ApiDynHostLogin, ApiDynHostLoginCreate, ApiDynHostRecord, ApiDynHostRecordBody } from "./model";

const zonePath = (zoneName: string) => `/domain/zone/${encodeURIComponent(zoneName)}/dynHost`;

/**
 * The path of DynHost record `id`. Ids come from the state, which anyone can edit: only a decimal id below 2^53
 * goes into a path (the records' rule, zone-api.ts), so that `5?x=1` or `../refresh` is never signed and sent.
 */
function recordPath(zoneName: string, id: string): string {
  if (!isRecordIdText(id)) {
    throw new RecordIdError(`DynHost record id ${JSON.stringify(id)} of zone ${zoneName} is not an OVH id (a whole number from 1 to 2^53 - 1 ` +
      "in digits): nothing was sent; check the resource's id in the state");
  }
  return `${zonePath(zoneName)}/record/${id}`;
}

/** The path of login `login`, encoded as one path segment whatever it holds. */
function loginPath(zoneName: string, login: string): string {
  return `${zonePath(zoneName)}/login/${encodeURIComponent(login)}`;
}

/** Returns `undefined` for a 404, the answer otherwise. */
async function orUndefined<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Typed DynHost routes. */
export class DynHostApi {
  constructor(readonly client: OvhRequester) {}

  /** DynHost record ids of a zone, optionally only those of one sub-domain (`""` is the apex). */
  async listRecordIds(zoneName: string, subDomain?: string): Promise<string[]> {
    const ids = await this.client.request<number[]>("GET", `${zonePath(zoneName)}/record`, { query: subDomain === undefined ? undefined : { subDomain } });
    return ids.map((id) => String(id));
  }

  /** One DynHost record, or `undefined` when the API answers 404. */
  getRecord(zoneName: string, id: string): Promise<ApiDynHostRecord | undefined> {
    return orUndefined(this.client.request<ApiDynHostRecord>("GET", recordPath(zoneName, id)));
  }

  createRecord(zoneName: string, body: ApiDynHostRecordBody): Promise<ApiDynHostRecord> {
    return this.client.request<ApiDynHostRecord>("POST", `${zonePath(zoneName)}/record`, { body });
  }

  async updateRecord(zoneName: string, id: string, body: ApiDynHostRecordBody): Promise<void> {
    await this.client.request<unknown>("PUT", recordPath(zoneName, id), { body });
  }

  async removeRecord(zoneName: string, id: string): Promise<void> {
    await this.client.request<unknown>("DELETE", recordPath(zoneName, id));
  }

  /** The logins of a zone (full logins, `<zone>-<suffix>`). */
  listLogins(zoneName: string): Promise<string[]> {
    return this.client.request<string[]>("GET", `${zonePath(zoneName)}/login`);
  }

  /** One login, or `undefined` when the API answers 404. */
  getLogin(zoneName: string, login: string): Promise<ApiDynHostLogin | undefined> {
    return orUndefined(this.client.request<ApiDynHostLogin>("GET", loginPath(zoneName, login)));
  }

  createLogin(zoneName: string, body: ApiDynHostLoginCreate): Promise<ApiDynHostLogin> {
    return this.client.request<ApiDynHostLogin>("POST", `${zonePath(zoneName)}/login`, { body });
  }

  async updateLogin(zoneName: string, login: string, subDomain: string): Promise<void> {
    await this.client.request<unknown>("PUT", loginPath(zoneName, login), { body: { subDomain } });
  }

  async changePassword(zoneName: string, login: string, password: string): Promise<void> {
    await this.client.request<unknown>("POST", `${loginPath(zoneName, login)}/changePassword`, { body: { password } });
  }

  async removeLogin(zoneName: string, login: string): Promise<void> {
    await this.client.request<unknown>("DELETE", loginPath(zoneName, login));
  }
}
