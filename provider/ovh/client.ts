import { secretsOf } from "./auth";
import { buildAuthHeaders } from "./auth-headers";
import { ServerClock } from "./clock";
import { type CredentialSources, type ResolvedCredentials, resolveCredentials } from "./credentials";
import { type QueryParams, buildRequestUrl, buildQueryString } from "./endpoints";
import { OvhApiError, OvhAuthSetupError, OvhConfigError, OvhNetworkError } from "./errors";
import { OAuth2TokenSource } from "./oauth2";
import { type PacingOptions, DEFAULT_MAX_IN_FLIGHT, Pacer } from "./pacer";
import { createRedactor } from "./redact";
import { readHeader, readResponse } from "./response";
import { MAX_RETRY_AFTER_MS, type CallOutcome, backoffDelayMs, classifyFailure, mayResend } from "./outcome";
import { DEFAULT_RETRY, type RetryOptions, type RetryPolicy } from "./retry";
import { type Transport, createHttpTransport } from "./transport";
import { type OvhClientStats, type OvhLogEvent, StatsCounter } from "./client-stats";

export type { OvhClientStats, OvhLogEvent } from "./client-stats";

/** The default time allowed for one HTTP exchange. */
const DEFAULT_TIMEOUT_MS = 30_000;

/** Options of {@link OvhClient}. */
export interface OvhClientOptions {
  /** From {@link resolveCredentials}. */
  credentials: ResolvedCredentials;
  /** Time allowed for one HTTP exchange, response included (default 30 000 ms). */
  timeoutMs?: number;
  /** Retries (default 4 attempts in total); a POST is sent again only when it was certainly not applied. */
  retry?: RetryOptions;
  /** In-flight cap (default 8) and requests per second (default `credentials.apiRateLimit`). */
  pacing?: PacingOptions;
  /** Receives one structured event per response, retry and network error; never a secret. */
  logger?: (event: OvhLogEvent) => void;
  /** Replaces the node:http(s) transport (tests). */
  transport?: Transport;
  /** Local time in milliseconds (tests; default `Date.now`). */
  now?: () => number;
  /** Waits, for backoff and pacing (tests; default `setTimeout`). */
  sleep?: (ms: number) => Promise<void>;
  /** Uniform draw in [0, 1) for backoff jitter (tests; default `Math.random`). */
  random?: () => number;
}

/** Options of one call. */
export interface OvhRequestOptions {
  /** Query parameters, sent and signed in the given order. */
  query?: QueryParams;
  /** Request body, serialised once with `JSON.stringify`; those exact bytes are signed and sent. */
  body?: unknown;
  /** Sign the call (default true). `/auth/time` and `/auth/credential` need no signature. */
  signed?: boolean;
}

/**
 * A client for the OVH API v1: signs requests (or sends OAuth2 bearer tokens), follows the API's
 * clock, retries what is safe to retry, paces itself and explains failures. Never sends a POST
 * twice unless the first was certainly not applied (outcome.ts). Under a 429 the whole client pauses
 * for the `Retry-After`, as octokit's throttling plugin does, instead of each call backing off alone.
 * Secrets live in private fields: `JSON.stringify` and `util.inspect` of a client show none.
 */
export class OvhClient {
  readonly #credentials: ResolvedCredentials;
  readonly #send: Transport;
  readonly #close?: () => void;
  readonly #timeoutMs: number;
  readonly #retry: RetryPolicy;
  readonly #pacer: Pacer;
  readonly #logger?: (event: OvhLogEvent) => void;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #random: () => number;
  readonly #clock?: ServerClock;
  readonly #tokens?: OAuth2TokenSource;
  readonly #stats = new StatsCounter();
  /** Local time before which no request is sent: set by a 429 (see `#pauseAfter429`). */
  #pausedUntil = -Infinity;
  /** 429s in a row, client-wide: the pause without a `Retry-After` doubles with each. */
  #throttleStreak = 0;

  constructor(options: OvhClientOptions) {
    const { credentials } = options;
    this.#credentials = credentials;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#random = options.random ?? Math.random;
    const maxInFlight = options.pacing?.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
    if (options.transport) this.#send = options.transport;
    else ({ send: this.#send, close: this.#close } = createHttpTransport({ maxSockets: maxInFlight }));
    const requestsPerSecond = options.pacing?.requestsPerSecond ?? credentials.apiRateLimit;
    this.#pacer = new Pacer({ maxInFlight, requestsPerSecond, now: this.#now, sleep: this.#sleep });
    const auth = credentials.auth;
    if (auth.kind === "application") {
      this.#clock = new ServerClock(() => this.#timeSync(), this.#now);
    } else if (auth.kind === "oauth2") {
      this.#tokens = new OAuth2TokenSource({
        tokenUrl: auth.tokenUrl,
        clientId: auth.clientId,
        clientSecret: auth.clientSecret,
        send: this.#send,
        timeoutMs: this.#timeoutMs,
        now: this.#now,
        onFetch: () => this.#stats.count("tokenFetches"),
      });
    }
  }

