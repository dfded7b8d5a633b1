import { OvhError } from "./errors";
import { createApiError } from "./response";
import { createRedactor } from "./redact";
import type { Transport } from "./transport";

/** What an {@link OAuth2TokenSource} needs. */
export interface OAuth2TokenSourceOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  send: Transport;
  timeoutMs: number;
  /** Local time in milliseconds (default `Date.now`). */
  now?: () => number;
  /** Called after each token fetch, for stats and logs. */
  onFetch?: (event: { status: number; durationMs: number }) => void;
}

/** Longest renewal margin: a token is renewed 10 s before it expires (node-ovh does the same). */
const MAX_MARGIN_MS = 10_000;
/** Lifetime assumed when the server omits `expires_in`. */
const DEFAULT_LIFETIME_S = 3600;

/**
 * OAuth2 client-credentials tokens (docs/ovh-api.md §6): `POST tokenUrl` with the form
 * `grant_type=client_credentials&scope=all` and HTTP Basic client authentication. The token is
 * cached and renewed before it expires (10 s, or 10 % of a shorter lifetime); concurrent callers
 * share one fetch. The client secret and the token live in private fields only.
 */
export class OAuth2TokenSource {
  readonly #options: OAuth2TokenSourceOptions;
  readonly #now: () => number;
  #token?: { value: string; renewAt: number };
  #pending?: Promise<string>;

  constructor(options: OAuth2TokenSourceOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** A valid access token, fetched if none is cached or the cached one is about to expire. */
  getToken(): Promise<string> {
    if (this.#token && this.#now() < this.#token.renewAt) return Promise.resolve(this.#token.value);
    this.#pending ??= this.#fetch().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  /** Drops `token` if it is the cached one (the API answered 401 with it). */
  invalidate(token: string): void {
    if (this.#token?.value === token) this.#token = undefined;
  }

  async #fetch(): Promise<string> {
    const { tokenUrl, clientId, clientSecret, send, timeoutMs, onFetch } = this.#options;
    // RFC 6749 §2.3.1: id and secret are form-encoded before Basic encoding.
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString("base64");
    const started = this.#now();
    const raw = await send({
      method: "POST",
      url: tokenUrl,
      path: new URL(tokenUrl).pathname,
      headers: {
        Authorization: `Basic ${basic}`,
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
      },
      body: "grant_type=client_credentials&scope=all",
      timeoutMs,
    });
    onFetch?.({ status: raw.status, durationMs: this.#now() - started });
    const redact = createRedactor([clientSecret, basic]);
    if (raw.status < 200 || raw.status >= 300) {
      throw createApiError(raw, { method: "POST", path: new URL(tokenUrl).pathname, redact, now: this.#now });
    }
    const body = parseTokenBody(raw.body);
    const lifetimeMs = (body.expires_in ?? DEFAULT_LIFETIME_S) * 1000;
    const margin = Math.min(MAX_MARGIN_MS, lifetimeMs / 10);
    this.#token = { value: body.access_token, renewAt: this.#now() + lifetimeMs - margin };
    return body.access_token;
  }
}

function parseTokenBody(text: string): { access_token: string; expires_in?: number } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const b = body as { access_token?: unknown; expires_in?: unknown } | undefined;
  if (!b || typeof b.access_token !== "string" || b.access_token === "") {
    throw new OvhError("The OAuth2 token endpoint answered without an access_token.");
  }
  const expires = typeof b.expires_in === "number" && b.expires_in > 0 ? b.expires_in : undefined;
  return { access_token: b.access_token, expires_in: expires };
}
