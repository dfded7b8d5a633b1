/**
 * The configuration of the `ovhdns` plugin: what `pulumi config set ovhdns:<key>` gives it. The doc comments of
 * {@link PluginConfig} are the schema's descriptions (`npm run schema`); `@secret` marks a secret.
 *
 * The plugin reads these keys where the dynamic provider reads `ovh:<key>`: the engine hands a plugin only its
 * own namespace, so the same lookup (`ovh:applicationKey`) is answered from `ovhdns:applicationKey`. The
 * environment and ovh.conf come after it, as for the dynamic provider (provider/ovh/credentials.ts).
 */
import type * as pulumi from "@pulumi/pulumi";

/** The configuration of the `ovhdns` provider (stack config `ovhdns:<key>`, or the inputs of an explicit provider). */
export interface PluginConfig {
  /** The OVH API endpoint: `ovh-eu` (the default), `ovh-ca`, `ovh-us`, `kimsufi-eu`, `kimsufi-ca`, `soyoustart-eu`, `soyoustart-ca`, or an `https://` URL. Else `OVH_ENDPOINT`, else ovh.conf. */
  endpoint?: string;
  /** The application key of an OVH API application. Else `OVH_APPLICATION_KEY`, else ovh.conf. */
  applicationKey?: string;
  /**
   * The application secret that goes with `applicationKey`. Else `OVH_APPLICATION_SECRET`, else ovh.conf.
   * @secret
   */
  applicationSecret?: string;
  /**
   * The consumer key the application was granted (`pulumi-ovh-dns credentials request`). Else `OVH_CONSUMER_KEY`, else ovh.conf.
   * @secret
   */
  consumerKey?: string;
  /** The client id of an OVH service account (OAuth2 client credentials), instead of an application key. Else `OVH_CLIENT_ID`. */
  clientId?: string;
  /**
   * The client secret of that service account. Else `OVH_CLIENT_SECRET`.
   * @secret
   */
  clientSecret?: string;
  /**
   * An OAuth2 access token, used as it is (no renewal). Else `OVH_ACCESS_TOKEN`.
   * @secret
   */
  accessToken?: string;
  /** Requests per second this provider sends at most (it also honours the API's 429 and Retry-After). */
  apiRateLimit?: string;
  /**
   * The default owner of every ZoneRecord of the stack (the ZoneRecord's own `owner` wins): its claim is kept in
   * the zone's owner registry, and no stack adopts, updates or deletes a record another owner claims.
   */
  owner?: string;
}

/** The keys of {@link PluginConfig}, in the schema's order. */
export const PLUGIN_CONFIG_KEYS = [
  "endpoint", "applicationKey", "applicationSecret", "consumerKey", "clientId", "clientSecret", "accessToken", "apiRateLimit", "owner",
] as const satisfies readonly (keyof PluginConfig)[];

/** Pulumi's wire sentinel of a secret value: `{ [SECRET_SIG]: SECRET_VALUE_SIG, value }`. */
export const SECRET_SIG = "4dabf18193072939515e22adb298388d";
export const SECRET_VALUE_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Whether `value` is Pulumi's wire form of a secret. */
export function isWireSecret(value: unknown): value is { value?: unknown } {
  return value !== null && typeof value === "object" && (value as Record<string, unknown>)[SECRET_SIG] === SECRET_VALUE_SIG;
}

/** A config value as text: a secret unwrapped, a number or boolean written out; `undefined` for anything else. */
function configText(value: unknown): string | undefined {
  if (isWireSecret(value)) {
    return configText(value.value);
  }
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/**
 * The plugin's config from the `args` of Pulumi's ConfigureRequest (the provider's inputs: the stack config of
 * the `ovhdns` namespace under their bare names, secrets wrapped), as the dynamic-provider host reads its own;
 * only the keys of {@link PluginConfig}.
 */
export function pluginConfigOf(args: Record<string, unknown>): PluginConfig {
  const config: Record<string, string> = {};
  for (const key of PLUGIN_CONFIG_KEYS) {
    const text = configText(args[key]);
    if (text !== undefined) config[key] = text;
  }
  return config;
}

/**
 * The plugin's config as the `pulumi.dynamic.Config` the dynamic provider's `configure()` reads: its lookup of
 * `ovh:<key>` is answered from `ovhdns:<key>`, so both doors resolve credentials with the same code.
 */
export function asDynamicConfig(config: PluginConfig): pulumi.dynamic.Config {
  const get = (key: string): string | undefined => {
    const name = key.startsWith("ovh:") ? key.slice(4) : undefined;
    return name === undefined ? undefined : (config as Record<string, string | undefined>)[name];
  };
  return {
    get,
    require: (key: string) => {
      const value = get(key);
      if (value === undefined) throw new Error(`missing required configuration key "ovhdns:${key.replace(/^ovh:/, "")}"`);
      return value;
    },
  };
}
