/**
 * The `Zone` component through the plugin (`ovhdns:index:Zone` in a Pulumi YAML program): the plugin's
 * `construct` builds the very same TypeScript `Zone` (sdk/zone.ts) through another door (sdk/zone/door.ts):
 * its records are the plugin's own `ovhdns:index:ZoneRecord` resources (so records declared one by one move into
 * a Zone with `adopt`), its manifest and deletion of undeclared records the plugin's `ovhdns:index:ZoneManifest`
 * and `ovhdns:index:ZoneUnmanaged`, served by the same provider objects as the dynamic provider's, and it lists
 * its zone with the plugin's `ovhdns:` credentials. The whole-zone check, the child names, the mass-deletion
 * guard (and its `ovhdns:allowMassDelete` config key) and the unmanaged records are the Zone's own code.
 *
 * This is the one place where provider/ imports sdk/: the plugin sits on top of both doors.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Zone, type ZoneArgs } from "../../sdk/zone";
import type { ZoneDoor, ZoneManifestLike } from "../../sdk/zone/door";
import { ZoneDeclarationError, type ZoneRecordSpec } from "../../sdk/zone/records";
import type { ZoneRecord } from "../../sdk/zone-record";
import type { ZoneRecordInfo } from "../zone-record";
import type { Constructed } from "./construct";

/** The type token of a Zone's manifest through the plugin (an internal resource: not in the schema). */
export const PLUGIN_ZONE_MANIFEST_TYPE = "ovhdns:index:ZoneManifest";
/** The type token of a Zone's deletion of undeclared records through the plugin (internal: not in the schema). */
export const PLUGIN_ZONE_UNMANAGED_TYPE = "ovhdns:index:ZoneUnmanaged";

/**
 * What a YAML program may give a Zone besides {@link ZoneArgs} (the schema's inputs are both, generated from their
 * doc comments): a records file, read as `Zone.fromYaml` and `Zone.fromBind` read them.
 */
export interface ZoneFileArgs {
  /**
   * A records file in the shape `Zone.fromYaml` reads (examples/gitops/records.yaml), relative to the program's
   * directory; its records come after `records`. Its `zoneName` must be the Zone's, and its `adopt` is the Zone's
   * when the Zone sets none.
   */
  recordsFile?: string;
  /** A BIND zone file, read as `Zone.fromBind` reads it with the Zone's `zoneName`, relative to the program's directory; its records come after `records`. */
  bindFile?: string;
}

/** What a Zone's construct needs from the plugin: its listing of a zone. */
export interface PluginZoneParts {
  listRecords(zoneName: string): Promise<{ records: ZoneRecordInfo[] }>;
}

/**
 * A child of a Zone through the plugin. Pulumi makes an Output of every property registered (the outputs as
 * `undefined`), whatever the class declares; each child is typed as the TypeScript class whose outputs it has
 * (a ZoneRecord's `recordId`, `fqdn`; a manifest's `removed`), which only declares them.
 */
class PluginChild extends pulumi.CustomResource {}

/**
 * The plugin's door: its resource types and its listing. The children name no version: they then go to the
 * provider the program's own ZoneRecords use (the default `ovhdns` provider), so one plugin process serves both
 * and a record moved into the Zone is handed over (docs/ownership.md).
 */
function pluginDoor(parts: PluginZoneParts): ZoneDoor {
  return {
    record: (name, args, opts) =>
      new PluginChild("ovhdns:index:ZoneRecord", name, { ...args, recordId: undefined, fqdn: undefined }, opts) as unknown as ZoneRecord,
    noRedirections: "a Zone in a Pulumi YAML program takes no redirections yet: declare each as an ovhdns:index:ZoneRedirection resource beside the Zone, or in a TypeScript program's Zone",
    manifest: (name, args, opts) => new PluginChild(PLUGIN_ZONE_MANIFEST_TYPE, name, { ...args, removed: undefined }, opts) as unknown as ZoneManifestLike,
    unmanaged: (name, args, opts) => new PluginChild(PLUGIN_ZONE_UNMANAGED_TYPE, name, { ...args, deleted: undefined }, opts),
    listRecords: (zoneName) => parts.listRecords(zoneName),
  };
}

/** The inputs a Zone takes from a YAML program: {@link ZoneArgs} without the TypeScript-only ones, and {@link ZoneFileArgs}. */
export const ZONE_COMPONENT_INPUTS = ["zoneName", "records", "adopt", "unmanaged", "owner", "newZone", "maxDeletePercent", "maxDeleteCount", "recordsFile", "bindFile"];

/**
 * The Zone's arguments from a construct's inputs: plain values (an input that is another resource's output, or a
 * secret, cannot be: the Zone checks and names its records before anything is registered), files read.
 */
export function zoneArgsOf(inputs: Record<string, unknown>, cwd: string): ZoneArgs {
  const zoneName = typeof inputs.zoneName === "string" ? inputs.zoneName : "";
  const problems: string[] = [];
  for (const [key, value] of Object.entries(inputs)) {
    if (!ZONE_COMPONENT_INPUTS.includes(key)) problems.push(`${key} is not an input of a Zone: use ${ZONE_COMPONENT_INPUTS.join(", ")}`);
    else if (pulumi.Output.isInstance(value)) {
      problems.push(`${key} must be a plain value (text, a number, a list), known before the preview: not another resource's output, nor a secret`);
    }
  }
  if (problems.length > 0) throw new ZoneDeclarationError(zoneName || "(no zoneName)", problems);
  const { recordsFile, bindFile, records = [], ...rest } = inputs as Partial<ZoneArgs> & ZoneFileArgs;
  if (!Array.isArray(records)) throw new ZoneDeclarationError(zoneName, ["records must be a list of { subDomain, fieldType, target, ttl }"]);
  const all: ZoneRecordSpec[] = [...records];
  let adopt = rest.adopt;
  const redirections = [];
  if (recordsFile !== undefined) {
    const source = Zone.fromYaml(path.resolve(cwd, String(recordsFile)));
    if (zoneName && source.zoneName !== zoneName.toLowerCase().replace(/\.$/, "")) {
      throw new ZoneDeclarationError(zoneName, [`recordsFile ${recordsFile} declares zone ${source.zoneName}, not ${zoneName}: give the Zone the file's zone`]);
    }
    all.push(...source.records);
    adopt ??= source.adopt;
    redirections.push(...(source.redirections ?? []));
  }
  if (bindFile !== undefined) all.push(...Zone.fromBind(path.resolve(cwd, String(bindFile)), zoneName ? { zoneName } : {}).records);
  return {
    ...rest,
    zoneName,
    records: all,
    ...(adopt === undefined ? {} : { adopt }),
    ...(redirections.length > 0 ? { redirections } : {}),
  } as ZoneArgs;
}

/** The outputs a Zone answers its program: its Output members (the schema's outputs). */
export const ZONE_COMPONENT_OUTPUTS = ["recordCount", "fqdns", "zoneFile"] as const satisfies readonly (keyof Zone)[];

/** Builds a Zone for the plugin's construct: the TypeScript Zone through the plugin's door. */
export function constructZone(parts: PluginZoneParts, name: string, inputs: Record<string, unknown>, opts: pulumi.ComponentResourceOptions): Constructed {
  const door = pluginDoor(parts);
  const PluginZone = class extends Zone {
    protected override door(): ZoneDoor {
      return door;
    }
  };
  const zone = new PluginZone(name, zoneArgsOf(inputs, process.cwd()), opts);
  return { urn: zone.urn, state: Object.fromEntries(ZONE_COMPONENT_OUTPUTS.map((key) => [key, zone[key]])) };
}
