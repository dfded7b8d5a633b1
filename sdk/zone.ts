/**
 * `Zone`: a whole DNS zone as data (code, YAML or a BIND file), checked as a whole before anything is sent,
 * guarded against mass deletion, with one ZoneRecord child per record. Design and facts: docs/zone.md. Its errors,
 * and its readers', are reported by Pulumi as a diagnostic without a stack trace (zone/run-error.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_MAX_DELETE_PERCENT, withoutRemoved, type UnmanagedDeletion } from "../provider/zone-manifest";
import { normaliseZoneName } from "../provider/records";
import { readBindZone, type BindOptions } from "./zone/bind-parser";
import { writeBindZone } from "./zone/bind-writer";
import { checkZone } from "./zone/checks";
import { DYNAMIC_DOOR, type ZoneDoor } from "./zone/door";
import { childKeys, previousKeys } from "./zone/naming";
import { declareRecords, ZoneDeclarationError, type DeclaredRecord, type ZoneRecordSpec } from "./zone/records";
import { classifyListed, refuseClaimsBehindRewrite, toDeletion } from "./zone/unmanaged";
import { readYamlZone, type YamlOptions, type ZoneSource } from "./zone/yaml-source";
import { reportedAsRunError } from "./zone/run-error";
import { stackKey, type ZoneRecord, type ZoneRecordArgs } from "./zone-record";
import type { ClaimSelf } from "../provider/zone-record/registry-codec";
import type { ZoneRedirection } from "./zone-redirection";
import { declareRedirections, redirectionKey, type ZoneRedirectionSpec } from "./zone/redirections";

/** The Pulumi type token of a Zone, in TypeScript and YAML programs alike. */
export const ZONE_TYPE = "ovhdns:index:Zone";

/** What a Zone does with records of the zone that none of its records declares. */
export type UnmanagedPolicy = "ignore" | "warn" | "delete";

/** The arguments of a {@link Zone}. */
export interface ZoneArgs {
  /** The DNS zone, e.g. `example.com`. */
  zoneName: string;
  /** The records, plain values (the whole-zone checks and the child names need them at once). */
  records: readonly ZoneRecordSpec[];
  /**
   * Web redirections, one ZoneRedirection child each (`<name>-redirect-<subDomain>`, `@` for the apex), adopted
   * with `adopt`. The A and TXT records OVH keeps for them are never unmanaged records. Not counted by the
   * mass-deletion guard, which counts records.
   * @typescriptOnly the ovhdns plugin does not serve redirections yet.
   */
  redirections?: readonly ZoneRedirectionSpec[];
  /** Take over records that already exist identically instead of creating duplicates (ZoneRecord's `adopt`). */
  adopt?: boolean;
  /**
   * Records of the zone that no record here declares: `"warn"` (the default) names them in a warning,
   * `"ignore"` does not list the zone, `"delete"` deletes them on `up` (the Zone then owns the whole zone).
   */
  unmanaged?: UnmanagedPolicy;
  /** The owner of every record and redirection (their `owner`; default: the stack config `ovhdns:owner`). */
  owner?: string;
  /** The zone is created by this same program: it cannot be listed yet, so unmanaged records are not looked for. */
  newZone?: boolean;
  /** Refuse an update that deletes or replaces more than this percentage of the records (default 30; from 10 records up). */
  maxDeletePercent?: number;
  /** Refuse an update that deletes or replaces more than this many records (default: no limit). */
  maxDeleteCount?: number;
}

/** Reads the config key that lets one update through the mass-deletion guard. */
function allowMassDelete(): boolean {
  return new pulumi.Config("ovhdns").getBoolean("allowMassDelete") ?? false;
}

/**
 * A DNS zone managed as a whole: one {@link ZoneRecord} child per declared record, named from its content.
 *
 * ```ts
 * const zone = new Zone("example", Zone.fromYaml("records.yaml"));
 * export const review = zone.zoneFile;
 * ```
 */
export class Zone extends pulumi.ComponentResource {
  /** How many records the zone declares. */
  readonly recordCount: pulumi.Output<number>;
  /** The full name of each record, by child key (`www-A`, `@-MX-3f9a0c12`). */
  readonly fqdns: pulumi.Output<Record<string, string>>;
  /** The declared records as a BIND zone file, sorted: for review in pull requests. */
  readonly zoneFile: pulumi.Output<string>;
  /** The child ZoneRecords, by key. */
  readonly records: Readonly<Record<string, ZoneRecord>>;
  /** The child ZoneRedirections, by key (`redirect-www`, `redirect-@`). */
  readonly redirections: Readonly<Record<string, ZoneRedirection>>;

  /**
   * Reads a records file (see docs/zone.md for its shape); errors carry file:line. Files over 8 MiB or 50,000
   * records are refused unless `options.limits` raises the limit (docs/zone.md, "Limits").
   */
  static fromYaml(file: string, options: YamlOptions = {}): ZoneSource {
    try {
      return readYamlZone(file, undefined, options);
    } catch (err) {
      throw reportedAsRunError(err);
    }
  }

