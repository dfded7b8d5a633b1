/**
 * The DNSSEC routes of the OVH API (`GET`/`POST`/`DELETE /domain/zone/{zoneName}/dnssec`, docs/ovh-api.md §4
 * "DNSSEC"), typed, over the records' signed-request client. Knows the routes and their answers, nothing of Pulumi.
 */
import { ZoneDnssecError } from "./errors";
import type { OvhRequester } from "../zone-record/zone-api";

/** The four statuses of `domain.DnssecStatusEnum`. */
export const DNSSEC_STATUSES = ["disabled", "enableInProgress", "enabled", "disableInProgress"] as const;
export type DnssecStatus = (typeof DNSSEC_STATUSES)[number];

const dnssecPath = (zoneName: string) => `/domain/zone/${encodeURIComponent(zoneName)}/dnssec`;

/** Typed DNSSEC routes. */
export class DnssecApi {
  constructor(readonly client: OvhRequester) {}

  /**
   * The zone's DNSSEC status (`domain.zone.Dnssec`). A status outside the schema's four is an error, not a guess:
   * the wait would not know whether it is done.
   */
  async status(zoneName: string): Promise<DnssecStatus> {
    const path = dnssecPath(zoneName);
    const answer = await this.client.request<{ status?: unknown }>("GET", path);
    const status = answer?.status;
    if (typeof status !== "string" || !(DNSSEC_STATUSES as readonly string[]).includes(status)) {
      throw new ZoneDnssecError(`GET ${path} answered status ${JSON.stringify(status)}, not one of ${DNSSEC_STATUSES.join(", ")}: nothing was changed`);
    }
    return status as DnssecStatus;
  }

  /** `POST .../dnssec`: starts OVH's DnssecEnable task (the answer is `void`). */
  async enable(zoneName: string): Promise<void> {
    await this.client.request<unknown>("POST", dnssecPath(zoneName));
  }

  /** `DELETE .../dnssec`: starts OVH's DnssecDisable task. */
  async disable(zoneName: string): Promise<void> {
    await this.client.request<unknown>("DELETE", dnssecPath(zoneName));
  }
}
