/** Limits on how hard the client talks to the API. */
export interface PacingOptions {
  /** Requests in flight at once (default 8). */
  maxInFlight?: number;
  /**
   * Requests per second, as the official provider's `ovh:apiRateLimit`. Requests are evenly
   * spaced (burst 1), so a server token bucket with the same rate never has to answer 429.
   * Default: no limit (OVH publishes none; its staff quoted ~60/min per consumer key, docs/ovh-api.md §7).
   */
  requestsPerSecond?: number;
}

/** The default cap on requests in flight. */
export const DEFAULT_MAX_IN_FLIGHT = 8;

/**
 * Admits work under an in-flight cap and a requests-per-second rate. Time and sleep are
 * injectable so tests check spacing without waiting.
 */
export class Pacer {
  readonly #maxInFlight: number;
  readonly #intervalMs: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #waiting: Array<() => void> = [];
  #inFlight = 0;
  #nextSlotAt = -Infinity;

  constructor(options: PacingOptions & { now?: () => number; sleep?: (ms: number) => Promise<void> } = {}) {
    const rate = options.requestsPerSecond;
    if (rate !== undefined && !(rate > 0)) throw new RangeError(`requestsPerSecond must be positive, got ${rate}`);
    const max = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
    if (!(max >= 1)) throw new RangeError(`maxInFlight must be at least 1, got ${max}`);
    this.#maxInFlight = max;
    this.#intervalMs = rate ? 1000 / rate : 0;
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Requests currently admitted. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Runs `work` once an in-flight slot and a rate slot are free. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.#acquire();
    try {
      await this.#waitForRateSlot();
      return await work();
    } finally {
      this.#release();
    }
  }

  async #acquire(): Promise<void> {
    if (this.#inFlight < this.#maxInFlight) {
      this.#inFlight++;
      return;
    }
    // The releasing caller hands its slot over directly, so the count never dips and refills.
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#inFlight--;
  }

  /** Reserves the next slot synchronously, so concurrent callers get distinct, evenly spaced slots. */
  async #waitForRateSlot(): Promise<void> {
    if (this.#intervalMs === 0) return;
    const now = this.#now();
    const slot = Math.max(now, this.#nextSlotAt);
    this.#nextSlotAt = slot + this.#intervalMs;
    if (slot > now) await this.#sleep(slot - now);
  }
}
