/**
 * Server-side rate limit per consumer key or OAuth2 client. OVH's is undocumented (docs/ovh-api.md §7:
 * "not over 60 req/min by consumer key"); the emulator uses a token bucket.
 */
import { ApiError } from "./errors";
import type { RateLimitOptions } from "./options";

interface Bucket {
  tokens: number;
  at: number;
}

/** A token bucket per key: capacity `burst`, refilled at `perMinute / 60` tokens per second. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(options: RateLimitOptions) {
    if (!(options.perMinute > 0)) throw new Error("rateLimit.perMinute must be a positive number");
    this.capacity = options.burst ?? Math.ceil(options.perMinute / 6);
    this.perMs = options.perMinute / 60_000;
  }

  /** Takes a token for `key` at `now`, or throws 429 with the seconds until one is free. */
  take(key: string, now: number): void {
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return;
    }
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
    throw new ApiError(429, `Rate limit exceeded (${Math.round(this.perMs * 60_000)} requests per minute), retry in ${retryAfter} s`, {
      headers: { "Retry-After": String(retryAfter) },
    });
  }
}