  /**
   * Reads a BIND zone file; errors carry file:line. An OVH export needs `{ zoneName }` (it has no $ORIGIN). Files
   * over 8 MiB or 50,000 records are refused unless `options.limits` raises the limit (docs/zone.md, "Limits").
   */
  static fromBind(file: string, options: BindOptions = {}): ZoneSource {
    try {
      return readBindZone(file, options);
    } catch (err) {
      throw reportedAsRunError(err);
    }
  }

  constructor(name: string, args: ZoneArgs, opts?: pulumi.ComponentResourceOptions) {
    super(ZONE_TYPE, name, {}, opts);
    const door = this.door();
    const zoneName = readZoneName(args.zoneName);
    const policy = readOptions(zoneName, args);
    const declared = declareRecords(zoneName, args.records);
    const redirections = declareRedirections(zoneName, args.redirections, declared);
    if (!door.redirection && redirections.declared.length > 0) redirections.problems.push(door.noRedirections ?? "redirections are not served here");
    const problems = [...checkZone(zoneName, declared), ...redirections.problems];
    if (problems.length > 0) throw new ZoneDeclarationError(zoneName, problems);
    const keys = childKeys(declared);

    // Under "delete", the claims of this stack (its owner name or its stack key) are its own: another's must be current.
    const self: ClaimSelf | undefined = policy.unmanaged === "delete" ? { owner: args.owner ?? new pulumi.Config("ovhdns").get("owner"), stack: currentStackKey() } : undefined;
    const listing = policy.unmanaged === "ignore" || args.newZone ? undefined : this.unmanagedOf(door, zoneName, declared, self);
    const manifest = door.manifest(`${name}-manifest`, {
      zoneName,
      records: Object.fromEntries(keys.map((key, i) => [key, `${declared[i].subDomain || "@"} ${declared[i].fieldType} ${declared[i].target}`])),
      maxDeletePercent: policy.maxDeletePercent,
      ...(policy.maxDeleteCount === undefined ? {} : { maxDeleteCount: policy.maxDeleteCount }),
      allowMassDelete: allowMassDelete(),
      unmanagedDeletions: listing ? listing.apply((l) => (policy.unmanaged === "delete" ? l.unmanaged : ([] as UnmanagedDeletion[]))) : [],
    }, { parent: this });
    // A record the previous update declared is its child's to delete: never named, nor deleted, as unmanaged.
    // The presumed held are deleted only if no record of the Zone holds them once all are applied (unmanaged.ts, classifyListed).
    const kept = listing && pulumi.all([listing, manifest.removed]).apply(([l, removed]) =>
      ({ unmanaged: withoutRemoved(l.unmanaged, removed ?? []), presumedHeld: withoutRemoved(l.presumedHeld, removed ?? []) }));
    kept?.apply((k) => this.tell(zoneName, k.unmanaged, k.presumedHeld, policy.unmanaged));
    const children: Record<string, ZoneRecord> = {};
    const previous = previousKeys(declared, keys);
    keys.forEach((key, i) => (children[key] = this.child(door, `${name}-${key}`, previous[i] && `${name}-${previous[i]}`, zoneName, declared[i], args.adopt === true, args.owner, manifest)));
    this.records = children;
    this.redirections = Object.fromEntries(redirections.declared.map((r) => [redirectionKey(r), door.redirection!(`${name}-${redirectionKey(r)}`,
      { ...(r.inputs as unknown as ZoneRedirectionSpec), zoneName, ...(args.adopt === true ? { adopt: true } : {}), ...(args.owner === undefined ? {} : { owner: args.owner }) }, { parent: this, dependsOn: [manifest] })]));
    if (policy.unmanaged === "delete" && kept) {
      // After every record: the ids they hold are then known, so a deletion can never hit one of them.
      const heldIds = pulumi.all(Object.values(children).map((c) => c.recordId));
      door.unmanaged(`${name}-unmanaged`, { zoneName, deletions: kept.apply((k) => [...k.unmanaged, ...k.presumedHeld].map((d) => d.record)), heldIds },
        { parent: this, dependsOn: Object.values(children) });
    }
    this.recordCount = pulumi.output(declared.length);
    this.fqdns = pulumi.all(Object.fromEntries(keys.map((key) => [key, children[key].fqdn])));
    this.zoneFile = pulumi.output(writeBindZone(zoneName, declared));
    this.registerOutputs({ recordCount: this.recordCount, fqdns: this.fqdns, zoneFile: this.zoneFile });
  }

  /**
   * How this Zone makes its children and lists its zone: the dynamic provider's resources in a TypeScript program.
   * The `ovhdns` plugin's construct overrides it (provider/plugin/zone-component.ts); it is called once, first.
   */
  protected door(): ZoneDoor {
    return DYNAMIC_DOOR;
  }

