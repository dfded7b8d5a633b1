/**
 * The places credentials come from, as layers of values: explicit options, Pulumi config (`ovh:*`), the `OVH_*`
 * environment and ovh.conf files, each naming its values as a user would find them (`env OVH_CONSUMER_KEY`), so
 * that every message can say where a value came from without showing it.
 */
import { credentialValueProblem } from "./credential-values";
import { OvhConfigError } from "./errors";
import type { OvhConfFile } from "./ovh-conf";

/** The credential fields that come from configuration. */
export type CredentialField =
  | "endpoint"
  | "applicationKey"
  | "applicationSecret"
  | "consumerKey"
  | "clientId"
  | "clientSecret"
  | "accessToken"
  | "apiRateLimit";

/** One place credentials can come from, e.g. the environment or one ovh.conf file. */
export interface CredentialLayer {
  /** Short name of the place: `explicit options`, `Pulumi config`, `environment`, a file path. */
  label: string;
  /** The non-empty values this place sets, trimmed. */
  values: Partial<Record<CredentialField, string>>;
  /**
   * What is wrong with a value this place sets, by field: a character it must not hold, with its position
   * (credential-values.ts); never the value. Refused only when the value is used (see `usableValue`).
   */
  problems: Partial<Record<CredentialField, string>>;
  /** How this place names a field: `env OVH_CONSUMER_KEY`, `Pulumi config ovh:consumerKey`... */
  nameOf(field: CredentialField): string;
}

/** Environment variable per field (go-ovh/python-ovh, and the official provider). */
export const ENV_NAMES: Partial<Record<CredentialField, string>> = {
  endpoint: "OVH_ENDPOINT",
  applicationKey: "OVH_APPLICATION_KEY",
  applicationSecret: "OVH_APPLICATION_SECRET",
  consumerKey: "OVH_CONSUMER_KEY",
  clientId: "OVH_CLIENT_ID",
  clientSecret: "OVH_CLIENT_SECRET",
  accessToken: "OVH_ACCESS_TOKEN",
};

/** ovh.conf key per field; `endpoint` lives in `[default]`, the others in `[<endpoint>]`. */
const CONF_KEYS: Partial<Record<CredentialField, string>> = {
  endpoint: "endpoint",
  applicationKey: "application_key",
  applicationSecret: "application_secret",
  consumerKey: "consumer_key",
  clientId: "client_id",
  clientSecret: "client_secret",
  accessToken: "access_token",
};

const FIELDS: CredentialField[] = [
  "endpoint",
  "applicationKey",
  "applicationSecret",
  "consumerKey",
  "clientId",
  "clientSecret",
  "accessToken",
  "apiRateLimit",
];

/**
 * Keeps only non-empty strings, trimmed: an empty value means "unset", as in go-ovh and python-ovh. Notes what is
 * wrong with each value's characters, without refusing it yet: a value of a place that is not used stays harmless.
 */
function pick(get: (field: CredentialField) => unknown, fields = FIELDS): Pick<CredentialLayer, "values" | "problems"> {
  const values: Partial<Record<CredentialField, string>> = {};
  const problems: Partial<Record<CredentialField, string>> = {};
  for (const field of fields) {
    const v = get(field);
    if (typeof v === "number" && Number.isFinite(v)) values[field] = String(v);
    else if (typeof v === "string" && v.trim() !== "") {
      values[field] = v.trim();
      const problem = credentialValueProblem(field, v);
      if (problem !== undefined) problems[field] = problem;
    }
  }
  return { values, problems };
}

/** The layer of options passed in code. */
export function explicitLayer(options: Partial<Record<CredentialField, string | number | undefined>>): CredentialLayer {
  return { label: "explicit options", ...pick((f) => options[f]), nameOf: (f) => `explicit option ${f}` };
}

/** The layer of Pulumi config keys in the `ovh:` namespace. */
export function configLayer(lookup: (key: string) => string | undefined): CredentialLayer {
  return { label: "Pulumi config", ...pick((f) => lookup(f)), nameOf: (f) => `Pulumi config ovh:${f}` };
}

/** The layer of `OVH_*` environment variables. */
export function envLayer(env: Record<string, string | undefined>): CredentialLayer {
  const fields = FIELDS.filter((f) => ENV_NAMES[f] !== undefined);
  return {
    label: "environment",
    ...pick((f) => env[ENV_NAMES[f] as string], fields),
    nameOf: (f) => `env ${ENV_NAMES[f] ?? f}`,
  };
}

/** The `[default] endpoint` of one ovh.conf file. */
export function confEndpointLayer(file: OvhConfFile): CredentialLayer {
  return {
    label: file.path,
    ...pick((f) => (f === "endpoint" ? file.conf.default?.endpoint : undefined), ["endpoint"]),
    nameOf: () => `${file.path} [default] endpoint`,
  };
}

/** The `[<endpoint>]` section of one ovh.conf file. */
export function confSectionLayer(file: OvhConfFile, endpoint: string): CredentialLayer {
  const section = (Object.hasOwn(file.conf, endpoint) ? file.conf[endpoint] : undefined) ?? {};
  const fields = FIELDS.filter((f) => f !== "endpoint" && CONF_KEYS[f] !== undefined);
  return {
    label: file.path,
    ...pick((f) => section[CONF_KEYS[f] as string], fields),
    nameOf: (f) => `${file.path} [${endpoint}] ${CONF_KEYS[f] ?? f}`,
  };
}

/**
 * The value `layer` sets for `field`, to be used: throws {@link OvhConfigError} naming the place (`env
 * OVH_CONSUMER_KEY`, `Pulumi config ovh:endpoint`, `<file> [ovh-eu] application_key`) and the character it must
 * not hold, never the value, so that no request is built from it.
 */
export function usableValue(layer: CredentialLayer, field: CredentialField): string | undefined {
  const problem = layer.problems[field];
  if (problem !== undefined) throw new OvhConfigError(`Unusable OVH credentials: ${layer.nameOf(field)} ${problem}.`);
  return layer.values[field];
}

/** The first layer that sets a field, with its value and the source name. */
export function firstSet(
  layers: CredentialLayer[],
  field: CredentialField,
): { value: string; source: string; layer: CredentialLayer } | undefined {
  for (const layer of layers) {
    const value = layer.values[field];
    if (value !== undefined) return { value, source: layer.nameOf(field), layer };
  }
  return undefined;
}
