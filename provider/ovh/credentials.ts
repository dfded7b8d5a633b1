import { homedir } from "node:os";
import {
  type CredentialField,
  type CredentialLayer,
  confEndpointLayer,
  confSectionLayer,
  configLayer,
  envLayer,
  explicitLayer,
  firstSet,
  usableValue,
} from "./credential-layers";
import { DEFAULT_ENDPOINT, displayEndpoint, type ResolvedEndpoint, resolveEndpoint } from "./endpoints";
import { OvhConfigError } from "./errors";
import { type ReadTextFile, defaultOvhConfPaths, readOvhConfFiles } from "./ovh-conf";
import { type OvhAuth, createAuth } from "./auth";

export type { CredentialField } from "./credential-layers";

/** Credentials resolved from all sources, ready for {@link OvhClient}. Secrets are non-enumerable. */
export interface ResolvedCredentials {
  /** Endpoint alias or URL, as configured (`ovh-eu` by default). */
  endpoint: string;
  /** API base URL, e.g. `https://eu.api.ovh.com/1.0`. */
  baseUrl: string;
  /** The authentication method and its values. */
  auth: OvhAuth;
  /** Client-side cap in requests per second (`ovh:apiRateLimit`). */
  apiRateLimit?: number;
  /** Where each field came from, e.g. `{consumerKey: "env OVH_CONSUMER_KEY"}`. Names only, never values. */
  sources: Partial<Record<CredentialField, string>>;
}

/** Credentials passed in code; they take precedence over every other source. */
export type ExplicitCredentials = Partial<Record<Exclude<CredentialField, "apiRateLimit">, string>> & {
  /** Requests per second, as `ovh:apiRateLimit`. */
  apiRateLimit?: number | string;
};

/** Where {@link resolveCredentials} looks. Everything is injectable for tests. */
export interface CredentialSources {
  /** Options given in code: highest precedence. */
  explicit?: ExplicitCredentials;
  /** Pulumi config lookup over the `ovh:` namespace: `"consumerKey"` means `ovh:consumerKey`. */
  config?: (key: string) => string | undefined;
  /** Environment (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** ovh.conf paths, highest priority first (default `./ovh.conf`, `~/.ovh.conf`, `/etc/ovh.conf`). */
  confFiles?: string[];
  /** Directory for `./ovh.conf` (default `process.cwd()`). */
  cwd?: string;
  /** Home directory for `~/.ovh.conf` (default `os.homedir()`). */
  home?: string;
  /** Reads a file, `undefined` when missing (default node:fs). */
  readFile?: ReadTextFile;
}

const METHOD_FIELDS: Record<OvhAuth["kind"], CredentialField[]> = {
  application: ["applicationKey", "applicationSecret", "consumerKey"],
  oauth2: ["clientId", "clientSecret"],
  "access-token": ["accessToken"],
};
const METHOD_NAMES: Record<OvhAuth["kind"], string> = {
  application: "application-key credentials",
  oauth2: "OAuth2 client credentials",
  "access-token": "an access token",
};
const AUTH_FIELDS = Object.values(METHOD_FIELDS).flat();

/**
 * Resolves endpoint, authentication and rate limit. Precedence: explicit options, Pulumi config,
 * environment, then ovh.conf files in order (go-ovh/python-ovh, with Pulumi config inserted after
 * explicit options as the official provider does).
 *
 * Rule for authentication, so that its fields come coherently:
 * 1. The first source that sets any authentication field chooses the method (application key,
 *    OAuth2, access token). Fields of other methods found only in lower sources are ignored, so a
 *    stale `~/.ovh.conf` cannot break credentials given in the environment.
 * 2. A key and its secret (`applicationKey`+`applicationSecret`, `clientId`+`clientSecret`) are
 *    taken together from the first source that sets either; that source must set both. A key and
 *    a secret from different places usually belong to different applications.
 * 3. `consumerKey` may come from another source than the application key (keys in ovh.conf,
 *    consumer key per project is common).
 * 4. A source that contributes a field and also sets another method's fields is a conflict.
 *
 * A value that is used and holds a character it must not (a control character; in an endpoint, any whitespace;
 * in a key, anything beyond printable ASCII) is refused, naming its source and the character, never the value
 * (credential-values.ts): no request is built from it.
 *
 * Throws {@link OvhConfigError} naming what is missing or conflicting and the sources involved.
 */
