/**
 * The two dynamic resources a Zone registers beside its records: the manifest (the mass-deletion guard,
 * registered first) and, with `unmanaged: "delete"`, the deletion of undeclared records. Like ZoneRecord's,
 * their `__provider` loads the implementation by package name at call time (see sdk/zone-record.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import type { PruneTarget, RecordContent, UnmanagedDeletion } from "../../provider/zone-manifest";

const providerText = (exported: string) => `exports.handler = () => require("pulumi-ovh-dns/provider").${exported};\n`;

/** The Pulumi type token of a Zone's manifest. */
export const ZONE_MANIFEST_TYPE = "pulumi-nodejs:dynamic/ovhdns:ZoneManifest";
/** The Pulumi type token of a Zone's deletion of undeclared records. */
export const ZONE_PRUNE_TYPE = "pulumi-nodejs:dynamic/ovhdns:ZoneUnmanaged";

/** Inputs of {@link ZoneManifest}. */
export interface ZoneManifestArgs {
  zoneName: string;
  records: Record<string, string>;
  maxDeletePercent: number;
  maxDeleteCount?: number;
  allowMassDelete: boolean;
  unmanagedDeletions: pulumi.Input<UnmanagedDeletion[]>;
}

/** What a Zone declares, kept so that the next update's `check` can compare (docs/zone.md, "Safety"). */
export class ZoneManifest extends pulumi.CustomResource {
  /**
   * The records the previous update declared and this one does not, as `check` found them: their children
   * delete them, so they are never unmanaged records (set at the manifest's last change: see docs/zone.md).
   */
  declare public readonly removed: pulumi.Output<RecordContent[] | undefined>;

  constructor(name: string, args: ZoneManifestArgs, opts?: pulumi.CustomResourceOptions) {
    super(ZONE_MANIFEST_TYPE, name, { ...args, removed: undefined, __provider: providerText("zoneManifestProvider") }, opts);
  }
}

/** Inputs of {@link ZoneUnmanaged}. */
export interface ZoneUnmanagedArgs {
  zoneName: string;
  deletions: pulumi.Input<PruneTarget[]>;
  heldIds: pulumi.Input<string[]>;
}

/** Deletes the listed undeclared records of a zone (docs/zone.md, "Unmanaged records"). */
export class ZoneUnmanaged extends pulumi.CustomResource {
  /** Ids of the records the last update deleted. */
  declare public readonly deleted: pulumi.Output<string[]>;

  constructor(name: string, args: ZoneUnmanagedArgs, opts?: pulumi.CustomResourceOptions) {
    super(ZONE_PRUNE_TYPE, name, { ...args, deleted: undefined, __provider: providerText("zonePruneProvider") }, opts);
  }
}
