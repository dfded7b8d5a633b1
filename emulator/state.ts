/** Everything route handlers share: stores, options and the public origin. */
import type { IncomingHttpHeaders } from "node:http";
import type { CredentialStore, StoredCredential } from "./auth/credential-store";
import type { TokenStore } from "./auth/oauth2";
import type { ResolvedOptions } from "./options";
import type { Reply } from "./reply";
import type { ZoneStore } from "./zones/store";

/** The emulator's mutable state. */
export interface EmulatorState {
  zones: ZoneStore;
  credentials: CredentialStore;
  tokens: TokenStore;
  options: ResolvedOptions;
  /** Origin clients sign against, e.g. `http://127.0.0.1:43123`. */
  publicOrigin: string;
}

/** Who made an authenticated call. */
export type Principal =
  | { kind: "consumerKey"; applicationKey: string; consumerKey: string; credential: StoredCredential }
  | { kind: "oauth2"; clientId: string; allowedActions?: string[] };

/** What a handler receives. */
export interface HandlerContext {
  /** Path parameters, decoded (`zoneName`, `id`). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Raw body bytes. */
  body: Buffer;
  headers: IncomingHttpHeaders;
  principal?: Principal;
  /** Emulator clock, ms. */
  now: number;
  state: EmulatorState;
  /** A zone refresh only: another refresh of the zone was running when this one arrived. */
  refreshOverlapped?: boolean;
}

/** How a route authenticates (docs/ovh-api.md §3). */
export type RouteAuth = "none" | "application" | "signed";

/** One API route. */
export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path under the API prefix, with `{param}` segments. */
  pattern: string;
  auth: RouteAuth;
  /** Whether consumer-key access rules apply (`/auth/*` calls are exempt, docs/ovh-api.md §3). */
  rules: boolean;
  /** IAM action checked for OAuth2 clients with an allow list (docs/ovh-api.md §4). */
  iamAction?: string;
  handle(ctx: HandlerContext): Reply;
}
