import * as pulumi from "@pulumi/pulumi";
import { stackKey } from "./zone-record";

/**
 * The `__provider` of every ZoneRedirection: loaded by package name at call time in the plugin host, as a
 * ZoneRecord's is (sdk/zone-record.ts says why: a small, portable state free of credentials).
 */
export const SERIALIZED_REDIRECTION_PROVIDER = 'exports.handler = () => require("pulumi-ovh-dns/provider").zoneRedirectionProvider;\n';

/** The Pulumi type token of a ZoneRedirection. */
export const ZONE_REDIRECTION_TYPE = "pulumi-nodejs:dynamic/ovhdns:ZoneRedirection";

/** The inputs of a {@link ZoneRedirection}: the body of OVH's `POST /domain/zone/{zoneName}/redirection`. */
export interface ZoneRedirectionArgs {
  /** The DNS zone, e.g. `example.com`. Changing it replaces the redirection. */
  zoneName: pulumi.Input<string>;
  /**
   * The name redirected, relative to the zone: `www` for `www.example.com`, `""` (the default) for the apex.
   * Changing it replaces the redirection (OVH cannot move one).
   */
  subDomain?: pulumi.Input<string>;
  /**
   * `visiblePermanent` (HTTP 301), `visible` (HTTP 302), or `invisible` (the target shown in a frame under the
   * redirected name). Changed in place.
   */
  type: pulumi.Input<"visible" | "visiblePermanent" | "invisible">;
  /** Where visitors are sent: a URL such as `https://www.example.org/`, or a host name. Changed in place. */
  target: pulumi.Input<string>;
  /** The frame page's title; `invisible` only (refused with another type). Changed in place. */
  title?: pulumi.Input<string>;
  /** The frame page's meta keywords; `invisible` only. Changed in place. */
  keywords?: pulumi.Input<string>;
  /** The frame page's meta description; `invisible` only. Changed in place. */
  description?: pulumi.Input<string>;
  /**
   * Take over an existing redirection of the same name and target instead of creating one (its type and frame
   * fields are then set in place when they differ). `pulumi-ovh-dns export` writes it. Default `false`.
   */
  adopt?: pulumi.Input<boolean>;
  /** Return from each change only once a zone refresh covering it succeeded (see ZoneRecord). Default `false`. */
  waitUntilPublished?: pulumi.Input<boolean>;
  /**
   * The stack that manages the redirection, as a ZoneRecord's `owner`: its claim is kept in the zone's owner registry
   * (TXT records at `_ovhdns-owner`), and no stack adopts, updates or deletes a redirection another owner claims
   * (docs/ownership.md, "Two stacks on one zone"). Default: the stack config `ovhdns:owner`; none when unset.
   * Changed in place.
   */
  owner?: pulumi.Input<string>;
}

/**
 * A web redirection of an OVHcloud zone, managed through `POST`/`PUT`/`DELETE /domain/zone/{zoneName}/redirection`.
 * OVH serves it with records it keeps at the redirected name (an A record to its redirection servers and a TXT
 * record): declare no A, AAAA or CNAME record of your own there (docs/ovh-api.md §4, "Web redirections"). Its
 * changes are published by the zone refresh shared with the zone's record changes. The resource id is OVH's
 * redirection id.
 *
 * ```ts
 * new ZoneRedirection("www", { zoneName: "example.com", subDomain: "www", type: "visiblePermanent", target: "https://example.org/" });
 * ```
 */
export class ZoneRedirection extends pulumi.CustomResource {
  /** The DNS zone, lower case. */
  declare public readonly zoneName: pulumi.Output<string>;
  /** The name redirected, lower case; `""` is the apex. */
  declare public readonly subDomain: pulumi.Output<string>;
  /** `visible`, `visiblePermanent` or `invisible`. */
  declare public readonly type: pulumi.Output<string>;
  /** Where visitors are sent. */
  declare public readonly target: pulumi.Output<string>;
  /** The frame page's title (`""`: none). */
  declare public readonly title: pulumi.Output<string>;
  /** The frame page's meta keywords (`""`: none). */
  declare public readonly keywords: pulumi.Output<string>;
  /** The frame page's meta description (`""`: none). */
  declare public readonly description: pulumi.Output<string>;
  /** OVH's redirection id, a decimal string. */
  declare public readonly redirectionId: pulumi.Output<string>;
  /** The full name redirected, e.g. `www.example.com`. */
  declare public readonly fqdn: pulumi.Output<string>;
  /** The owner whose claim of the redirection the zone's owner registry holds; absent without one. */
  declare public readonly owner: pulumi.Output<string | undefined>;

  /** Reads an existing redirection without managing it; `id` is its OVH id, or `<id>.<zoneName>`. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, state: { zoneName?: pulumi.Input<string> } = {}, opts?: pulumi.CustomResourceOptions): ZoneRedirection {
    return new ZoneRedirection(name, state as ZoneRedirectionArgs, { ...opts, id });
  }

  constructor(name: string, args: ZoneRedirectionArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      zoneName: args.zoneName,
      subDomain: opts?.id ? args.subDomain : args.subDomain ?? "",
      type: args.type,
      target: args.target,
      title: args.title,
      keywords: args.keywords,
      description: args.description,
      adopt: args.adopt,
      waitUntilPublished: args.waitUntilPublished,
      owner: opts?.id ? args.owner : args.owner ?? new pulumi.Config("ovhdns").get("owner"),
      redirectionId: undefined,
      fqdn: undefined,
      __provider: SERIALIZED_REDIRECTION_PROVIDER,
      __stack: stackKey(),
    };
    super(ZONE_REDIRECTION_TYPE, name, props, opts);
  }
}
