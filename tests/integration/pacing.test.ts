/**
 * Client-side pacing against the emulator's server-side token bucket (docs/ovh-api.md §7: OVH's limit is
 * undocumented; the emulator's is a guess). The figures are printed, never asserted as timings.
 */
import { type Emulator, startEmulator } from "../../emulator";
import { appClient, type TestClientOptions } from "./support";

const CALLS = 40;
// 10 requests per second. The bucket holds 10 (the default would hold 100, more than this burst),
// so an unpaced burst of 40 must overflow it while a client paced at 10/s never does.
const RATE_LIMIT = { perMinute: 600, burst: 10 };

describe("pacing against the emulator's rate limit", () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await startEmulator({ rateLimit: RATE_LIMIT, zones: { "example.com": [] } });
  });
  afterEach(() => emu.close());

  async function burst(options: TestClientOptions): Promise<{ results: unknown[]; elapsedMs: number; stats: object }> {
    // Real waits: pacing and Retry-After are the point here. 8 attempts leave room for a slow machine.
    const { client } = appClient(emu, {}, { realSleep: true, retry: { maxAttempts: 8 }, ...options });
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: CALLS }, () => client.get("/domain/zone")));
    const elapsedMs = Math.round(performance.now() - started);
    client.close();
    return { results, elapsedMs, stats: client.stats };
  }

  function figures(name: string, run: { elapsedMs: number; stats: object }): void {
    const served = emu.count({ path: "/domain/zone", status: 200 });
    const throttled = emu.count({ status: 429 });
    console.log(
      `${name}: ${CALLS} GETs in ${run.elapsedMs} ms (${((served * 1000) / run.elapsedMs).toFixed(1)} req/s served), ` +
        `${throttled} answered 429 by the emulator; client stats ${JSON.stringify(run.stats)}`,
    );
  }

  it("a client paced at 10 requests/s gets no 429 from a 600/min limit", async () => {
    const run = await burst({ pacing: { requestsPerSecond: 10 } });
    figures("paced at 10/s", run);
    expect(run.results).toEqual(Array(CALLS).fill(["example.com"]));
    expect(emu.count({ status: 429 })).toBe(0);
    expect(emu.count({ path: "/domain/zone" })).toBe(CALLS);
    expect(run.stats).toMatchObject({ throttled: 0, retries: 0, requestsSent: CALLS + 1 });
  });

  it("an unpaced burst is throttled, and every 429 is absorbed by a retry after Retry-After", async () => {
    const run = await burst({});
    figures("unpaced", run);
    expect(run.results).toEqual(Array(CALLS).fill(["example.com"]));
    const throttled = emu.count({ status: 429, outcome: "rate-limited" });
    expect(throttled).toBeGreaterThan(0);
    expect(emu.count({ path: "/domain/zone", status: 200 })).toBe(CALLS);
    expect(run.stats).toMatchObject({ throttled, throttledRetried: throttled, retries: throttled, requestsSent: CALLS + 1 + throttled });
  });
});
