import { RefreshCoalescer, ZoneRefreshError } from "../../../provider/zone-record/refresh-coalescer";

/** A refresh function whose calls are recorded and answered by the test. */
function controlledRefresh() {
  const calls: { zone: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const refresh = (zone: string) => new Promise<void>((resolve, reject) => calls.push({ zone, resolve, reject }));
  return { calls, refresh };
}

const tick = () => new Promise((r) => setImmediate(r));
async function until(cond: () => boolean) {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 2));
  if (!cond()) throw new Error("condition never met");
}

describe("RefreshCoalescer", () => {
  it("shares one refresh among mutations that complete together", async () => {
    const { calls, refresh } = controlledRefresh();
    const coalescer = new RefreshCoalescer(refresh, { settleMs: 1 });
    const done = Array.from({ length: 20 }, (_, i) => coalescer.run("example.com", async () => i));
    await until(() => calls.length === 1);
    calls[0].resolve();
    expect(await Promise.all(done)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(calls.map((c) => c.zone)).toEqual(["example.com"]);
  });

  it("never runs two refreshes of one zone at once, and a mutation finished meanwhile waits for the next", async () => {
    const { calls, refresh } = controlledRefresh();
    // maxSettleMs: 1, since the second refresh of two mutations is past the quick settle delay's ration.
    const coalescer = new RefreshCoalescer(refresh, { settleMs: 1, maxSettleMs: 1 });
    let firstDone = false;
    let secondDone = false;
    coalescer.run("example.com", async () => 1).then(() => (firstDone = true));
    await until(() => calls.length === 1);
    coalescer.run("example.com", async () => 2).then(() => (secondDone = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toHaveLength(1); // the second waits: a refresh is running
    calls[0].resolve();
    await until(() => firstDone);
    expect(secondDone).toBe(false); // the running refresh started before the second mutation ended
    await until(() => calls.length === 2);
    calls[1].resolve();
    await until(() => secondDone);
  });

  it("refreshes zones independently", async () => {
    const { calls, refresh } = controlledRefresh();
    const coalescer = new RefreshCoalescer(refresh, { settleMs: 1 });
    const a = coalescer.run("a.example", async () => "a");
    const b = coalescer.run("b.example", async () => "b");
    await until(() => calls.length === 2);
    expect(calls.map((c) => c.zone).sort()).toEqual(["a.example", "b.example"]);
    calls.forEach((c) => c.resolve());
    expect(await Promise.all([a, b])).toEqual(["a", "b"]);
  });

  it("waits while mutations of the zone are in flight, then refreshes once", async () => {
    const { calls, refresh } = controlledRefresh();
    const coalescer = new RefreshCoalescer(refresh, { settleMs: 1, maxDelayMs: 10_000 });
    let release!: () => void;
    const slow = coalescer.run("example.com", () => new Promise<string>((r) => (release = () => r("slow"))));
    const fast = coalescer.run("example.com", async () => "fast");
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(0); // "slow" is still in flight
    release();
    await until(() => calls.length === 1);
    calls[0].resolve();
    expect(await Promise.all([slow, fast])).toEqual(["slow", "fast"]);
    expect(calls).toHaveLength(1);
  });

  it("rejects the waiting mutation of a failed refresh with its result, so the caller keeps its id", async () => {
    const { calls, refresh } = controlledRefresh();
    const coalescer = new RefreshCoalescer(refresh, { settleMs: 1 });
    const results = [coalescer.run("example.com", async () => ({ id: 1 })), coalescer.run("example.com", async () => ({ id: 2 }))];
    await until(() => calls.length === 1);
    calls[0].reject(new Error("403 This call has not been granted"));
    const [first, second] = await Promise.allSettled(results);
    // The first was handed off to the second, which waited for the refresh: the failure is reported once.
    expect(first).toEqual({ status: "fulfilled", value: { id: 1 } });
    const reason = (second as PromiseRejectedResult).reason as ZoneRefreshError;
    expect(reason).toBeInstanceOf(ZoneRefreshError);
    expect(reason.mutationResult).toEqual({ id: 2 });
    expect(reason.message).toContain("403 This call has not been granted");
  });

  it("hands off: a completed mutation returns as soon as a later one completes, before any refresh", async () => {
    const { calls, refresh } = controlledRefresh();
    const coalescer = new RefreshCoalescer(refresh, { settleMs: 1, maxDelayMs: 10_000 });
    let release!: () => void;
    let firstDone = false;
    // A slow mutation stays in flight, so no refresh may start; the steps around it must still return.
    const slow = coalescer.run("example.com", () => new Promise<string>((r) => (release = () => r("slow"))));
    const first = coalescer.run("example.com", async () => "first").then((v) => ((firstDone = true), v));
    await new Promise((r) => setTimeout(r, 10));
    expect(firstDone).toBe(false); // the newest completed mutation waits
    const second = coalescer.run("example.com", async () => "second");
    expect(await first).toBe("first"); // handed off to "second"
    expect(calls).toHaveLength(0);
    release();
    await until(() => calls.length === 1);
    calls[0].resolve();
    expect(await Promise.all([slow, second])).toEqual(["slow", "second"]);
  });

  it("starts a refresh every batchSize completed mutations even while others are in flight", async () => {
    const { calls, refresh } = controlledRefresh();
    const coalescer = new RefreshCoalescer(refresh, { settleMs: 1, maxDelayMs: 10_000, batchSize: 5 });
    let release!: () => void;
    const slow = coalescer.run("example.com", () => new Promise<string>((r) => (release = () => r("slow"))));
    const quick = Array.from({ length: 12 }, (_, i) => coalescer.run("example.com", async () => i));
    await until(() => calls.length === 1); // 5 completed: a refresh starts although "slow" is in flight
    calls[0].resolve();
    await until(() => calls.length === 2); // 5 more (the second batch) completed meanwhile
    calls[1].resolve();
    release();
    await until(() => calls.length === 3); // the rest, once the zone is quiet
    calls[2].resolve();
    expect(await Promise.all([slow, ...quick])).toEqual(["slow", ...Array.from({ length: 12 }, (_, i) => i)]);
  });

  it("learns the pace of mutations: ones arriving one after another, slower than settleMs, share one refresh", async () => {
    const calls: string[] = [];
    const coalescer = new RefreshCoalescer(async (zone) => void calls.push(zone), { settleMs: 1, maxDelayMs: 10_000, maxSettleMs: 500 });
    const done: Promise<number>[] = [];
    // As the real engine feeds steps on a busy machine: one at a time, 15 ms apart, each quick.
    for (let i = 0; i < 10; i++) {
      done.push(coalescer.run("example.com", async () => i));
      await new Promise((r) => setTimeout(r, 15));
    }
    expect(await Promise.all(done)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(calls).toEqual(["example.com"]);
  });

  it("does not call the lull after an up's first burst of steps quiet: the pace is not known yet", async () => {
    const calls: string[] = [];
    const coalescer = new RefreshCoalescer(async (zone) => void calls.push(zone), { settleMs: 1, maxDelayMs: 10_000, firstSettleMs: 300 });
    // The engine starts 8 steps at once, then waits for the program to register more: a lull far shorter than
    // the warm-up settle delay, far longer than the burst's learnt pace (gaps near 0 ms).
    const burst = () => Array.from({ length: 8 }, (_, i) => coalescer.run("example.com", async () => i));
    const first = burst();
    await new Promise((r) => setTimeout(r, 30));
    const second = burst();
    await Promise.all([...first, ...second]);
    expect(calls).toEqual(["example.com"]);
  });

  it("does not refresh after a failed mutation", async () => {
    const { calls, refresh } = controlledRefresh();
    const coalescer = new RefreshCoalescer(refresh, { settleMs: 1 });
    await expect(coalescer.run("example.com", async () => { throw new Error("400 bad target"); })).rejects.toThrow("400 bad target");
    await new Promise((r) => setTimeout(r, 10));
    await tick();
    expect(calls).toHaveLength(0);
  });
});

/** A clock and timers the test moves by hand: nothing depends on this machine's speed. */
function manualTime() {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  let set = 0;
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => (set++, timers.push({ at: now + ms, fn }), {}),
    /** How many timers were ever armed. */
    armed: () => set,
    /** Moves the clock to `t`, firing the timers due by then in order. */
    async advance(t: number) {
      for (let fired = 0; ; fired++) {
        if (fired > 100) throw new Error(`more than 100 timers fired before ${t} ms: the coalescer polls`);
        timers.sort((a, b) => a.at - b.at);
        if (!timers.length || timers[0].at > t) break;
        const next = timers.shift()!;
        now = next.at;
        next.fn();
        await tick();
      }
      now = t;
      await tick();
    },
  };
}

describe("RefreshCoalescer as a state machine", () => {
  it("arms no timer but the max-delay one while a mutation is in flight (no polling)", async () => {
    const time = manualTime();
    const { calls, refresh } = controlledRefresh();
    const coalescer = new RefreshCoalescer(refresh, { settleMs: 1, maxDelayMs: 5000, now: time.now, setTimer: time.setTimer });
    let release!: () => void;
    const slow = coalescer.run("example.com", () => new Promise<void>((r) => (release = r)));
    const quick = coalescer.run("example.com", async () => undefined);
    await tick();
    await time.advance(4000);
    expect([time.armed(), calls.length]).toEqual([1, 0]); // one deadline, at 5000 ms, and nothing else
    release();
    await tick();
    await time.advance(4200); // quiet for longer than the settle delay: the refresh starts
    expect(calls).toHaveLength(1);
    calls[0].resolve();
    await Promise.all([slow, quick]);
    expect(coalescer.idle).toBe(true);
  });

  it("never hands off a mutation that asked to wait for its own publication", async () => {
    const time = manualTime();
    const { calls, refresh } = controlledRefresh();
    const coalescer = new RefreshCoalescer(refresh, { settleMs: 10, firstSettleMs: 10, maxDelayMs: 5000, now: time.now, setTimer: time.setTimer });
    const order: string[] = [];
    let release!: () => void;
    const slow = coalescer.run("example.com", () => new Promise<void>((r) => (release = r)));
    const pinned = coalescer.run("example.com", async () => "pinned", { handOff: false }).then(() => order.push("pinned"));
    await tick();
    const later = coalescer.run("example.com", async () => "later").then(() => order.push("later"));
    await tick();
    expect(order).toEqual([]); // a later mutation ended, yet the pinned one still waits
    release();
    await tick();
    await time.advance(100);
    expect(calls).toHaveLength(1);
    order.push("refreshed");
    calls[0].resolve();
    await Promise.all([slow, pinned, later]);
    // "later" was handed off to "slow" when it ended; "pinned" waited for the refresh itself.
    expect(order).toEqual(["later", "refreshed", "pinned"]);
  });
});