  /** Builds a client from {@link resolveCredentials} sources. */
  static fromSources(sources: CredentialSources = {}, options: Omit<OvhClientOptions, "credentials"> = {}): OvhClient {
    return new OvhClient({ ...options, credentials: resolveCredentials(sources) });
  }

  /** The endpoint as configured, e.g. `ovh-eu`. */
  get endpoint(): string {
    return this.#credentials.endpoint;
  }

  /** Counters since creation: requests sent, retries, 429s received and absorbed... */
  get stats(): OvhClientStats {
    return this.#stats.snapshot();
  }

  /** `GET path`. */
  get<T = unknown>(path: string, options?: Omit<OvhRequestOptions, "body">): Promise<T> {
    return this.request<T>("GET", path, options);
  }

  /** `POST path` with an optional body; sent again only when certainly not applied. */
  post<T = unknown>(path: string, body?: unknown, options?: Omit<OvhRequestOptions, "body">): Promise<T> {
    return this.request<T>("POST", path, { ...options, body });
  }

  /** `PUT path` with a body. */
  put<T = unknown>(path: string, body?: unknown, options?: Omit<OvhRequestOptions, "body">): Promise<T> {
    return this.request<T>("PUT", path, { ...options, body });
  }

  /** `DELETE path`. */
  delete<T = unknown>(path: string, options?: Omit<OvhRequestOptions, "body">): Promise<T> {
    return this.request<T>("DELETE", path, options);
  }