export function resolveCredentials(sources: CredentialSources = {}): ResolvedCredentials {
  const top: CredentialLayer[] = [];
  if (sources.explicit) top.push(explicitLayer(sources.explicit));
  if (sources.config) top.push(configLayer(sources.config));
  top.push(envLayer(sources.env ?? process.env));
  const paths = sources.confFiles ?? defaultOvhConfPaths(sources.cwd ?? process.cwd(), sources.home ?? homedir());
  const files = readOvhConfFiles(paths, sources.readFile);

  const ep = firstSet([...top, ...files.map(confEndpointLayer)], "endpoint");
  if (ep) usableValue(ep.layer, "endpoint");
  const endpointName = ep?.value ?? DEFAULT_ENDPOINT;
  const found: Partial<Record<CredentialField, string>> = { endpoint: ep?.source ?? `default (${DEFAULT_ENDPOINT})` };
  const endpoint = resolveEndpointFrom(endpointName, found.endpoint as string);

  const layers = [...top, ...files.map((f) => confSectionLayer(f, endpointName))];
  const auth = resolveAuth(layers, endpoint, found, paths);
  const apiRateLimit = resolveRateLimit(top, found);
  return { endpoint: endpointName, baseUrl: endpoint.baseUrl, auth, apiRateLimit, sources: found };
}

function resolveEndpointFrom(name: string, source: string): ResolvedEndpoint {
  try {
    return resolveEndpoint(name);
  } catch (err) {
    throw new OvhConfigError(`${(err as Error).message} (endpoint from ${source})`, { cause: err });
  }
}

function resolveAuth(
  layers: CredentialLayer[],
  endpoint: ResolvedEndpoint,
  found: Partial<Record<CredentialField, string>>,
  paths: string[],
): OvhAuth {
  const deciding = layers.find((l) => AUTH_FIELDS.some((f) => l.values[f] !== undefined));
  if (!deciding) throw noCredentials(layers, paths);
  const kinds = methodsSetIn(deciding);
  if (kinds.length > 1) throw conflict(deciding, kinds);
  const kind = kinds[0];
  const values: Partial<Record<CredentialField, string>> = {};
  const take = (layer: CredentialLayer, fields: CredentialField[]) => {
    const other = methodsSetIn(layer).filter((k) => k !== kind);
    if (other.length) throw conflict(layer, [kind, ...other]);
    for (const f of fields) {
      values[f] = usableValue(layer, f);
      found[f] = layer.nameOf(f);
    }
  };
  if (kind === "application") {
    const pair = pairLayer(layers, "applicationKey", "applicationSecret");
    const ck = firstSet(layers, "consumerKey");
    if (!pair) {
      throw incomplete(
        `consumerKey is set (${ck?.source}) but no applicationKey and applicationSecret are set anywhere`,
        "set applicationKey and applicationSecret (OVH_APPLICATION_KEY and OVH_APPLICATION_SECRET, or ovh:applicationKey and " +
          "ovh:applicationSecret) from https://eu.api.ovh.com/createApp/ for the application that issued this consumer key",
      );
    }
    if (!ck) {
      const names = `${pair.nameOf("applicationKey")}, ${pair.nameOf("applicationSecret")}`;
      throw incomplete(
        `applicationKey and applicationSecret are set (${names}) but no consumerKey is set anywhere`,
        "request one with POST /auth/credential, open its validationUrl to validate it, then set it " +
          "(OVH_CONSUMER_KEY, ovh:consumerKey, or consumer_key in ovh.conf)",
      );
    }
    take(pair, ["applicationKey", "applicationSecret"]);
    take(ck.layer, ["consumerKey"]);
  } else if (kind === "oauth2") {
    const pair = pairLayer(layers, "clientId", "clientSecret") as CredentialLayer;
    if (!endpoint.tokenUrl) {
      throw new OvhConfigError(
        `OAuth2 is not available on endpoint "${displayEndpoint(endpoint.name)}" (from ${found.endpoint}): ` +
          `OVH offers OAuth2 service accounts only on ovh-eu, ovh-ca and ovh-us. ` +
          `Use application-key credentials there, or change the endpoint.`,
      );
    }
    take(pair, ["clientId", "clientSecret"]);
  } else {
    take(deciding, ["accessToken"]);
  }
  return createAuth(kind, values, endpoint.tokenUrl);
}

