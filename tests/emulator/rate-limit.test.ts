import { startEmulator } from "../../emulator";
import { RateLimiter } from "../../emulator/rate-limit";
import { ApiError } from "../../emulator/errors";
import { manualClock, ovhCall } from "./helpers/ovh-call";

function retryAfterOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as ApiError).headers["Retry-After"];
  }
}

describe("emulator rate limit (token bucket)", () => {
  test("holds perMinute/6 (rounded up) by default and refills perMinute/60 per second", () => {
    const limiter = new RateLimiter({ perMinute: 61 });
    for (let i = 0; i < 11; i++) limiter.take("ck", 0);
    expect(retryAfterOf(() => limiter.take("ck", 0))).toBe("1");
    expect(retryAfterOf(() => limiter.take("ck", 1000))).toBeUndefined();
  });

  test("computes Retry-After from the refill rate", () => {
    const limiter = new RateLimiter({ perMinute: 6, burst: 1 });
    limiter.take("ck", 0);
    expect(retryAfterOf(() => limiter.take("ck", 0))).toBe("10");
    expect(retryAfterOf(() => limiter.take("ck", 4000))).toBe("6");
  });

  test("answers 429 Client::TooManyRequests with Retry-After per consumer key, applying nothing", async () => {
    const clock = manualClock();
    const emu = await startEmulator({
      now: clock.now,
      zones: { "example.com": [] },
      rateLimit: { perMinute: 60, burst: 2 },
      defaultCredentials: { applicationKey: "AK", applicationSecret: "AS" },
      consumerKeys: [{ consumerKey: "OTHER", applicationKey: "AK" }],
    });
    const ts = () => ({ timestamp: clock.seconds() });
    try {
      expect((await ovhCall(emu, "GET", "/domain/zone", ts())).status).toBe(200);
      expect((await ovhCall(emu, "GET", "/domain/zone", ts())).status).toBe(200);
      const limited = await ovhCall(emu, "POST", "/domain/zone/example.com/record", {
        ...ts(),
        body: { fieldType: "A", target: "192.0.2.1" },
      });
      expect([limited.status, limited.headers.get("retry-after"), (limited.json as { class: string }).class]).toEqual([
        429, "1", "Client::TooManyRequests",
      ]);
      expect(emu.zone("example.com").records).toEqual([]);
      expect(emu.count({ outcome: "rate-limited" })).toBe(1);
      expect((await ovhCall(emu, "GET", "/domain/zone", { ...ts(), consumerKey: "OTHER" })).status).toBe(200);
      expect((await ovhCall(emu, "GET", "/auth/time", { unsigned: true })).status).toBe(200);
      clock.advance(1000);
      expect((await ovhCall(emu, "GET", "/domain/zone", ts())).status).toBe(200);
    } finally {
      await emu.close();
    }
  });
});