  /**
   * Sends a call and returns its parsed JSON (`undefined` for 204 or an empty body). Throws
   * {@link OvhApiError}, {@link OvhNetworkError}, {@link OvhAuthSetupError}, `OvhResponseError` or
   * `OvhConfigError`; `ovhErrorOutcome` says whether the call may have been applied.
   */
  async request<T = unknown>(method: string, path: string, options: OvhRequestOptions = {}): Promise<T> {
    const m = method.toUpperCase();
    const signed = options.signed ?? true;
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const url = buildRequestUrl(this.#credentials.baseUrl, path, options.query);
    const call: Call = { method: m, path, logPath: path + buildQueryString(options.query), url, body, signed };
    const maxAttempts = Math.max(1, this.#retry.maxAttempts);
    const once = { tokenRenewed: false, clockResynced: false };
    for (let attempt = 1, retry = 1; ; attempt++) {
      try {
        return await this.#attempt<T>(call, attempt);
      } catch (err) {
        const outcome = classifyFailure(err);
        if (this.#tryOnceMore(outcome, call, once)) continue;
        if (retry >= maxAttempts || !mayResend(outcome, m)) throw err;
        // A 429 paused the whole client (#pauseAfter429): the next attempt waits at the gate, not here.
        const delayMs = outcome.throttled ? 0 : backoffDelayMs(retry, this.#retry, this.#random, outcome);
        this.#stats.countRetry(outcome.throttled);
        this.#log({ type: "retry", method: m, path: call.logPath, attempt, delayMs, ...describe(err) });
        retry++;
        if (delayMs > 0) await this.#sleep(delayMs);
      }
    }
  }

  /**
   * The two failures that allow one more attempt whatever the method, because the call was refused at
   * authentication: a rejected bearer token (dropped in #attempt; a fresh one is fetched) and `Query out of
   * time` (the clock offset is dropped and read again: a clock that jumped is followed).
   */
  #tryOnceMore(outcome: CallOutcome, call: Call, once: { tokenRenewed: boolean; clockResynced: boolean }): boolean {
    if (outcome.renewToken && this.#tokens && !once.tokenRenewed) {
      once.tokenRenewed = true;
      return true;
    }
    if (outcome.clockSkew && this.#clock && call.signed && !once.clockResynced) {
      once.clockResynced = true;
      this.#clock.invalidate(call.clockGeneration);
      return true;
    }
    return false;
  }

  /** A 429 pauses every request of this client until the wait the server asked for (capped) is over. */
  #pauseAfter429(outcome: CallOutcome): void {
    this.#throttleStreak++;
    const fallback = Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** (this.#throttleStreak - 1));
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#now() + (outcome.retryAfterMs ?? fallback));
  }

  /**
   * Waits out a pause, again if a new 429 extended it meanwhile. A local clock that jumped back cannot make it
   * longer than the cap.
   */
  async #waitOutPause(): Promise<void> {
    for (let waitedFor = Number.NaN; ; ) {
      const now = this.#now();
      this.#pausedUntil = Math.min(this.#pausedUntil, now + MAX_RETRY_AFTER_MS);
      if (now >= this.#pausedUntil || this.#pausedUntil === waitedFor) return;
      waitedFor = this.#pausedUntil;
      await this.#sleep(this.#pausedUntil - now);
    }
  }

  /** Closes pooled connections of the default transport. */
  close(): void {
    this.#close?.();
  }

  async #attempt<T>(call: Call, attempt: number): Promise<T> {
    // Learn the API's clock before taking a slot: /auth/time goes through the pacer itself.
    if (call.signed && this.#clock) {
      await this.#clock.offsetSeconds().catch((cause: unknown) => {
        throw new OvhAuthSetupError({ ...call, step: "read the API clock (GET /auth/time)", retryable: false, cause });
      });
      call.clockGeneration = this.#clock.generation;
    }
    return this.#pacer.run(async () => {
      await this.#waitOutPause();
      const auth = await buildAuthHeaders(this.#credentials.auth, call, { clock: this.#clock, tokens: this.#tokens }).catch(
        (cause: unknown) => {
          const retryable = classifyFailure(cause).retryable;
          throw new OvhAuthSetupError({ ...call, step: "get an OAuth2 access token", retryable, cause });
        },
      );
      const headers: Record<string, string> = { Accept: "application/json", "User-Agent": "pulumi-ovh-dns", ...auth.headers };
      if (call.body !== undefined) headers["Content-Type"] = "application/json";
      const started = this.#now();
      this.#stats.count("requestsSent");
      const log = { method: call.method, path: call.logPath, attempt };
      let raw;
      try {
        raw = await this.#send({ method: call.method, url: call.url, headers, body: call.body, timeoutMs: this.#timeoutMs, path: call.path });
      } catch (err) {
        const netErr = asNetworkError(err, call);
        this.#log({ type: "network-error", ...log, durationMs: this.#now() - started, ...describe(netErr) });
        throw netErr;
      }
      const queryId = readHeader(raw.headers, "x-ovh-queryid");
      this.#log({ type: "response", ...log, status: raw.status, durationMs: this.#now() - started, queryId });
      if (raw.status !== 429) this.#throttleStreak = 0;
      if (raw.status === 401 && auth.token) this.#tokens?.invalidate(auth.token);
      const redact = createRedactor([...secretsOf(this.#credentials.auth), ...auth.secrets]);
      try {
        return readResponse<T>(raw, { method: call.method, path: call.path, endpoint: this.#credentials.endpoint, redact, now: this.#now });
      } catch (err) {
        const outcome = classifyFailure(err);
        if (outcome.throttled) {
          this.#stats.count("throttled");
          this.#pauseAfter429(outcome);
        }
        throw err;
      }
    });
  }

  async #timeSync(): Promise<unknown> {
    this.#stats.count("timeSyncs");
    return this.request("GET", "/auth/time", { signed: false });
  }

  #log(event: OvhLogEvent): void {
    try {
      this.#logger?.(event);
    } catch {
      // A failing logger must not fail the call.
    }
  }
}

/** One call, as its attempts share it. */
interface Call {
  method: string;
  path: string;
  logPath: string;
  url: string;
  body?: string;
  signed: boolean;
  /** The clock offset's generation the last attempt signed with: only that offset is dropped on `Query out of time`. */
  clockGeneration?: number;
}

/**
 * Transport failures become network errors. A refused insecure URL (`OvhConfigError`) stays what
 * it is; anything else from a custom transport may have been applied.
 */
function asNetworkError(err: unknown, call: { method: string; path: string }): OvhNetworkError | OvhConfigError {
  if (err instanceof OvhNetworkError || err instanceof OvhConfigError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new OvhNetworkError({ method: call.method, path: call.path, kind: "other", mayHaveBeenApplied: true, reason, cause: err });
}

function describe(err: unknown): { status?: number; error: string } {
  if (err instanceof OvhApiError) return { status: err.status, error: err.errorClass ?? `HTTP ${err.status}` };
  if (err instanceof OvhNetworkError) return { error: err.code ?? err.kind };
  return { error: err instanceof Error ? err.name : "error" };
}
