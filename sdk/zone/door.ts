/**
 * Which door a Zone's children go through. A Zone is one piece of code whichever language declares it: in a
 * TypeScript program its children are the dynamic provider's resources and it lists its zone with the program's
 * `ovh:` credentials (the door below); in a Pulumi YAML program the `ovhdns` plugin builds the very same Zone
 * in its `construct`, with children of the plugin's own types and its `ovhdns:` credentials
 * (provider/plugin/zone-component.ts). Everything else (the whole-zone check, the child names, the
 * mass-deletion guard, the unmanaged records) is the Zone's and never depends on the door.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ZoneRecordInfo } from "../../provider/zone-record";
import { getZoneRecords } from "../data-sources";
import { ZoneRecord, type ZoneRecordArgs } from "../zone-record";
import { ZoneRedirection, type ZoneRedirectionArgs } from "../zone-redirection";
import { ZoneManifest, ZoneUnmanaged, type ZoneManifestArgs, type ZoneUnmanagedArgs } from "./internal-resources";

/** A Zone's manifest as the Zone reads it back: the records the previous update declared and this one does not. */
export type ZoneManifestLike = pulumi.Resource & Pick<ZoneManifest, "removed">;

/** How a Zone makes its children and lists its zone. */
export interface ZoneDoor {
  /** A record's child. */
  record(name: string, args: ZoneRecordArgs, opts: pulumi.CustomResourceOptions): ZoneRecord;
  /** A web redirection's child; absent where the door has none: the Zone then refuses redirections with `noRedirections`. */
  redirection?(name: string, args: ZoneRedirectionArgs, opts: pulumi.CustomResourceOptions): ZoneRedirection;
  /** Why a Zone through this door cannot declare redirections, and what to do instead. */
  noRedirections?: string;
  /** The manifest: the mass-deletion guard, registered before every record. */
  manifest(name: string, args: ZoneManifestArgs, opts: pulumi.CustomResourceOptions): ZoneManifestLike;
  /** The deletion of undeclared records (`unmanaged: "delete"`), registered after every record. */
  unmanaged(name: string, args: ZoneUnmanagedArgs, opts: pulumi.CustomResourceOptions): pulumi.Resource;
  /** Every record of the zone, as getZoneRecords answers (for the unmanaged records). */
  listRecords(zoneName: string): Promise<{ records: ZoneRecordInfo[] }>;
}

/** The TypeScript program's door: the dynamic provider's resources, the program's credentials. */
export const DYNAMIC_DOOR: ZoneDoor = {
  record: (name, args, opts) => new ZoneRecord(name, args, opts),
  redirection: (name, args, opts) => new ZoneRedirection(name, args, opts),
  manifest: (name, args, opts) => new ZoneManifest(name, args, opts),
  unmanaged: (name, args, opts) => new ZoneUnmanaged(name, args, opts),
  listRecords: (zoneName) => getZoneRecords({ zoneName }),
};
