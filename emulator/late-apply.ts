/**
 * Late applies: calls whose connection was dropped without an answer and that run a while
 * later, as a change still being applied after the client gave up (docs/ovh-api-emulator.md,
 * "Late apply"). Tracked so that `settle()` can wait for them and `close()` can cancel them.
 */

/** Pending late applies. */
export class LateApplies {
  private readonly timers = new Set<NodeJS.Timeout>();
  private waiters: (() => void)[] = [];

  /** How many late applies have not run yet. */
  get pending(): number {
    return this.timers.size;
  }

  /**
   * Runs `apply` after `delayMs`. An exception in it (the state file cannot be written) is
   * dropped: there is no client left to tell, and a timer must not crash the test process.
   */
  schedule(delayMs: number, apply: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      try {
        apply();
      } catch {
        // nobody to answer; the request log keeps what was applied
      }
      this.wakeIfIdle();
    }, delayMs);
    this.timers.add(timer);
  }

  /** Resolves once no late apply is pending (at once if none is). */
  settle(): Promise<void> {
    if (this.timers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Cancels every pending late apply (nothing of them is applied) and wakes the waiters. */
  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.wakeIfIdle();
  }

  private wakeIfIdle(): void {
    if (this.timers.size > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
