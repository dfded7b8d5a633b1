/**
 * `pulumi-ovh-dns`: OVHcloud DNS records as Pulumi resources.
 *
 * ```ts
 * import * as ovhdns from "pulumi-ovh-dns";
 * new ovhdns.ZoneRecord("www", { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "203.0.113.10" });
 * ```
 */
export { ZoneRecord, type ZoneRecordArgs } from "./zone-record";
export { ZoneRedirection, type ZoneRedirectionArgs } from "./zone-redirection";
export { ZoneSoa, type ZoneSoaArgs } from "./zone-soa";
export { ZoneDnssec, type ZoneDnssecArgs } from "./zone-dnssec";
export { DynHostLogin, DynHostRecord, type DynHostLoginArgs, type DynHostRecordArgs } from "./dynhost";
export { ZoneRecordError } from "../provider/records/errors";
export type { FieldType, FieldTypeInput } from "../provider/records/field-types";
export * from "./data-sources";
export type { ZoneInfo, ZoneRecordInfo } from "../provider/zone-record";
export { Zone, type ZoneArgs, type UnmanagedPolicy } from "./zone";
export { ZoneDeclarationError, type ZoneRecordSpec } from "./zone/records";
export type { ZoneRedirectionSpec } from "./zone/redirections";
export { ZoneFileError } from "./zone/zone-file-error";
export type { YamlOptions, ZoneSource } from "./zone/yaml-source";
export type { ZoneReadLimits } from "./zone/limits";
export type { BindOptions } from "./zone/bind-parser";
