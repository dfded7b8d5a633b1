/**
 * `pulumi-ovh-dns/provider`: the code that runs inside Pulumi's dynamic-provider host and under the data
 * sources. The serialized `__provider` of every ZoneRecord loads {@link zoneRecordProvider} from here by
 * package name at call time, so the state holds a few hundred bytes instead of the implementation.
 */
import { ZoneManifestProvider, ZonePruneProvider } from "./zone-manifest";
import { ZoneRecordProvider } from "./zone-record";

/** The one provider object of this process, shared by every ZoneRecord. */
export const zoneRecordProvider = new ZoneRecordProvider();

/** The providers of a Zone component's manifest (mass-deletion guard) and of its deletion of undeclared records. */
export const zoneManifestProvider = new ZoneManifestProvider();
export const zonePruneProvider = new ZonePruneProvider();

export * from "./zone-record";
export * from "./zone-manifest";
export * from "./ovh";
export * from "./records";
