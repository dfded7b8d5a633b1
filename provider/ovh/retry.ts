import { OvhApiError, OvhAuthSetupError, OvhNetworkError } from "./errors";

/** When and how the client retries. */
export interface RetryOptions {
  /** Attempts in total, first one included (default 4). 1 disables retries. */
  maxAttempts?: number;
  /** Backoff base: the n-th retry waits up to `baseDelayMs * 2^(n-1)` (default 500). */
  baseDelayMs?: number;
  /** Longest backoff (default 10 000). */
  maxDelayMs?: number;
  /** Longest wait a `Retry-After` header can impose (default 30 000); longer values are capped. */
  maxRetryAfterMs?: number;
}

/** {@link RetryOptions} with every default filled in. */
export type RetryPolicy = Required<RetryOptions>;

/** The defaults: 4 attempts, 500 ms base, 10 s cap, Retry-After capped at 30 s. */
export const DEFAULT_RETRY: RetryPolicy = Object.freeze({
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 30_000,
});

/**
 * Methods the client may send twice. A POST is never sent twice: if its outcome is ambiguous the
 * caller decides (ky retries only idempotent methods; python-ovh maintainers drew the same line in
 * PR #69, ANCHORS b.9).
 */
export function isRetryableMethod(method: string): boolean {
  return ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"].includes(method.toUpperCase());
}

/**
 * Network errors, 408, 429 and 5xx are worth another try; other 4xx are not (ANCHORS b.9). A
 * transient failure to get an OAuth2 token is too; a failed `/auth/time` was already retried.
 */
export function isRetryableError(err: unknown): boolean {
  if (err instanceof OvhAuthSetupError) return err.retryable;
  if (err instanceof OvhNetworkError) return true;
  if (err instanceof OvhApiError) return err.status === 408 || err.status === 429 || err.status >= 500;
  return false;
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
 * The wait before retry number `retry` (1 for the first retry). A server's `Retry-After` is
 * authoritative (capped by `maxRetryAfterMs`); otherwise exponential backoff with full jitter:
 * a uniform draw in `[0, min(maxDelayMs, baseDelayMs * 2^(retry-1)))`.
 */
export function computeRetryDelayMs(retry: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}