function methodsSetIn(layer: CredentialLayer): OvhAuth["kind"][] {
  return (Object.keys(METHOD_FIELDS) as OvhAuth["kind"][]).filter((k) => METHOD_FIELDS[k].some((f) => layer.values[f] !== undefined));
}

/** The first layer that sets either half of a pair; throws when it sets only one half. */
function pairLayer(layers: CredentialLayer[], a: CredentialField, b: CredentialField): CredentialLayer | undefined {
  const layer = layers.find((l) => l.values[a] !== undefined || l.values[b] !== undefined);
  if (!layer) return undefined;
  const [has, missing] = layer.values[a] !== undefined ? [a, b] : [b, a];
  if (layer.values[missing] !== undefined) return layer;
  const lower = firstSet(layers.slice(layers.indexOf(layer) + 1), missing);
  const elsewhere = lower ? `; ${missing} was found in ${lower.source}, but a key and its secret must come from the same place` : "";
  throw incomplete(
    `${has} is set (${layer.nameOf(has)}) but ${missing} is not set there${elsewhere}`,
    `also set ${layer.nameOf(missing)}, or remove ${layer.nameOf(has)}`,
  );
}

function incomplete(what: string, fix: string): OvhConfigError {
  return new OvhConfigError(`Incomplete OVH credentials: ${what}. To fix it, ${fix}.`);
}

function conflict(layer: CredentialLayer, kinds: OvhAuth["kind"][]): OvhConfigError {
  const groups = kinds.map((k) => {
    const names = METHOD_FIELDS[k].filter((f) => layer.values[f] !== undefined).map((f) => layer.nameOf(f));
    return `${METHOD_NAMES[k]} (${names.join(", ")})`;
  });
  return new OvhConfigError(
    `Conflicting OVH credentials: ${layer.label} sets both ${groups.join(" and ")}. ` +
      `Use a single authentication method: remove one of the groups.`,
  );
}

function noCredentials(layers: CredentialLayer[], paths: string[]): OvhConfigError {
  const looked = layers.filter((l) => !paths.includes(l.label)).map((l) => l.label);
  return new OvhConfigError(
    `No OVH credentials found (looked in ${[...looked, ...paths].join(", ")}). Set applicationKey, applicationSecret and consumerKey ` +
      `(ovh:applicationKey... in Pulumi config, OVH_APPLICATION_KEY... in the environment, or application_key... in ovh.conf), ` +
      `or clientId and clientSecret for an OAuth2 service account, or accessToken.`,
  );
}

function resolveRateLimit(top: CredentialLayer[], found: Partial<Record<CredentialField, string>>): number | undefined {
  const set = firstSet(top, "apiRateLimit");
  if (!set) return undefined;
  usableValue(set.layer, "apiRateLimit");
  const rate = Number(set.value);
  if (!Number.isFinite(rate) || rate <= 0) {
    throw new OvhConfigError(`apiRateLimit (from ${set.source}) must be a positive number of requests per second, got "${set.value}".`);
  }
  found.apiRateLimit = set.source;
  return rate;
}
