/**
 * Where credentials come from, as the provider resolves them (provider/ovh resolveCredentials with the stack
 * config and the environment), and the environment variables that lose to another source: a user who
 * exported the emulator's variables must not silently reach the real API because a stack key or an
 * ovh.conf endpoint wins (docs/cli.md "doctor").
 */
import { displayEndpoint, type CredentialField, type ResolvedCredentials } from "../../provider/ovh";
import { ENV_NAMES } from "../../provider/ovh/credential-layers";

const AUTH_FIELDS: CredentialField[] = ["applicationKey", "applicationSecret", "consumerKey", "clientId", "clientSecret", "accessToken"];
/** Fields whose value may be shown: they identify, they do not authenticate. */
const SHOWN: CredentialField[] = ["endpoint", "applicationKey", "clientId", "apiRateLimit"];

/** One line per resolved field: its source, and its value when it is not a secret. */
export function describeSources(found: ResolvedCredentials): string[] {
  const value = (field: CredentialField): string | undefined => {
    if (field === "endpoint") {
      const [name, url] = [displayEndpoint(found.endpoint), displayEndpoint(found.baseUrl)];
      return name === url ? name : `${name} (${url})`;
    }
    if (field === "apiRateLimit") return found.apiRateLimit === undefined ? undefined : `${found.apiRateLimit}/s`;
    const auth = found.auth as unknown as Record<string, unknown>;
    return typeof auth[field] === "string" ? (auth[field] as string) : undefined;
  };
  return (Object.keys(found.sources) as CredentialField[]).map((field) => {
    const shown = SHOWN.includes(field) ? value(field) : undefined;
    return `${field} from ${found.sources[field]}${shown ? ` = ${shown}` : " (secret, not shown)"}`;
  });
}

/** Warnings for `OVH_*` variables set in `env` whose field came from somewhere else. */
export function shadowWarnings(found: ResolvedCredentials, env: NodeJS.ProcessEnv): string[] {
  const warnings: string[] = [];
  const isEnv = (field: CredentialField) => found.sources[field]?.startsWith("env ") ?? false;
  for (const [field, name] of Object.entries(ENV_NAMES) as [CredentialField, string][]) {
    if (!env[name]?.trim()) continue;
    const used = found.sources[field];
    if (used === undefined) {
      warnings.push(`${name} is set in the environment but not used: ${describeMethod(found)} come from another source`);
    } else if (!isEnv(field)) {
      warnings.push(`${name} is set in the environment but ${used} takes precedence`);
    }
  }
  const keysFromEnv = AUTH_FIELDS.some((f) => isEnv(f));
  if (keysFromEnv && !isEnv("endpoint")) {
    warnings.push(
      `the keys come from the environment but the endpoint from ${found.sources.endpoint} (${displayEndpoint(found.endpoint)}): ` +
        `set OVH_ENDPOINT too if these keys belong to another endpoint (the emulator's do)`,
    );
  }
  return warnings;
}

function describeMethod(found: ResolvedCredentials): string {
  const names = { application: "the application-key credentials", oauth2: "the OAuth2 credentials", "access-token": "the access token" };
  return names[found.auth.kind];
}
