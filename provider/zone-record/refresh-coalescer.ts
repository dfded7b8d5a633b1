import { ZoneRecordError } from "../records";

/**
 * Coalesced zone refresh.
 *
 * OVH applies record changes only after `POST /domain/zone/{zone}/refresh`, and refuses a second refresh of a
 * zone while one runs (docs/ovh-api-client.md; terraform-provider-ovh #76). terraform-provider-ovh refreshes after every
 * record and only logs the failures (its issues #76 and #275), so records silently never resolve. Here:
 * - at most one refresh per zone is in flight;
 * - a mutation that completes while a refresh runs waits for the next one, which it shares with every other
 *   mutation completed meanwhile;
 * - a refresh is started when the zone has been quiet (no mutation in flight, none started or ended) for
 *   the settle delay, when `batchSize` mutations completed since the last one started, or when the waiting
 *   mutation has waited `maxDelayMs`. The settle delay adapts to the pace at which mutations arrive: three
 *   times the recent mean gap between them, between `settleMs` and `maxSettleMs`. Under the real engine on
 *   a busy machine the next step can come hundreds of milliseconds after the last (measured: `npm run
 *   bench:cli`); a fixed 30 ms would call every such gap "quiet" and refresh after nearly every record. Until
 *   `warmupMutations` have started the delay is at least `firstSettleMs`: an `up` opens with a burst of steps
 *   whose gaps are near zero, then a lull while the program registers more, which is not the end of the run;
 * - hand-off: a completed mutation waits only until a later mutation of the same zone completes. The later
 *   one waits for a refresh that starts after it completed, which publishes every earlier change too, so the
 *   earlier one may return. Pulumi's engine runs at most `--parallel` steps at once (8 by default here:
 *   docs/pulumi-cli.md); if every step waited for its own refresh, the engine could not start the next
 *   records until one did, and 200 creates would take 25 refreshes. With the hand-off steps keep flowing and
 *   an `up` of N changes to a zone sends about N / batchSize + 1 refreshes;
 * - the newest mutation always waits, so the last change of an `up` returns only after a refresh covering
 *   every change of the zone succeeded, and a failed refresh rejects the waiters of its batch (it is an error,
 *   never a log line): the `up` fails, and the failed resource is updated again (with a new refresh) by the
 *   next `up`. A refresh that fails while later mutations still run is followed by the refresh they wait for,
 *   which publishes the earlier changes too.
 */

/** Runs one refresh of a zone; rejects when the refresh failed. */
export type RefreshZone = (zoneName: string) => Promise<void>;

/** Tuning of {@link RefreshCoalescer}. */
export interface RefreshCoalescerOptions {
  /** How long the zone must stay without a mutation in flight before a refresh starts (ms). Default 30. */
  settleMs?: number;
  /** The longest a completed mutation waits for its refresh to start, even while others run (ms). Default 2000. */
  maxDelayMs?: number;
  /** Mutations completed since the last refresh started that start a new one at once. Default 50. */
  batchSize?: number;
  /** The longest settle delay, however slowly mutations arrive (ms). Default 1000. */
  maxSettleMs?: number;
  /**
   * The least settle delay until the pace is known: after the first mutation of a zone and until
   * `warmupMutations` have started (ms). Default 100.
   */
  firstSettleMs?: number;
  /**
   * Mutations of a zone before its learnt pace alone sets the settle delay. Default 16. An `up` starts with a
   * burst of steps (as many as the engine runs at once) and then a lull while the program registers the next
   * resources: the burst's gaps are near zero, so the learnt delay would call that lull "quiet" and refresh
   * after the first few records (measured through the real CLI: a refresh after 8 of 200 creates).
   */
  warmupMutations?: number;
  /** Timer, injectable for tests. */
  setTimer?: (fn: () => void, ms: number) => { unref?: () => void };
  /** Clock in ms, injectable for tests. */
  now?: () => number;
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
  since: number;
}

