import * as pulumi from "@pulumi/pulumi";

/** The `__provider` of every DynHostRecord: loaded by package name at call time (sdk/zone-record.ts says why). */
export const SERIALIZED_DYNHOST_RECORD_PROVIDER = 'exports.handler = () => require("pulumi-ovh-dns/provider").dynHostRecordProvider;\n';

/** The `__provider` of every DynHostLogin. */
export const SERIALIZED_DYNHOST_LOGIN_PROVIDER = 'exports.handler = () => require("pulumi-ovh-dns/provider").dynHostLoginProvider;\n';

/** The Pulumi type token of a DynHostRecord. */
export const DYNHOST_RECORD_TYPE = "pulumi-nodejs:dynamic/ovhdns:DynHostRecord";

/** The Pulumi type token of a DynHostLogin. */
export const DYNHOST_LOGIN_TYPE = "pulumi-nodejs:dynamic/ovhdns:DynHostLogin";

/** The inputs of a {@link DynHostRecord}: the body of OVH's `POST /domain/zone/{zoneName}/dynHost/record`. */
export interface DynHostRecordArgs {
  /** The DNS zone, e.g. `example.com`. Changing it replaces the record. */
  zoneName: pulumi.Input<string>;
  /** The host name, relative to the zone: `home` for `home.example.com`, `""` (the default) for the apex. Changed in place. */
  subDomain?: pulumi.Input<string>;
  /**
   * The IPv4 address the name points to now, e.g. `203.0.113.7` (OVH's DynHost takes no IPv6). A DynHost client
   * changes it later: add `ignoreChanges: ["ip"]` to keep the address it pushed. Changed in place.
   */
  ip: pulumi.Input<string>;
  /**
   * Take over the DynHost record of that name instead of creating one (its address is then set in place when it
   * differs). `pulumi-ovh-dns export` writes it. Default `false`.
   */
  adopt?: pulumi.Input<boolean>;
  /** Return from each change only once a zone refresh covering it succeeded (see ZoneRecord). Default `false`. */
  waitUntilPublished?: pulumi.Input<boolean>;
}

/**
 * A DynHost record of an OVHcloud zone: a host name whose IPv4 address a DynHost client (a router, ddclient) updates
 * with a {@link DynHostLogin}, managed through `POST`/`PUT`/`DELETE /domain/zone/{zoneName}/dynHost/record`. OVH
 * refuses it beside an A record of the same name. Its changes are published by the zone refresh shared with the
 * zone's record changes. The resource id is OVH's DynHost record id.
 *
 * ```ts
 * new DynHostRecord("home", { zoneName: "example.com", subDomain: "home", ip: "203.0.113.7" }, { ignoreChanges: ["ip"] });
 * ```
 */
export class DynHostRecord extends pulumi.CustomResource {
  /** The DNS zone, lower case. */
  declare public readonly zoneName: pulumi.Output<string>;
  /** The host name, lower case; `""` is the apex. */
  declare public readonly subDomain: pulumi.Output<string>;
  /** The IPv4 address, as of the last write or refresh. */
  declare public readonly ip: pulumi.Output<string>;
  /** OVH's DynHost record id, a decimal string. */
  declare public readonly dynHostId: pulumi.Output<string>;
  /** The full host name, e.g. `home.example.com`. */
  declare public readonly fqdn: pulumi.Output<string>;
  /** The TTL OVH serves the record with (set by OVH; 0 when it gives none). */
  declare public readonly ttl: pulumi.Output<number>;

  /** Reads an existing DynHost record without managing it; `id` is its OVH id, or `<id>.<zoneName>`. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, state: { zoneName?: pulumi.Input<string> } = {}, opts?: pulumi.CustomResourceOptions): DynHostRecord {
    return new DynHostRecord(name, state as DynHostRecordArgs, { ...opts, id });
  }

  constructor(name: string, args: DynHostRecordArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      zoneName: args.zoneName,
      subDomain: opts?.id ? args.subDomain : args.subDomain ?? "",
      ip: args.ip,
      adopt: args.adopt,
      waitUntilPublished: args.waitUntilPublished,
      dynHostId: undefined,
      fqdn: undefined,
      ttl: undefined,
      __provider: SERIALIZED_DYNHOST_RECORD_PROVIDER,
    };
    super(DYNHOST_RECORD_TYPE, name, props, opts);
  }
}

/** The inputs of a {@link DynHostLogin}: the body of OVH's `POST /domain/zone/{zoneName}/dynHost/login`. */
export interface DynHostLoginArgs {
  /** The DNS zone, e.g. `example.com`. Changing it replaces the login. */
  zoneName: pulumi.Input<string>;
  /**
   * The part of the login after the zone: OVH names the login `<zoneName>-<loginSuffix>` (output `login`). Letters,
   * digits, `.`, `_` and `-`, up to 31. Changing it replaces the login (OVH cannot rename one).
   */
  loginSuffix: pulumi.Input<string>;
  /** The name the login may update, e.g. `home`, or `*` for every name of the zone (the apex included). Changed in place. */
  subDomain: pulumi.Input<string>;
  /**
   * The password the DynHost client signs in with, 8 to 64 characters. Always stored as a secret (encrypted in the
   * state; shown as `[secret]` in previews). A change is sent by `POST .../changePassword`, in place.
   * @secret
   */
  password: pulumi.Input<string>;
}

/**
 * A DynHost login of an OVHcloud zone: the user name and password a DynHost client signs in with to update the
 * DynHost records its `subDomain` covers, managed through `/domain/zone/{zoneName}/dynHost/login`. The password is
 * a secret input and output: never in the state in plain text. The resource id is the login.
 *
 * ```ts
 * new DynHostLogin("router", { zoneName: "example.com", loginSuffix: "router", subDomain: "home", password: cfg.requireSecret("dynhostPassword") });
 * ```
 */
export class DynHostLogin extends pulumi.CustomResource {
  /** The DNS zone, lower case. */
  declare public readonly zoneName: pulumi.Output<string>;
  /** The suffix the login was made from. */
  declare public readonly loginSuffix: pulumi.Output<string>;
  /** The login a DynHost client signs in with: `<zoneName>-<loginSuffix>`. */
  declare public readonly login: pulumi.Output<string>;
  /** The name the login may update (`*`: every name). */
  declare public readonly subDomain: pulumi.Output<string>;
  /**
   * The password, as a secret.
   * @secret
   */
  declare public readonly password: pulumi.Output<string>;

  constructor(name: string, args: DynHostLoginArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      zoneName: args.zoneName,
      loginSuffix: args.loginSuffix,
      subDomain: args.subDomain,
      password: args.password === undefined ? undefined : pulumi.secret(args.password),
      login: undefined,
      __provider: SERIALIZED_DYNHOST_LOGIN_PROVIDER,
    };
    // The input is a secret, so the engine keeps the output of the same name secret too (the real-CLI test reads the
    // state file): no additionalSecretOutputs is needed.
    super(DYNHOST_LOGIN_TYPE, name, props, opts);
  }
}
