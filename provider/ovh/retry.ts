/** When and how the client retries. */
export interface RetryOptions {
  /** Attempts in total, first one included (default 4). 1 disables retries. */
  maxAttempts?: number;
  /** Backoff base: the n-th retry waits up to `baseDelayMs * 2^(n-1)` (default 500). */
  baseDelayMs?: number;
  /** Longest backoff (default 10 000). A `Retry-After` is capped at `MAX_RETRY_AFTER_MS` (30 s) instead. */
  maxDelayMs?: number;
}

/** {@link RetryOptions} with every default filled in. */
export type RetryPolicy = Required<RetryOptions>;

/** The defaults: 4 attempts, 500 ms base, 10 s cap. */
export const DEFAULT_RETRY: RetryPolicy = Object.freeze({
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
});

/**
 * Reads `Retry-After`: delta seconds or an HTTP date (RFC 9110 §10.2.3). Returns milliseconds, or
 * undefined when absent or unreadable.
 */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
