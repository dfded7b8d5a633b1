/**
 * What a failed call means: the one place that reads an error of this package and says whether the call
 * was applied, whether sending it again may help, and how long to wait first. The client's retry loop,
 * `ovhErrorOutcome`, the record create and the zone refresh all ask here (docs/ovh-api-client.md).
 */
import { OvhApiError, OvhAuthSetupError, OvhConfigError, OvhNetworkError, OvhResponseError } from "./errors";

/** Whether the server applied a failed call. */
export type Applied = "applied" | "not-applied" | "unknown";

/** What a failed call means, for the server's state and for the next attempt. */
export interface CallOutcome {
  /**
   * - `"applied"`: made, but its answer could not be read (a 2xx whose body is not JSON);
   * - `"not-applied"`: certainly not made (a 4xx, 429 included; a connection that failed before the
   *   request was written; a call whose authentication could not be prepared);
   * - `"unknown"`: may or may not have been made (5xx, 408, a network error after sending, anything else).
   */
  applied: Applied;
  /** Whether the same call may succeed if sent again (for a POST only when `applied` is `"not-applied"`). */
  retryable: boolean;
  /** A 429: the whole client pauses, not only this call. */
  throttled: boolean;
  /** The server's `Retry-After`, capped at {@link MAX_RETRY_AFTER_MS}. */
  retryAfterMs?: number;
  /** A 401 on a bearer token: drop the token and try once more with a fresh one. */
  renewToken: boolean;
  /** `Query out of time`: the clock offset is stale; sync it again and try once more. */
  clockSkew: boolean;
}

/** The longest wait a `Retry-After` can impose, everywhere in this package: longer values are capped. */
export const MAX_RETRY_AFTER_MS = 30_000;

/** Reads any error thrown by the client (or by a transport or a caller) into a {@link CallOutcome}. */
export function classifyFailure(err: unknown): CallOutcome {
  const base: CallOutcome = { applied: "unknown", retryable: false, throttled: false, renewToken: false, clockSkew: false };
  if (err instanceof OvhApiError) return { ...base, ...apiOutcome(err) };
  if (err instanceof OvhNetworkError) return { ...base, applied: err.mayHaveBeenApplied ? "unknown" : "not-applied", retryable: true };
  if (err instanceof OvhResponseError) return { ...base, applied: "applied" };
  if (err instanceof OvhAuthSetupError) return { ...base, applied: "not-applied", retryable: err.retryable };
  if (err instanceof OvhConfigError) return { ...base, applied: "not-applied" };
  return base;
}

function apiOutcome(err: OvhApiError): Partial<CallOutcome> {
  const retryAfterMs = err.retryAfterMs === undefined ? undefined : Math.min(err.retryAfterMs, MAX_RETRY_AFTER_MS);
  if (err.status === 429) return { applied: "not-applied", retryable: true, throttled: true, retryAfterMs };
  if (err.status === 408 || err.status >= 500) return { applied: "unknown", retryable: true, retryAfterMs };
  if (err.status < 400) return { applied: "unknown" };
  if (isQueryOutOfTime(err)) return { applied: "not-applied", clockSkew: true };
  // A request refused at authentication changed nothing. Only a bearer token can expire mid-run (OAuth2);
  // an application key's 401 (invalid or revoked consumer key) does not heal by itself.
  return { applied: "not-applied", renewToken: err.status === 401 };
}

/** `400 Query out of time` (`QUERY_TIME_OUT`): the signed timestamp was outside the API's tolerance. */
function isQueryOutOfTime(err: OvhApiError): boolean {
  return err.errorCode === "QUERY_TIME_OUT" || /query out of time/i.test(err.apiMessage);
}

/** Methods whose effect is the same when sent twice. */
export function isIdempotentMethod(method: string): boolean {
  return ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"].includes(method.toUpperCase());
}

/**
 * Whether `method` may be sent again after a failure read as `outcome`: an idempotent call when the failure
 * is retryable; any call, a POST included, when it was certainly not applied and is retryable.
 */
export function mayResend(outcome: CallOutcome, method: string): boolean {
  if (!outcome.retryable) return false;
  return isIdempotentMethod(method) || outcome.applied === "not-applied";
}

/** Backoff tuning for {@link backoffDelayMs}. */
export interface BackoffPolicy {
  /** The n-th retry waits up to `baseDelayMs * 2^(n-1)`. */
  baseDelayMs: number;
  /** Longest backoff. */
  maxDelayMs: number;
}

/**
 * The wait before retry number `retry` (1 for the first). A server's `Retry-After` is authoritative (capped,
 * see {@link MAX_RETRY_AFTER_MS}); otherwise exponential backoff with full jitter: a uniform draw in
 * `[0, min(maxDelayMs, baseDelayMs * 2^(retry-1)))`.
 */
export function backoffDelayMs(retry: number, policy: BackoffPolicy, random: () => number, outcome?: CallOutcome): number {
  if (outcome?.retryAfterMs !== undefined) return outcome.retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (Math.max(1, retry) - 1));
  return Math.floor(random() * ceiling);
}

/**
 * What a failed call means for the server's state, in three words: `"not-applied"`, `"unknown"`, or
 * `"applied-error"` (applied, but its answer could not be read). A reading of {@link classifyFailure}.
 */
export function ovhErrorOutcome(err: unknown): "not-applied" | "unknown" | "applied-error" {
  const { applied } = classifyFailure(err);
  return applied === "applied" ? "applied-error" : applied;
}
