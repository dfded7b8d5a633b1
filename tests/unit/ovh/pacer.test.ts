import { OvhClient } from "../../../provider/ovh/client";
import { resolveCredentials } from "../../../provider/ovh/credentials";
import { Pacer } from "../../../provider/ovh/pacer";
import { type FakeServer, startFakeServer } from "./support/fake-ovh-server";
import { appClient, withAuthTime } from "./support/clients";

/**
 * A virtual clock: `sleep` registers a timer and time jumps to the earliest one once the
 * current microtasks are done, so concurrent sleepers wake in order without real waiting.
 */
function virtualClock(start = 0) {
  let now = start;
  const sleeps: number[] = [];
  const timers: Array<{ until: number; wake: () => void }> = [];
  let scheduled = false;
  const fireNext = () => {
    scheduled = false;
    timers.sort((a, b) => a.until - b.until);
    const next = timers.shift();
    if (!next) return;
    now = Math.max(now, next.until);
    next.wake();
    if (timers.length && !scheduled) {
      scheduled = true;
      setImmediate(fireNext);
    }
  };
  return {
    now: () => now,
    sleeps,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        sleeps.push(ms);
        timers.push({ until: now + ms, wake });
        if (!scheduled) {
          scheduled = true;
          setImmediate(fireNext);
        }
      }),
  };
}

describe("Pacer", () => {
  it("spaces requests evenly at the configured rate, burst 1", async () => {
    const clock = virtualClock(1000);
    const pacer = new Pacer({ requestsPerSecond: 2, now: clock.now, sleep: clock.sleep });
    const startedAt: number[] = [];
    await Promise.all([1, 2, 3, 4].map(() => pacer.run(async () => startedAt.push(clock.now()))));
    expect(startedAt).toEqual([1000, 1500, 2000, 2500]);
    expect(clock.sleeps).toEqual([500, 1000, 1500]);
  });

  it("does not wait when requests are already further apart than the interval", async () => {
    const clock = virtualClock(0);
    const pacer = new Pacer({ requestsPerSecond: 4, now: clock.now, sleep: clock.sleep });
    await pacer.run(async () => undefined);
    await clock.sleep(1000);
    clock.sleeps.length = 0;
    await pacer.run(async () => undefined);
    expect(clock.sleeps).toEqual([]);
  });

  it("caps the work in flight and releases slots on failure", async () => {
    const pacer = new Pacer({ maxInFlight: 2 });
    let running = 0;
    let peak = 0;
    const work = async (fail: boolean) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      if (fail) throw new Error("boom");
    };
    const results = await Promise.allSettled([true, false, true, false, false, false].map((f) => pacer.run(() => work(f))));
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
    expect(peak).toBe(2);
    expect(pacer.inFlight).toBe(0);
  });

  it("refuses a non-positive rate or cap", () => {
    expect(() => new Pacer({ requestsPerSecond: 0 })).toThrow("requestsPerSecond must be positive, got 0");
    expect(() => new Pacer({ maxInFlight: 0 })).toThrow("maxInFlight must be at least 1, got 0");
  });
});

describe("OvhClient pacing", () => {
  let server: FakeServer;
  let client: OvhClient;
  afterEach(async () => {
    client?.close();
    await server?.close();
  });

  it("never has more than maxInFlight requests at the server", async () => {
    let pending: Array<() => void> = [];
    let atServer = 0;
    let peak = 0;
    server = await startFakeServer(
      withAuthTime(async () => {
        atServer++;
        peak = Math.max(peak, atServer);
        // Hold requests until the cap is reached, then a little longer so that extra ones could arrive.
        await new Promise<void>((resolve) => {
          pending.push(resolve);
          if (pending.length === 2) {
            const batch = pending;
            pending = [];
            setTimeout(() => batch.forEach((r) => r()), 20);
          }
        });
        atServer--;
        return { status: 200, body: [] };
      }),
    );
    ({ client } = appClient(server, { pacing: { maxInFlight: 2 } }));
    await Promise.all([1, 2, 3, 4, 5, 6].map((i) => client.get(`/domain/zone/z${i}.com`)));
    expect(peak).toBe(2);
    expect(client.stats.requestsSent).toBe(7);
  });

  it("spaces requests by apiRateLimit with an injected clock", async () => {
    server = await startFakeServer(withAuthTime(() => ({ status: 200, body: [] })));
    const clock = virtualClock(1_457_018_875_000);
    ({ client } = appClient(server, { now: clock.now, sleep: clock.sleep, pacing: { requestsPerSecond: 5 } }));
    for (const zone of ["a", "b", "c"]) await client.get(`/domain/zone/${zone}.com`);
    // /auth/time goes first, then each call 200 ms after the previous one.
    expect(clock.sleeps).toEqual([200, 200, 200]);
    expect(server.requests.map((r) => r.headers["x-ovh-timestamp"])).toEqual([undefined, "1457018875", "1457018875", "1457018875"]);
  });

  it("takes the rate from credentials.apiRateLimit", async () => {
    server = await startFakeServer(withAuthTime(() => ({ status: 200, body: [] })));
    const clock = virtualClock(0);
    client = new OvhClient({
      credentials: resolveCredentials({ explicit: { endpoint: server.baseUrl, accessToken: "tok-abcdef", apiRateLimit: 2 }, env: {}, confFiles: [] }),
      now: clock.now,
      sleep: clock.sleep,
    });
    await client.get("/a");
    await client.get("/b");
    expect(clock.sleeps).toEqual([500]);
  });
});
