import { ZoneRecordError } from "../records";

/**
 * Coalesced zone refresh.
 *
 * OVH applies record changes only after `POST /domain/zone/{zone}/refresh`, and refuses a second refresh of a
 * zone while one runs (docs/ovh-api-client.md; terraform-provider-ovh #76). terraform-provider-ovh refreshes after
 * every record and only logs the failures (its issues #76 and #275), so records silently never resolve. Here each
 * zone is a small state machine, driven by four events and nothing else:
 *
 *   mutation started -> mutation ended (ok: it becomes a waiter) -> timer fired -> refresh ended (ok or failed)
 *
 * State per zone: `inFlight` mutations, `waiters` (ended mutations waiting for a refresh that starts after they
 * ended), `refreshing` (one refresh running), at most one armed `timer` deadline, and the pace of mutations.
 *
 * Invariants, after every event:
 * 1. At most one refresh of a zone runs at a time.
 * 2. A waiter is resolved only by the success of a refresh that started after its mutation ended, or, unless it
 *    asked to wait for its own (`handOff: false`), when a later mutation of the zone ended: the later one waits
 *    for a refresh that publishes both (the hand-off). A failed refresh rejects exactly the waiters of its batch.
 * 3. The newest waiter is never handed off, so while any change is unpublished, some waiter waits for it.
 * 4. With waiters and no refresh running, a refresh starts at once when no mutation is in flight and none started
 *    or ended for the settle delay, or, within the ration below, when `batchSize` mutations ended since the last
 *    one started or the oldest waiter has waited `maxDelayMs`; otherwise a timer is armed for the earliest of
 *    those deadlines that no event will reach first. Nothing polls: with mutations in flight only the `maxDelayMs`
 *    deadline is armed (none past the ration), since the end of a mutation re-evaluates.
 *
 * Why the hand-off and the learnt settle delay: Pulumi's engine runs at most `--parallel` steps at once (8 by
 * default here: docs/pulumi-cli.md); if every step waited for its own refresh, 200 creates would take 25
 * refreshes. The settle delay adapts to the pace at which mutations arrive (three times the recent mean gap,
 * between `settleMs` and `maxSettleMs`; at least `firstSettleMs` until `warmupMutations` started), because under
 * the real engine on a busy machine the next step can come hundreds of milliseconds after the last, and an `up`
 * opens with a burst of steps then a lull while the program registers more (measured: `npm run bench:cli`).
 * A learnt delay still misreads a lull the machine makes (the engine starved of CPU by other work) as the end of
 * the steps, so refreshes are rationed: a refresh may start before the command's end (on the quick settle delay,
 * a batch, or `maxDelayMs`) only while the zone's refreshes, it and one more (the last of the command) stay within
 * ceil(M / batchSize) + 1 for the M mutations ended so far, the count the bench holds an `up` of M records to.
 * Past that ration only `maxSettleMs` of quiet, which may be the end, starts one. An engine pause longer than that
 * (at 1,000 records the real engine paused for over a second now and then) still costs a refresh, since nothing
 * tells it from the end; the ration then defers the next batch until the mutations that follow make room for it,
 * so the count stays within ceil(M / batchSize) + 1 when enough mutations (up to 2 × batchSize) follow the pause.
 * (A quiet learnt from the longest pause seen was tried and dropped: a chain of dependent steps, each waiting for
 * its own refresh, taught it its own waits, and each step then waited longer than the one before.)
 * A step that others depend on before the end of the `up` (an ACME DNS-01 challenge) asks for `handOff: false`
 * (ZoneRecord's `waitUntilPublished`): it returns only once a refresh covering it succeeded.
 */

/** Runs one refresh of a zone; rejects when the refresh failed. */
export type RefreshZone = (zoneName: string) => Promise<void>;

/** Tuning of {@link RefreshCoalescer}. */
export interface RefreshCoalescerOptions {
  /** How long the zone must stay without a mutation in flight before a refresh starts (ms). Default 30. */
  settleMs?: number;
  /** The longest a completed mutation waits for its refresh to start while others run, within the ration (ms). Default 2000. */
  maxDelayMs?: number;
  /** Mutations completed since the last refresh started that start a new one at once. Default 50. */
  batchSize?: number;
  /** The longest settle delay, however slowly mutations arrive (ms). Default 1000. */
  maxSettleMs?: number;
  /** The least settle delay until the pace is known: until `warmupMutations` have started (ms). Default 100. */
  firstSettleMs?: number;
  /** Mutations of a zone before its learnt pace alone sets the settle delay. Default 16. */
  warmupMutations?: number;
  /** Timer, injectable for tests. */
  setTimer?: (fn: () => void, ms: number) => { unref?: () => void };
  /** Clock in ms, injectable for tests. */
  now?: () => number;
}

