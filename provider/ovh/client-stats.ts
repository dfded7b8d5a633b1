/** Counters a client keeps; the benchmarks print them. */
export interface OvhClientStats {
  /** HTTP requests handed to the transport, retries and `/auth/time` included (token fetches excluded). */
  requestsSent: number;
  /** Retries performed. */
  retries: number;
  /** 429 responses received. */
  throttled: number;
  /** 429 responses absorbed by a retry. */
  throttledRetried: number;
  /** `GET /auth/time` calls made to learn the API's clock. */
  timeSyncs: number;
  /** OAuth2 token fetches. */
  tokenFetches: number;
}

/** A structured log event. Carries names, statuses and timings; never a secret. */
export interface OvhLogEvent {
  type: "response" | "retry" | "network-error";
  method: string;
  /** API path with its query string. */
  path: string;
  /** 1 for the first attempt. */
  attempt: number;
  status?: number;
  durationMs?: number;
  /** `X-Ovh-QueryID` of the response. */
  queryId?: string;
  /** Wait before the next attempt (retry events). */
  delayMs?: number;
  /** Error class, HTTP status or network error code that caused a retry or failure. */
  error?: string;
}

/** Mutable counters behind {@link OvhClientStats}. */
export class StatsCounter {
  readonly #stats: OvhClientStats = { requestsSent: 0, retries: 0, throttled: 0, throttledRetried: 0, timeSyncs: 0, tokenFetches: 0 };

  count(name: keyof OvhClientStats): void {
    this.#stats[name]++;
  }

  countRetry(after429: boolean): void {
    this.#stats.retries++;
    if (after429) this.#stats.throttledRetried++;
  }

  snapshot(): OvhClientStats {
    return { ...this.#stats };
  }
}
