import * as pulumi from "@pulumi/pulumi";
import { stackKeyOf } from "../provider/zone-record/registry-codec";
import type { FieldTypeInput } from "../provider/records/field-types";

/**
 * The `__provider` of every ZoneRecord: the module text that Pulumi's dynamic-provider host loads
 * (`requireFromString(text).handler()`) to get the provider object.
 *
 * `pulumi.dynamic.Resource` would closure-serialize a provider object here (2.4 KB for seven one-line methods,
 * stored twice per resource in the state). This text does the same job in under 100 bytes: it loads the
 * implementation by package name at call time in the plugin host, so the state stays small, portable (no
 * absolute path: it resolves from the program's directory on any machine), free of credentials (they are read
 * by `configure()` at call time, pulumi/pulumi#8265), and a new version of this package runs on the next `up`
 * without showing a change. The type token is the one `pulumi.dynamic.Resource` gives, so the engine runs it
 * with the same `pulumi-nodejs` dynamic-provider plugin.
 */
export const SERIALIZED_PROVIDER = 'exports.handler = () => require("pulumi-ovh-dns/provider").zoneRecordProvider;\n';

/**
 * The stack key of the running program: the first 12 hex digits of the SHA-256 of `<organization>/<project>/<stack>`
 * (the organization is "organization" where the backend has none, as self-managed backends). Every ZoneRecord
 * carries it as `__stack`, and the owner registry writes it into the stack's claims, so that a claim this stack
 * made under another owner name (an owner renamed or removed) is never taken for another stack's
 * (docs/ownership.md). A hash, because claims are served in public DNS.
 */
export function stackKey(organization = organizationName(), project = pulumi.getProject(), stack = pulumi.getStack()): string {
  return stackKeyOf(organization, project, stack);
}

/** The organization of the stack; "organization" (the name self-managed backends report) when the engine gives none. */
function organizationName(): string {
  try {
    return pulumi.getOrganization();
  } catch {
    return "organization";
  }
}

/** The Pulumi type token of a ZoneRecord. */
export const ZONE_RECORD_TYPE = "pulumi-nodejs:dynamic/ovhdns:ZoneRecord";

/** The inputs of a {@link ZoneRecord}: the body of OVH's `POST /domain/zone/{zoneName}/record`. */
export interface ZoneRecordArgs {
  /** The DNS zone, e.g. `example.com` (no trailing dot). Changing it replaces the record. */
  zoneName: pulumi.Input<string>;
  /**
   * The name inside the zone, relative to it: `www` for `www.example.com`, `""` (the default) for the apex,
   * `*` or `*.dev` for a wildcard. Never the full name: OVH would read `www.example.com` in zone `example.com`
   * as `www.example.com.example.com`. Changed in place.
   */
  subDomain?: pulumi.Input<string>;
  /**
   * The record type, one of A, AAAA, CAA, CNAME, DKIM, DMARC, DNAME, HTTPS, LOC, MX, NAPTR, NS, PTR, RP, SPF, SRV,
   * SSHFP, SVCB, TLSA, TXT (offered by editors' completion). Any other string is accepted here and refused by `preview`, naming
   * the 20. Changing it replaces the record (OVH refuses to change a record's type).
   */
  fieldType: pulumi.Input<FieldTypeInput>;
  /**
   * The record data as OVH writes it: `203.0.113.10` (A), `10 mail.example.com.` (MX),
   * `10 5 5060 sip.example.com.` (SRV), `0 issue "letsencrypt.org"` (CAA), free text for TXT. Host names must end
   * with a dot: OVH reads a name without one as relative to the zone. TXT is written unquoted; OVH's quoted and
   * split form never shows as a change. Changed in place.
   */
  target: pulumi.Input<string>;
  /**
   * Time to live in seconds: `0` (the default) is the zone's default TTL, otherwise at least 60 (OVH raises
   * 1-59 to 60, which would show a change at every preview, so they are refused). Changed in place.
   */
  ttl?: pulumi.Input<number>;
  /**
   * Take over an existing record instead of creating one. When `true`, the first `pulumi up` looks in the zone
   * for a record with the same name, type and target (compared by meaning: TXT quoting, host-name case) that no
   * other resource of this `up` has taken, and manages it from then on; its TTL is set in place if it differs.
   * When there is none, the record is created as usual. A record that differs in name, type or target is never
   * taken, nor one another resource of the stack holds. Leaving it set is safe: a renamed resource's old name
   * never deletes the record the new name took over (docs/ownership.md). Default `false`.
   *
   * This is how to bring records that already exist under Pulumi without duplicates (`pulumi-ovh-dns export`
   * writes it); it works through the real Pulumi engine, where the `import` resource option cannot (see README).
   */
  adopt?: pulumi.Input<boolean>;
  /**
   * Return from each create or update only once a zone refresh covering it succeeded, so that resources that
   * depend on this record (an ACME DNS-01 challenge, a domain verification) run against the published zone.
   * Without it a change may return as soon as a later change of the same zone takes over the wait (fewer
   * refreshes per `up`); every change of an `up` is published before the `up` ends either way. Default `false`.
   */
  waitUntilPublished?: pulumi.Input<boolean>;
  /**
   * The stack that manages the record, as other stacks and tools on the same zone see it: its claim is kept in
   * the zone's owner registry (TXT records at `_ovhdns-owner`), and no stack adopts, re-binds, prunes, updates
   * or deletes a record another owner claims (docs/ownership.md, "Two stacks on one zone"). Default: the stack
   * config `ovhdns:owner`; none when that is unset. 1 to 63 letters, digits, `.`, `_`, `/` or `-`.
   */
  owner?: pulumi.Input<string>;
}

