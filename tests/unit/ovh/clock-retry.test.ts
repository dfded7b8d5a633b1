import { ServerClock } from "../../../provider/ovh/clock";
import { backoffDelayMs, isIdempotentMethod } from "../../../provider/ovh/outcome";
import { DEFAULT_RETRY, parseRetryAfterMs } from "../../../provider/ovh/retry";

describe("ServerClock", () => {
  it("adds the offset measured once to the local clock", async () => {
    let now = 1_000_000_500;
    const fetch = jest.fn(async () => 1_003_600);
    const clock = new ServerClock(fetch, () => now);
    expect(await clock.timestamp()).toBe(1_003_600);
    now += 61_000;
    expect(await clock.timestamp()).toBe(1_003_661);
    expect(await clock.offsetSeconds()).toBe(3600);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("shares one fetch between concurrent first callers", async () => {
    let release: (t: number) => void = () => undefined;
    const fetch = jest.fn(() => new Promise<number>((resolve) => (release = resolve)));
    const clock = new ServerClock(fetch, () => 0);
    const all = Promise.all([clock.timestamp(), clock.timestamp(), clock.timestamp()]);
    release(42);
    expect(await all).toEqual([42, 42, 42]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("does not cache a failure", async () => {
    const fetch = jest.fn().mockRejectedValueOnce(new Error("down")).mockResolvedValueOnce(10);
    const clock = new ServerClock(fetch, () => 0);
    await expect(clock.timestamp()).rejects.toThrow("down");
    expect(await clock.timestamp()).toBe(10);
  });

  it("refuses an answer that is not an integer", async () => {
    await expect(new ServerClock(async () => "soon", () => 0).timestamp()).rejects.toThrow('GET /auth/time returned "soon", not a Unix timestamp.');
  });
});

describe("retry policy", () => {
  it("retries GET, PUT and DELETE, never POST", () => {
    expect(["GET", "put", "DELETE", "POST", "PATCH"].map(isIdempotentMethod)).toEqual([true, true, true, false, false]);
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2024-05-26T10:00:00Z");
    expect(parseRetryAfterMs("120", now)).toBe(120_000);
    expect(parseRetryAfterMs("Sun, 26 May 2024 10:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfterMs("Sun, 26 May 2024 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfterMs("soon", now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });

  it("uses full jitter under an exponential ceiling capped at maxDelayMs", () => {
    const top = () => 0.999;
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelayMs(n, DEFAULT_RETRY, top))).toEqual([499, 999, 1998, 3996, 7992, 9990, 9990]);
    expect(backoffDelayMs(3, DEFAULT_RETRY, () => 0)).toBe(0);
  });

  it("lets Retry-After override the backoff (capped at 30 s when read: tests/unit/ovh/outcome.test.ts)", () => {
    const outcome = { applied: "not-applied", retryable: true, throttled: false, renewToken: false, clockSkew: false, retryAfterMs: 4000 } as const;
    expect(backoffDelayMs(1, DEFAULT_RETRY, () => 0.5, outcome)).toBe(4000);
  });
});
