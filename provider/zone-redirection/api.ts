/**
 * The redirection routes of the OVH API, typed, over the same signed-request client as the records
 * (zone-record/zone-api.ts's `OvhRequester`). Knows the routes and their answers, nothing of Pulumi.
 */
import { isRecordIdText, RecordIdError } from "../records";
import { isNotFound, type OvhRequester } from "../zone-record/zone-api";
import type { ApiRedirection, ApiRedirectionCreate, ApiRedirectionUpdate } from "./model";

const basePath = (zoneName: string) => `/domain/zone/${encodeURIComponent(zoneName)}/redirection`;

/**
 * The path of redirection `id`. Ids come from the state, which anyone can edit: only a decimal id below 2^53
 * goes into a path (the records' rule, zone-api.ts), so that `5?x=1` or `../refresh` is never signed and sent.
 */
function redirectionPath(zoneName: string, id: string): string {
  if (!isRecordIdText(id)) {
    throw new RecordIdError(
      `redirection id ${JSON.stringify(id)} of zone ${zoneName} is not an OVH redirection id (a whole number from 1 to 2^53 - 1 in digits): ` +
        "nothing was sent; check the resource's id in the state",
    );
  }
  return `${basePath(zoneName)}/${id}`;
}

/** Refuses an id that is not one (see `redirectionPath`) before anything is read or sent about it. */
export function assertRedirectionId(zoneName: string, id: string): void {
  redirectionPath(zoneName, id);
}

/** Typed redirection routes. */
export class RedirectionApi {
  constructor(readonly client: OvhRequester) {}

  /** Redirection ids of a zone, optionally only those of one sub-domain (`""` is the apex). */
  async listIds(zoneName: string, subDomain?: string): Promise<string[]> {
    const ids = await this.client.request<number[]>("GET", basePath(zoneName), {
      query: subDomain === undefined ? undefined : { subDomain },
    });
    return ids.map((id) => String(id));
  }

  /** One redirection, or `undefined` when the API answers 404. */
  async get(zoneName: string, id: string): Promise<ApiRedirection | undefined> {
    try {
      return await this.client.request<ApiRedirection>("GET", redirectionPath(zoneName, id));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  create(zoneName: string, body: ApiRedirectionCreate): Promise<ApiRedirection> {
    return this.client.request<ApiRedirection>("POST", basePath(zoneName), { body });
  }

  async update(zoneName: string, id: string, body: ApiRedirectionUpdate): Promise<void> {
    await this.client.request<unknown>("PUT", redirectionPath(zoneName, id), { body });
  }

  async remove(zoneName: string, id: string): Promise<void> {
    await this.client.request<unknown>("DELETE", redirectionPath(zoneName, id));
  }
}
