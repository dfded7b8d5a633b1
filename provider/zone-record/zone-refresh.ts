/**
 * One zone refresh, retried while it is safe to: a refresh is idempotent, so unlike a record POST it may be
 * sent again after a 409 (a refresh of the zone is already running: docs/ovh-api-client.md), a 429, a 5xx or a network
 * error. Any other failure (403 without the refresh right, 404 zone) is returned at once, with the API's
 * message: never swallowed (terraform-provider-ovh only logs a failed refresh).
 */
import { classifyFailure } from "../ovh/outcome";
import type { ZoneApi } from "./zone-api";

/** Bounds of the refresh retries. */
export interface RefreshRetryOptions {
  /** Attempts in all, the first included. Default 8. */
  attempts?: number;
  /** First delay between attempts (ms); doubles each time, capped at 5 s. Default 200. */
  baseDelayMs?: number;
  /** Sleep, injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * True when sending the same refresh again is the right answer to `err`: whatever the client would retry
 * (429, 5xx, network errors: outcome.ts), and 409, the refresh of this zone already running.
 */
function isRetryableRefreshError(err: unknown): boolean {
  return classifyFailure(err).retryable || (typeof err === "object" && err !== null && (err as { status?: unknown }).status === 409);
}

/** Refreshes `zoneName`, retrying the failures after which a refresh may safely be sent again. */
export async function refreshZoneWithRetry(
  api: ZoneApi,
  zoneName: string,
  options: RefreshRetryOptions = {},
): Promise<void> {
  const attempts = options.attempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 200;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      await api.refreshZone(zoneName);
      return;
    } catch (err) {
      if (attempt >= attempts || !isRetryableRefreshError(err)) throw err;
      // Retry-After (capped) when the server gave one, else a doubling wait (a 409 clears when the running
      // refresh ends); after a 429 the client already paused every call, so no second wait.
      const outcome = classifyFailure(err);
      if (!outcome.throttled) await sleep(outcome.retryAfterMs ?? Math.min(5000, baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}