/** How one mutation waits. */
export interface RunOptions {
  /** `false`: return only once a refresh covering this mutation succeeded, never by hand-off. Default `true`. */
  handOff?: boolean;
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
  since: number;
  handOff: boolean;
}

interface ZoneQueue {
  inFlight: number;
  waiters: Waiter[];
  refreshing: boolean;
  /** The deadline of the armed timer, if one is armed (ms). */
  timerAt?: number;
  /** Mutations ended since the last refresh started. */
  sinceRefresh: number;
  /** When a mutation last started or ended (ms). */
  lastActivity: number;
  /** Mutations started so far, when the last one started, and the moving mean of the gaps between starts (ms). */
  startedCount: number;
  lastStart?: number;
  meanGap?: number;
  /** Mutations that ended well (each made a waiter), and refreshes started, in this process's life. */
  succeeded: number;
  refreshes: number;
}

/** Batches the zone refreshes that the record mutations of one provider process need. */
export class RefreshCoalescer {
  private readonly zones = new Map<string, ZoneQueue>();
  private readonly settleMs: number;
  private readonly maxDelayMs: number;
  private readonly batchSize: number;
  private readonly maxSettleMs: number;
  private readonly firstSettleMs: number;
  private readonly warmupMutations: number;
  private readonly setTimer: NonNullable<RefreshCoalescerOptions["setTimer"]>;
  private readonly now: () => number;

  constructor(private readonly refreshZone: RefreshZone, options: RefreshCoalescerOptions = {}) {
    this.settleMs = options.settleMs ?? 30;
    this.maxDelayMs = options.maxDelayMs ?? 2000;
    this.batchSize = options.batchSize ?? 50;
    this.maxSettleMs = Math.max(this.settleMs, options.maxSettleMs ?? 1000);
    this.firstSettleMs = Math.min(this.maxSettleMs, Math.max(this.settleMs, options.firstSettleMs ?? 100));
    this.warmupMutations = options.warmupMutations ?? 16;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.now = options.now ?? Date.now;
  }

  /**
   * Runs `mutation` (a POST, PUT or DELETE on the zone) and resolves with its result once it is published, as
   * invariant 2 says. When the mutation fails, nothing waits for a refresh. When the refresh fails, the returned
   * promise rejects with a {@link ZoneRefreshError} carrying the mutation's result, so that the caller can keep
   * track of what was changed.
   */
  async run<T>(zoneName: string, mutation: () => Promise<T>, options: RunOptions = {}): Promise<T> {
    const queue = this.queueOf(zoneName);
    this.started(queue);
    let result: T;
    try {
      result = await mutation();
    } catch (err) {
      this.ended(zoneName, queue);
      throw err;
    }
    try {
      await new Promise<void>((resolve, reject) => this.ended(zoneName, queue, { resolve, reject, since: this.now(), handOff: options.handOff ?? true }));
    } catch (err) {
      throw new ZoneRefreshError(zoneName, err, result);
    }
    return result;
  }

  /** Whether every zone is idle: nothing in flight, nothing waiting, no refresh running. */
  get idle(): boolean {
    return [...this.zones.values()].every((q) => q.inFlight === 0 && q.waiters.length === 0 && !q.refreshing);
  }

  private queueOf(zoneName: string): ZoneQueue {
    let queue = this.zones.get(zoneName);
    if (!queue) {
      queue = { inFlight: 0, waiters: [], refreshing: false, sinceRefresh: 0, startedCount: 0, lastActivity: this.now(), succeeded: 0, refreshes: 0 };
      this.zones.set(zoneName, queue);
    }
    return queue;
  }

  /** Event: a mutation started. Counts it in and learns the pace at which they arrive. */
  private started(queue: ZoneQueue): void {
    const now = this.now();
    if (queue.lastStart !== undefined) {
      const gap = now - queue.lastStart;
      queue.meanGap = queue.meanGap === undefined ? gap : 0.7 * queue.meanGap + 0.3 * gap;
    }
    queue.lastStart = now;
    queue.startedCount += 1;
    queue.lastActivity = now;
    queue.inFlight += 1;
  }

