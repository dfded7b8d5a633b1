import * as pulumi from "@pulumi/pulumi";

/** The `__provider` of every ZoneDnssec: loads the provider by package name at call time (see zone-record.ts). */
export const SERIALIZED_DNSSEC_PROVIDER = 'exports.handler = () => require("pulumi-ovh-dns/provider").zoneDnssecProvider;\n';

/** The Pulumi type token of a ZoneDnssec. */
export const ZONE_DNSSEC_TYPE = "pulumi-nodejs:dynamic/ovhdns:ZoneDnssec";

/** The inputs of a {@link ZoneDnssec}. */
export interface ZoneDnssecArgs {
  /**
   * The DNS zone to sign, e.g. `example.com`. Changing it replaces the resource: DNSSEC is enabled on the new zone,
   * then disabled on the old one.
   */
  zoneName: pulumi.Input<string>;
  /**
   * How long an `up` or a `destroy` waits for OVH's DNSSEC task, in seconds: 10 to 86400 (a day, the most OVH says a change can take), 600 by default. When it is
   * over, the step fails saying so, nothing is undone, and the next `up` (or `destroy`) waits for the same task.
   */
  timeoutSeconds?: pulumi.Input<number>;
}

/**
 * DNSSEC of an OVHcloud DNS zone, one resource per zone (docs/zone-dnssec.md). Creating it enables DNSSEC
 * (`POST /domain/zone/{zoneName}/dnssec`) and waits until OVH says `enabled`; on a zone where DNSSEC is already
 * enabled it takes it over without a request (output `adopted`). Deleting it (`pulumi destroy`, or removing it from
 * the program) disables DNSSEC and waits for that too: remove the DS record at the registry first when the domain is
 * not registered at OVH. `pulumi refresh` shows a disable made elsewhere, and the next `up` enables DNSSEC again.
 * A zone that cannot have DNSSEC (OVH's `dnssecSupported: false`) fails the `up` with nothing sent.
 *
 * ```ts
 * new ZoneDnssec("dnssec", { zoneName: "example.com" });
 * ```
 */
export class ZoneDnssec extends pulumi.CustomResource {
  /** The DNS zone, lower case. */
  declare public readonly zoneName: pulumi.Output<string>;
  /** How long a step waits for OVH's task, when set. */
  declare public readonly timeoutSeconds: pulumi.Output<number | undefined>;
  /**
   * OVH's DNSSEC status as of the last step or refresh: `enabled` after a successful `up`; `disabled`,
   * `enableInProgress` or `disableInProgress` after a change made elsewhere or a task still running.
   */
  declare public readonly status: pulumi.Output<"disabled" | "enableInProgress" | "enabled" | "disableInProgress">;
  /** True when DNSSEC was already enabled when this resource was created: it was taken over, nothing was sent. */
  declare public readonly adopted: pulumi.Output<boolean>;

  constructor(name: string, args: ZoneDnssecArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      zoneName: args.zoneName,
      timeoutSeconds: args.timeoutSeconds,
      status: undefined,
      adopted: undefined,
      __provider: SERIALIZED_DNSSEC_PROVIDER,
    };
    super(ZONE_DNSSEC_TYPE, name, props, opts);
  }
}