interface ZoneQueue {
  inFlight: number;
  waiters: Waiter[];
  running: boolean;
  timerArmed: boolean;
  /** Mutations completed since the last refresh started. */
  sinceRefresh: number;
  /** When a mutation last started or ended (ms). */
  lastActivity: number;
  /** Mutations started so far (for the warm-up of the learnt pace). */
  startedCount: number;
  /** When the last mutation started, and the moving mean of the gaps between starts (ms). */
  lastStart?: number;
  meanGap?: number;
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
   * Runs `mutation` (a POST, PUT or DELETE on the zone) and resolves with its result once a refresh that
   * covers it has succeeded, or a later mutation of the zone completed and waits for such a refresh in its
   * place (the hand-off above). When the mutation fails, nothing waits for a refresh. When the refresh fails,
   * the returned promise rejects with a {@link ZoneRefreshError} carrying the mutation's result, so that the
   * caller can keep track of what was changed.
   */
  async run<T>(zoneName: string, mutation: () => Promise<T>): Promise<T> {
    const queue = this.queueOf(zoneName);
    this.started(queue);
    let result: T;
    try {
      result = await mutation();
    } finally {
      queue.inFlight -= 1;
      queue.lastActivity = this.now();
    }
    try {
      await this.waitForRefresh(zoneName, queue);
    } catch (err) {
      throw new ZoneRefreshError(zoneName, err, result);
    }
    return result;
  }

  private queueOf(zoneName: string): ZoneQueue {
    let queue = this.zones.get(zoneName);
    if (!queue) {
      queue = { inFlight: 0, waiters: [], running: false, timerArmed: false, sinceRefresh: 0, startedCount: 0, lastActivity: this.now() };
      this.zones.set(zoneName, queue);
    }
    return queue;
  }

  /** Counts a mutation in, and learns the pace at which they arrive. */
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

  /** How long the zone must stay quiet before a refresh starts. */
  private settleOf(queue: ZoneQueue): number {
    if (queue.meanGap === undefined) return this.firstSettleMs;
    const learnt = Math.min(this.maxSettleMs, Math.max(this.settleMs, 3 * queue.meanGap));
    return queue.startedCount < this.warmupMutations ? Math.max(this.firstSettleMs, learnt) : learnt;
  }

  private waitForRefresh(zoneName: string, queue: ZoneQueue): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      // Every mutation still waiting for a refresh that has not started is covered by the one this mutation
      // will wait for: it may return now.
      for (const earlier of queue.waiters.splice(0)) earlier.resolve();
      queue.waiters.push({ resolve, reject, since: this.now() });
      queue.sinceRefresh += 1;
      if (queue.sinceRefresh >= this.batchSize) this.maybeStart(zoneName, queue);
      else this.schedule(zoneName, queue);
    });
  }

  private schedule(zoneName: string, queue: ZoneQueue): void {
    if (queue.running || queue.timerArmed || queue.waiters.length === 0) return;
    // Checked again after each settle delay while the zone is busy: cheap, and it starts the refresh soon
    // after the zone goes quiet.
    const delay = Math.max(1, this.settleOf(queue) - (this.now() - queue.lastActivity));
    queue.timerArmed = true;
    const timer = this.setTimer(() => {
      queue.timerArmed = false;
      this.maybeStart(zoneName, queue);
    }, delay);
    timer.unref?.();
  }

  private maybeStart(zoneName: string, queue: ZoneQueue): void {
    if (queue.running || queue.waiters.length === 0) return;
    const oldestWait = this.now() - queue.waiters[0].since;
    const quiet = queue.inFlight === 0 && this.now() - queue.lastActivity >= this.settleOf(queue);
    if (!quiet && oldestWait < this.maxDelayMs && queue.sinceRefresh < this.batchSize) {
      this.schedule(zoneName, queue);
      return;
    }
    const batch = queue.waiters.splice(0);
    queue.sinceRefresh = 0;
    queue.running = true;
    this.refreshZone(zoneName).then(
      () => batch.forEach((w) => w.resolve()),
      (err) => batch.forEach((w) => w.reject(err)),
    ).finally(() => {
      queue.running = false;
      this.schedule(zoneName, queue);
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