  /** Event: a mutation ended; when it succeeded, `waiter` waits for its publication (and earlier ones may go). */
  private ended(zoneName: string, queue: ZoneQueue, waiter?: Waiter): void {
    queue.inFlight -= 1;
    queue.lastActivity = this.now();
    if (waiter) {
      // Invariant 2: every earlier waiter that allows it is covered by the refresh this one will wait for.
      const kept = queue.waiters.filter((w) => !w.handOff);
      for (const w of queue.waiters) if (w.handOff) w.resolve();
      queue.waiters = [...kept, waiter];
      queue.sinceRefresh += 1;
      queue.succeeded += 1;
    }
    this.evaluate(zoneName, queue);
  }

  /**
   * The ration: whether a refresh started now, before the command's end, leaves room for one more (the command's
   * last) within ceil(M / batchSize) + 1 refreshes, whatever M (mutations ended) turns out to be: if more
   * mutations follow, M grows by at least one, so this refresh and the last fit when
   * refreshes + 1 <= ceil((M + 1) / batchSize).
   */
  private withinRation(queue: ZoneQueue): boolean {
    return queue.refreshes + 1 <= Math.ceil((queue.succeeded + 1) / this.batchSize);
  }

  /** How long the zone must stay quiet before a refresh starts. */
  private settleOf(queue: ZoneQueue): number {
    if (!this.withinRation(queue)) return this.maxSettleMs;
    if (queue.meanGap === undefined) return this.firstSettleMs;
    const learnt = Math.min(this.maxSettleMs, Math.max(this.settleMs, 3 * queue.meanGap));
    return queue.startedCount < this.warmupMutations ? Math.max(this.firstSettleMs, learnt) : learnt;
  }

  /** Invariant 4: starts the refresh when one is due, else arms the timer for the next deadline. */
  private evaluate(zoneName: string, queue: ZoneQueue): void {
    if (queue.refreshing || queue.waiters.length === 0) return;
    const now = this.now();
    const rationed = this.withinRation(queue);
    // Past the ration, neither a batch nor the longest wait starts a refresh: only a quiet that may be the end.
    const maxDelayAt = rationed ? queue.waiters[0].since + this.maxDelayMs : Infinity;
    const quietAt = queue.lastActivity + this.settleOf(queue);
    const due = (rationed && queue.sinceRefresh >= this.batchSize) || now >= maxDelayAt || (queue.inFlight === 0 && now >= quietAt);
    if (due) return this.startRefresh(zoneName, queue);
    const at = queue.inFlight === 0 ? Math.min(quietAt, maxDelayAt) : maxDelayAt;
    if (at !== Infinity) this.armTimer(zoneName, queue, at);
  }

  /** Arms the zone's one timer for `at`, unless one that fires no later is armed already. */
  private armTimer(zoneName: string, queue: ZoneQueue, at: number): void {
    if (queue.timerAt !== undefined && queue.timerAt <= at) return;
    queue.timerAt = at;
    const timer = this.setTimer(() => {
      // A later timer may have been armed meanwhile; this one only re-evaluates (events are idempotent).
      if (queue.timerAt === at) queue.timerAt = undefined;
      this.evaluate(zoneName, queue);
    }, Math.max(0, at - this.now()));
    timer.unref?.();
  }

  private startRefresh(zoneName: string, queue: ZoneQueue): void {
    const batch = queue.waiters;
    queue.waiters = [];
    queue.sinceRefresh = 0;
    queue.refreshes += 1;
    queue.refreshing = true;
    this.refreshZone(zoneName).then(
      () => batch.forEach((w) => w.resolve()),
      (err) => batch.forEach((w) => w.reject(err)),
    ).finally(() => {
      // Event: the refresh ended. The steps it returned free the engine's slots, so the quiet that tells the
      // end of the command is counted from here, not from the last mutation (the refresh may have taken long).
      queue.refreshing = false;
      if (batch.length > 0) queue.lastActivity = this.now();
      this.evaluate(zoneName, queue);
    });
  }
}

/** A record mutation succeeded but the zone refresh that should publish it failed. */
export class ZoneRefreshError<T = unknown> extends ZoneRecordError {
  override readonly name: string = "ZoneRefreshError";
  constructor(readonly zoneName: string, override readonly cause: unknown, readonly mutationResult: T) {
    super(
      `the change was made in zone ${zoneName} but the zone refresh that publishes it failed: ` +
        `${cause instanceof Error ? cause.message : String(cause)}. ` +
        "The change is recorded in the state; run `pulumi up` again to refresh the zone.",
    );
  }
}
