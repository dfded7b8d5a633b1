/**
 * Fault injection for resilience tests: latency, server errors before or after applying a
 * change, 429s, connection resets, lost responses and late applies. Draws come from a seeded PRNG so a run
 * can be replayed exactly.
 */
import { ApiError } from "./errors";
import type { FaultOptions } from "./options";

/** The faults a request can get. */
export type FaultKind = "5xx" | "5xx-after-apply" | "429" | "reset" | "lost" | "late-apply";

/** mulberry32: tiny, fast, good enough for test fault draws. */
function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decides which fault, if any, a request gets. */
export class FaultInjector {
  private faults: FaultOptions;
  private readonly random: () => number;

  constructor(faults: FaultOptions | undefined, seed: number) {
    this.faults = { ...faults };
    this.random = createPrng(seed);
  }

  /** Replaces the fault settings (an empty object switches every fault off). */
  set(faults: FaultOptions): void {
    this.faults = { ...faults };
  }

  /** Milliseconds to wait before answering. */
  get latencyMs(): number {
    return Math.max(0, this.faults.latencyMs ?? 0);
  }

  /** Milliseconds between a late-apply fault's dropped connection and its apply. */
  get lateApplyDelayMs(): number {
    return Math.max(0, this.faults.lateApplyDelayMs ?? 300);
  }

  /**
   * The fault for a request, drawn with one PRNG number for each request that is eligible.
   * `GET /auth/time` is exempt unless `faultAuthTime` is set, since clients call it first.
   */
  draw(method: string, path: string): FaultKind | undefined {
    const f = this.faults;
    if (method === "GET" && path === "/auth/time" && !f.faultAuthTime) return undefined;
    if (f.methods !== undefined && !f.methods.includes(method)) return undefined;
    if (f.pathPattern !== undefined && !new RegExp(f.pathPattern).test(path)) return undefined;
    const table: [FaultKind, number | undefined][] = [
      ["reset", f.resetRate],
      ["5xx", f.serverErrorRate],
      ["429", f.tooManyRequestsRate],
      ["lost", f.lostResponseRate],
      ["5xx-after-apply", f.serverErrorAfterApplyRate],
      // Last, so that seeds drawn before late apply existed still give the same faults.
      ["late-apply", f.lateApplyRate],
    ];
    if (table.every(([, rate]) => !rate)) return undefined;
    let roll = this.random();
    for (const [kind, rate] of table) {
      const p = Math.min(1, Math.max(0, rate ?? 0));
      if (roll < p) return kind;
      roll -= p;
    }
    return undefined;
  }

  /** The error answered for a 5xx fault. */
  serverError(): ApiError {
    return this.faults.serverErrorStatus === 503
      ? new ApiError(503, "Service temporarily unavailable")
      : new ApiError(500, "Internal server error");
  }

  /** The error answered for a 429 fault, with `Retry-After`. */
  tooManyRequests(): ApiError {
    const seconds = this.faults.retryAfterSeconds ?? 1;
    return new ApiError(429, "Too many requests, retry later", { headers: { "Retry-After": String(seconds) } });
  }
}