  /** A record's child; `previousName` (naming.ts, `previousKeys`) is the alias that keeps it across a sibling's change. */
  private child(door: ZoneDoor, name: string, previousName: string | undefined, zoneName: string, r: DeclaredRecord, adopt: boolean, owner: string | undefined, after: pulumi.Resource): ZoneRecord {
    const args: ZoneRecordArgs = { zoneName, subDomain: r.subDomain, fieldType: r.fieldType, target: r.target, ttl: r.ttl, ...(owner === undefined ? {} : { owner }) };
    const aliases = previousName ? [{ name: previousName }] : [];
    return door.record(name, adopt ? { ...args, adopt: true } : args, { parent: this, dependsOn: [after], aliases });
  }

  /** One listing of the zone: the records no declared record accounts for. */
  private unmanagedOf(door: ZoneDoor, zoneName: string, declared: DeclaredRecord[], deleting?: ClaimSelf): pulumi.Output<{ unmanaged: UnmanagedDeletion[]; presumedHeld: UnmanagedDeletion[] }> {
    const listed = door.listRecords(zoneName).catch((err: unknown) => {
      // Never guessed: without the listing, nothing can be said (or deleted) about the rest of the zone.
      throw reportedAsRunError(new Error(
        `zone ${zoneName}: listing the zone for records this Zone does not declare failed: ${err instanceof Error ? err.message : String(err)}. ` +
          'If the zone is created by this program, set newZone: true; to skip the listing, set unmanaged: "ignore".',
        { cause: err },
      ));
    });
    return pulumi.output(listed).apply(({ records }) => {
      // Before anything is deleted: another stack's records behind a rewrite would look unmanaged.
      if (deleting) refuseClaimsBehindRewrite(zoneName, records, deleting);
      const { unmanaged, presumedHeld } = classifyListed(declared, records);
      return { unmanaged: unmanaged.map(toDeletion), presumedHeld: presumedHeld.map(toDeletion) };
    });
  }

  /**
   * `warn` names the unmanaged records; `delete` names, in a preview, those the up will delete (the plain display
   * shows the deleter only as one resource to create or update).
   */
  private tell(zoneName: string, unmanaged: UnmanagedDeletion[], presumedHeld: UnmanagedDeletion[], policy: UnmanagedPolicy): void {
    if (policy === "delete" && presumedHeld.length > 0 && pulumi.runtime.isDryRun()) {
      pulumi.log.warn(
        `zone ${zoneName}: this update also deletes ${presumedHeld.length} record(s) that this Zone does not declare unless one of its ` +
          `records holds them once every record is applied (a declared record of the same name and type is new or changing target):\n` +
          `  - ${presumedHeld.map((u) => u.description).join("\n  - ")}`,
        this,
      );
    }
    if (unmanaged.length === 0) return;
    const list = `  - ${unmanaged.map((u) => u.description).join("\n  - ")}`;
    if (policy === "warn") {
      pulumi.log.warn(
        `zone ${zoneName} holds ${unmanaged.length} record(s) that this Zone does not declare:\n${list}\n` +
          'Declare them, or set unmanaged: "delete" to delete them on up, or unmanaged: "ignore" to stop this warning.',
        this,
      );
    } else if (policy === "delete" && pulumi.runtime.isDryRun()) {
      pulumi.log.warn(`zone ${zoneName}: this update deletes ${unmanaged.length} record(s) that this Zone does not declare (unmanaged: "delete"):\n${list}`, this);
    }
  }
}

/** This program's stack key (sdk/zone-record.ts), or undefined where it cannot be known (outside a Pulumi run). */
function currentStackKey(): string | undefined {
  try {
    return stackKey();
  } catch {
    return undefined;
  }
}

function readZoneName(zoneName: unknown): string {
  if (typeof zoneName !== "string" || zoneName.trim() === "") throw reportedAsRunError(new Error('Zone: zoneName must be the zone as a plain string, e.g. "example.com"'));
  return normaliseZoneName(zoneName);
}

function readOptions(zoneName: string, args: ZoneArgs): { unmanaged: UnmanagedPolicy; maxDeletePercent: number; maxDeleteCount?: number } {
  const problems: string[] = [];
  const unmanaged = args.unmanaged ?? "warn";
  if (!["ignore", "warn", "delete"].includes(unmanaged)) problems.push(`unmanaged is "${String(unmanaged)}": use "ignore", "warn" or "delete"`);
  const maxDeletePercent = args.maxDeletePercent ?? DEFAULT_MAX_DELETE_PERCENT;
  if (typeof maxDeletePercent !== "number" || !(maxDeletePercent >= 0 && maxDeletePercent <= 100)) problems.push(`maxDeletePercent is ${String(maxDeletePercent)}: use a number from 0 to 100`);
  const count = args.maxDeleteCount;
  if (count !== undefined && !(Number.isInteger(count) && count >= 0)) problems.push(`maxDeleteCount is ${String(count)}: use a whole number, 0 or more`);
  if (problems.length > 0) throw new ZoneDeclarationError(zoneName, problems);
  return { unmanaged, maxDeletePercent, ...(count === undefined ? {} : { maxDeleteCount: count }) };
}
