/**
 * The fault soak: moves one zone through several desired states with faults on a share of the calls, each
 * round applied the way `pulumi up` would (and `up` again while steps fail, as a person would), and compares
 * zone, declaration and state after each round.
 */
import type { Emulator, FaultOptions } from "../../emulator";
import { BENCH_ZONE, type DeclaredRecord } from "./desired-state";
import { startBenchEmulator, startBenchHost, timed } from "./stack";
import { compareRound, type Comparison } from "./compare";
import { desiredForRound } from "./rounds";
import { up, type SoakState } from "./up";

/** Options of {@link runSoak}. */
export interface SoakOptions {
  /** Records declared in the first round. */
  records: number;
  /** Rounds: create, change, churn, delete all, then over again. */
  rounds: number;
  /** Share of calls that get a fault, spread evenly over the kinds (six, or five without late applies). */
  faultRate: number;
  /**
   * Include late applies (the connection drops unanswered and the change is applied 300 ms later) in the mix
   * (default true).
   */
  lateApply?: boolean;
  /** Seed of the emulator's fault draws. */
  seed: number;
  /** Emulator latency per call, ms. */
  latencyMs: number;
  /** `up`s allowed per round before it counts as failed (default 6). */
  maxUps?: number;
  /** Called after each round (progress output). */
  onRound?: (round: RoundReport) => void;
}

/** Faults injected in a round, by kind (from the emulator log's outcomes). */
export interface FaultCounts {
  "5xx": number;
  "5xx-after-apply": number;
  "429": number;
  reset: number;
  lost: number;
  "late-apply": number;
}

/** What one round did and found. */
export interface RoundReport {
  round: number;
  declared: number;
  /** `up`s run: 1 when no step failed. */
  ups: number;
  steps: number;
  /** Steps that failed and were retried by the next `up`. */
  stepsRetried: number;
  calls: number;
  faults: FaultCounts;
  /** `Retry-After` seconds of the round's fault 429s. */
  retryAfterSeconds: number;
  ms: number;
  /** Failure messages of the last `up` that failed, if the round never converged. */
  errors: string[];
  comparison: Comparison;
}

/** The whole soak. */
export interface SoakReport {
  ok: boolean;
  rounds: RoundReport[];
}

/** The kinds of fault at an equal share of `rate` in all: five, and late applies when `lateApply`. */
export function faultsAt(rate: number, retryAfterSeconds: number, lateApply = true): FaultOptions {
  const each = rate / (lateApply ? 6 : 5);
  return {
    serverErrorRate: each, serverErrorAfterApplyRate: each, tooManyRequestsRate: each, retryAfterSeconds, resetRate: each, lostResponseRate: each,
    ...(lateApply ? { lateApplyRate: each } : {}),
  };
}

function faultCounts(emulator: Emulator): FaultCounts {
  const of = (kind: keyof FaultCounts) => emulator.count({ outcome: `fault:${kind}` });
  return { "5xx": of("5xx"), "5xx-after-apply": of("5xx-after-apply"), "429": of("429"), reset: of("reset"), lost: of("lost"), "late-apply": of("late-apply") };
}

async function runRound(emulator: Emulator, options: SoakOptions, round: number, declared: DeclaredRecord[], state: SoakState): Promise<RoundReport> {
  const retryAfterSeconds = round % 2;
  emulator.clearLog();
  emulator.setFaults({ latencyMs: options.latencyMs, ...faultsAt(options.faultRate, retryAfterSeconds, options.lateApply ?? true) });
  let ups = 0;
  let steps = 0;
  let stepsRetried = 0;
  let errors: string[] = [];
  const { ms } = await timed(async () => {
    for (let converged = false; !converged && ups < (options.maxUps ?? 6); ) {
      ups += 1;
      // Every `pulumi up` starts its own plugin host, so nothing carries over from the last one but the state.
      const bench = await startBenchHost(emulator);
      try {
        const result = await up(bench.host, declared, state);
        steps += result.steps;
        stepsRetried += result.failed;
        errors = result.errors;
        converged = result.failed === 0;
      } finally {
        await bench.close();
      }
    }
  });
  // Changes still to be applied late land before the zone is compared: a late orphan must be seen.
  await emulator.settle();
  const faults = faultCounts(emulator);
  const calls = emulator.log.length;
  emulator.setFaults({ latencyMs: options.latencyMs });
  const view = emulator.zone(BENCH_ZONE);
  const comparison = compareRound(view.records, declared, state, view.published);
  const converged = errors.length === 0;
  return { round, declared: declared.length, ups, steps, stepsRetried, calls, faults, retryAfterSeconds, ms, errors: converged ? [] : errors, comparison };
}

/** Runs the soak and reports each round; `ok` when every round ended with zone = published zone = declared = state. */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const emulator = await startBenchEmulator(options.latencyMs, { seed: options.seed, refreshDurationMs: 5 });
  const state: SoakState = new Map();
  const rounds: RoundReport[] = [];
  try {
    let declared: DeclaredRecord[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      declared = desiredForRound(round, options.records, declared);
      const report = await runRound(emulator, options, round, declared, state);
      rounds.push(report);
      options.onRound?.(report);
    }
  } finally {
    await emulator.close();
  }
  return { ok: rounds.every((r) => r.comparison.ok && r.errors.length === 0), rounds };
}
