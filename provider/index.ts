/**
 * `pulumi-ovh-dns/provider`: the code that runs inside Pulumi's dynamic-provider host and under the data
 * sources. The serialized `__provider` of every ZoneRecord loads {@link zoneRecordProvider} from here by
 * package name at call time, so the state holds a few hundred bytes instead of the implementation.
 *
 * Only what is loaded that way is exported, typed as Pulumi's `ResourceProvider`, and the signed OVH API
 * client. Everything else is internal, imported by relative path inside the package; tests/sdk/exports.test.ts
 * pins this list.
 */
import type * as pulumi from "@pulumi/pulumi";
import { OvhClient } from "./ovh/client";
import { ZoneDnssecProvider } from "./zone-dnssec/provider";
import { ZoneManifestProvider } from "./zone-manifest/manifest-provider";
import { ZonePruneProvider } from "./zone-manifest/prune-provider";
import { SessionPool } from "./zone-record/connection";
import { watchEngineOf } from "./zone-record/engine-watchdog";
import { ZoneRecordProvider } from "./zone-record/provider";
import { ZoneRedirectionProvider } from "./zone-redirection/provider";
import { ZoneSoaProvider } from "./zone-soa/provider";
import { DynHostLoginProvider, DynHostRecordProvider } from "./dynhost/provider";

/** One pool for the process: the providers share sessions, refreshes and record ownership. */
const pool = new SessionPool();
watchEngineOf(pool);

export const zoneRecordProvider: pulumi.dynamic.ResourceProvider = new ZoneRecordProvider(pool);

/** The provider of every ZoneRedirection: the same pool, so its zone refreshes are shared with the records'. */
export const zoneRedirectionProvider: pulumi.dynamic.ResourceProvider = new ZoneRedirectionProvider(pool);

/** The provider of a Zone component's manifest (its mass-deletion guard). */
export const zoneManifestProvider: pulumi.dynamic.ResourceProvider = new ZoneManifestProvider();

/** The provider of a Zone component's deletion of undeclared records. */
export const zonePruneProvider: pulumi.dynamic.ResourceProvider = new ZonePruneProvider(pool);

/** The provider of every ZoneSoa (a zone's SOA settings), whose refreshes are shared with the records'. */
export const zoneSoaProvider: pulumi.dynamic.ResourceProvider = new ZoneSoaProvider(pool);

/** The provider of every ZoneDnssec (a zone's DNSSEC, enabled and disabled with a wait for OVH's task). */
export const zoneDnssecProvider: pulumi.dynamic.ResourceProvider = new ZoneDnssecProvider(pool);

/** The provider of every DynHostRecord: the same pool, so its zone refreshes are shared with the records'. */
export const dynHostRecordProvider: pulumi.dynamic.ResourceProvider = new DynHostRecordProvider(pool);

/** The provider of every DynHostLogin (its password a secret the state holds encrypted only). */
export const dynHostLoginProvider: pulumi.dynamic.ResourceProvider = new DynHostLoginProvider(pool);

/**
 * The signed OVH API client the provider uses (`OvhClient.fromSources({})` resolves credentials as the
 * provider does), for a program's own calls to other OVH routes.
 */
export { OvhClient };
