import * as pulumi from "@pulumi/pulumi";

/** The `__provider` of every ZoneSoa: loads the provider by package name at call time (see zone-record.ts). */
export const SERIALIZED_SOA_PROVIDER = 'exports.handler = () => require("pulumi-ovh-dns/provider").zoneSoaProvider;\n';

/** The Pulumi type token of a ZoneSoa. */
export const ZONE_SOA_TYPE = "pulumi-nodejs:dynamic/ovhdns:ZoneSoa";

/**
 * The inputs of a {@link ZoneSoa}: the SOA settings of `PUT /domain/zone/{zoneName}/soa` to manage. Each is optional;
 * one left out is left as the zone has it. Changing any of them is an update in place.
 */
export interface ZoneSoaArgs {
  /** The DNS zone, e.g. `example.com`. Changing it replaces the resource (the old zone gets its values back). */
  zoneName: pulumi.Input<string>;
  /** The zone default TTL in seconds, used by records whose `ttl` is 0: 60 to 604800 (OVH's default is 3600). */
  ttl?: pulumi.Input<number>;
  /**
   * The negative-caching TTL (RFC 2308): how long resolvers remember that a name does not exist, 60 to 86400
   * seconds (OVH's default is 60). A low value lets a newly created name resolve sooner.
   */
  nxDomainTtl?: pulumi.Input<number>;
  /** Seconds between zone transfers to secondary servers, 60 to 2419200 (OVH's default is 86400). */
  refresh?: pulumi.Input<number>;
  /** Seconds a secondary keeps answering without a transfer; above `refresh` (OVH's default is 3600000). */
  expire?: pulumi.Input<number>;
  /**
   * The zone administrator's mailbox, as an address: `hostmaster@example.com`, not the SOA's RNAME form
   * `hostmaster.example.com.` (OVH serves it in that form; OVH's default is `tech@ovh.net`). Compared without regard
   * to case. Removing it leaves the address as it is.
   */
  email?: pulumi.Input<string>;
}

/**
 * The SOA settings of an OVHcloud DNS zone, one resource per zone. A zone always has its SOA, so creating a ZoneSoa
 * takes it over: it remembers the values it changes (output `previous`), and deleting it (`pulumi destroy`, or
 * removing it from the program) puts those values back, leaving the zone as it found it. Each change is published by
 * a zone refresh, shared with the record changes of the same `up`. `pulumi refresh` shows a change made elsewhere.
 *
 * ```ts
 * new ZoneSoa("soa", { zoneName: "example.com", nxDomainTtl: 300, ttl: 3600, email: "hostmaster@example.com" });
 * ```
 */
export class ZoneSoa extends pulumi.CustomResource {
  /** The DNS zone, lower case. */
  declare public readonly zoneName: pulumi.Output<string>;
  /** The zone default TTL (set here, or as OVH holds it when not managed: then absent). */
  declare public readonly ttl: pulumi.Output<number | undefined>;
  /** The negative-caching TTL, when managed. */
  declare public readonly nxDomainTtl: pulumi.Output<number | undefined>;
  /** Seconds between zone transfers, when managed. */
  declare public readonly refresh: pulumi.Output<number | undefined>;
  /** Seconds before a secondary gives up, when managed. */
  declare public readonly expire: pulumi.Output<number | undefined>;
  /** The SOA serial OVH gave the zone (`YYYYMMDDnn`), as of the last write or refresh. */
  declare public readonly serial: pulumi.Output<number>;
  /** The zone's primary name server. */
  declare public readonly server: pulumi.Output<string>;
  /** The zone administrator's mailbox as OVH holds it, managed or not. */
  declare public readonly email: pulumi.Output<string>;
  /** The values the managed fields had before this resource changed them: what deleting it puts back. */
  declare public readonly previous: pulumi.Output<Record<string, number | string>>;

  constructor(name: string, args: ZoneSoaArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      zoneName: args.zoneName,
      ttl: args.ttl,
      nxDomainTtl: args.nxDomainTtl,
      refresh: args.refresh,
      expire: args.expire,
      email: args.email,
      serial: undefined,
      server: undefined,
      previous: undefined,
      __provider: SERIALIZED_SOA_PROVIDER,
    };
    super(ZONE_SOA_TYPE, name, props, opts);
  }
}