/**
 * One DNS record of an OVHcloud zone, managed through `POST`/`PUT`/`DELETE /domain/zone/{zoneName}/record`.
 * Every change is published by a refresh of the zone, shared by the changes made to that zone at the same time:
 * a change returns once such a refresh succeeded, or once a later change of the zone waits for one in its place
 * (set `waitUntilPublished` when other resources depend on the record being served); an `up` ends only after
 * every change it made was published, and fails when a refresh fails. The resource id is the OVH record id.
 *
 * ```ts
 * const www = new ZoneRecord("www", { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 });
 * ```
 */
export class ZoneRecord extends pulumi.CustomResource {
  /** The DNS zone, lower case. */
  declare public readonly zoneName: pulumi.Output<string>;
  /** The name inside the zone, lower case; `""` is the apex. */
  declare public readonly subDomain: pulumi.Output<string>;
  /** The record type, upper case. */
  declare public readonly fieldType: pulumi.Output<string>;
  /** The record data, in the form the program wrote it (normalised where that changes nothing). */
  declare public readonly target: pulumi.Output<string>;
  /** Time to live in seconds; 0 is the zone default. */
  declare public readonly ttl: pulumi.Output<number>;
  /** The OVH record id, a decimal string (ids exceed 2^32). */
  declare public readonly recordId: pulumi.Output<string>;
  /** The record's full name, e.g. `www.example.com` (the zone name at the apex). */
  declare public readonly fqdn: pulumi.Output<string>;

  /**
   * Reads an existing record into the program without managing it (`pulumi refresh` keeps it current).
   * `id` is the OVH record id (see `getZoneRecords`), or `<recordId>.<zoneName>`.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, state: { zoneName?: pulumi.Input<string> } = {},
    opts?: pulumi.CustomResourceOptions): ZoneRecord {
    return new ZoneRecord(name, state as ZoneRecordArgs, { ...opts, id });
  }

  /**
   * Declares a record. To take over a record that already exists (no duplicate is made), set `adopt: true`.
   */
  constructor(name: string, args: ZoneRecordArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      zoneName: args.zoneName,
      subDomain: opts?.id ? args.subDomain : args.subDomain ?? "",
      fieldType: args.fieldType,
      target: args.target,
      ttl: opts?.id ? args.ttl : args.ttl ?? 0,
      adopt: args.adopt,
      waitUntilPublished: args.waitUntilPublished,
      owner: opts?.id ? args.owner : args.owner ?? new pulumi.Config("ovhdns").get("owner"),
      recordId: undefined,
      fqdn: undefined,
      __provider: SERIALIZED_PROVIDER,
      __stack: stackKey(),
    };
    super(ZONE_RECORD_TYPE, name, props, opts);
  }
}
