/**
 * `pulumi-ovh-dns`: OVHcloud DNS records as Pulumi resources.
 *
 * ```ts
 * import * as ovhdns from "pulumi-ovh-dns";
 * new ovhdns.ZoneRecord("www", { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "203.0.113.10" });
 * ```
 */
export { ZoneRecord, type ZoneRecordArgs } from "./zone-record";
export * from "./data-sources";
export type { ZoneInfo, ZoneRecordInfo } from "../provider/zone-record";
