/**
 * One zone refresh, retried while it is safe to: a refresh is idempotent, so unlike a record POST it may be
 * sent again after a 409 (a refresh of the zone is already running: SPEC.md §5), a 429, a 5xx or a network
 * error. Any other failure (403 without the refresh right, 404 zone) is returned at once, with the API's
 * message: never swallowed (ANCHORS.md (c) 1).
 */
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

/** True when sending the same refresh again is the right answer to `err`. */
export function isRetryableRefreshError(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const status = (err as { status?: unknown }).status;
  if (typeof status === "number") return status === 409 || status === 429 || status >= 500;
  // No HTTP status: a network failure (reset, timeout, refused).
  return (err as { name?: unknown }).name === "OvhNetworkError";
}

function retryAfterMs(err: unknown): number | undefined {
  const value = (err as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof value === "number" && value >= 0 ? value : undefined;
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
      const backoff = Math.min(5000, baseDelayMs * 2 ** (attempt - 1));
      await sleep(retryAfterMs(err) ?? backoff);
    }
  }
}
