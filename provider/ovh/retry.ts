import { MAX_RETRY_AFTER_MS, backoffDelayMs, classifyFailure, isIdempotentMethod } from "./outcome";

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
 * Methods the client may send twice whatever the failure. A POST is sent again only when it was certainly not
 * applied (see `mayResend` in outcome.ts): ky retries only idempotent methods, and python-ovh's maintainers drew
 * the same line (docs/ovh-api-client.md).
 */
export function isRetryableMethod(method: string): boolean {
  return isIdempotentMethod(method);
}

/** Network errors, 408, 429 and 5xx are worth another try; other 4xx are not (`classifyFailure`). */
export function isRetryableError(err: unknown): boolean {
  return classifyFailure(err).retryable;
}

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

/**
 * The wait before retry number `retry` (1 for the first retry): the server's `Retry-After` when there is one
 * (capped at 30 s, one cap everywhere), else exponential backoff with full jitter (`backoffDelayMs`).
 */
export function computeRetryDelayMs(retry: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  return backoffDelayMs(retry, policy, random);
}
