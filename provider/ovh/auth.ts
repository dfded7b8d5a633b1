import { defineSecret } from "./redact";

/** Application-key authentication: every call signed with AS and CK (docs/ovh-api.md §1). */
export interface ApplicationAuth {
  kind: "application";
  applicationKey: string;
  /** Non-enumerable: read by name, never serialised. */
  applicationSecret: string;
  /** Non-enumerable: read by name, never serialised. */
  consumerKey: string;
}

/** OAuth2 client credentials: a bearer token fetched from `tokenUrl` (docs/ovh-api.md §6). */
export interface OAuth2Auth {
  kind: "oauth2";
  clientId: string;
  /** Non-enumerable: read by name, never serialised. */
  clientSecret: string;
  tokenUrl: string;
}

/** A ready-made bearer token (go-ovh and lego accept one, docs/ovh-api.md §6). */
export interface AccessTokenAuth {
  kind: "access-token";
  /** Non-enumerable: read by name, never serialised. */
  accessToken: string;
}

/** One of the three authentication methods. */
export type OvhAuth = ApplicationAuth | OAuth2Auth | AccessTokenAuth;

/**
 * Builds an auth object whose secrets are non-enumerable, so `JSON.stringify`, `util.inspect`
 * and object spread never show them.
 */
export function createAuth(kind: OvhAuth["kind"], v: Partial<Record<string, string>>, tokenUrl?: string): OvhAuth {
  if (kind === "application") {
    const auth = { kind, applicationKey: v.applicationKey } as ApplicationAuth;
    defineSecret(auth, "applicationSecret", v.applicationSecret as string);
    defineSecret(auth, "consumerKey", v.consumerKey as string);
    return auth;
  }
  if (kind === "oauth2") {
    const auth = { kind, clientId: v.clientId } as OAuth2Auth;
    defineSecret(auth, "clientSecret", v.clientSecret as string);
    auth.tokenUrl = tokenUrl as string;
    return auth;
  }
  const auth = { kind } as AccessTokenAuth;
  defineSecret(auth, "accessToken", v.accessToken as string);
  return auth;
}

/** Every secret an auth object holds, for scrubbing texts. */
export function secretsOf(auth: OvhAuth): string[] {
  if (auth.kind === "application") return [auth.applicationSecret, auth.consumerKey];
  if (auth.kind === "oauth2") return [auth.clientSecret];
  return [auth.accessToken];
}
