/**
 * `npm run bench` (`ts-node --transpile-only bench/run.ts [--rounds N] [--large] [--latency <ms>] [--note <text>]`): runs
 * every scenario against the local emulator, prints a Markdown report and writes its part of
 * `bench/results.json` (with the date, machine, versions and command; `npm run bench:readme` renders the README
 * from it). Figures only: nothing here fails on a missed goal (house style: never timed assertions).
 *
 * Scenarios 1-4 and 6 drive the plugin host directly, with the calls the engine makes, so that each figure
 * isolates the provider; scenario 7 runs the same records as a whole program through the local engine
 * (tools/local-engine), and scenario 5 measures the state file that engine wrote.
 * The host loads the provider from the built package, so run `npm run build` first.
 */
import * as path from "node:path";
import { declareRecords } from "../tools/soak";
import { renderReport, type BenchResults } from "./report";
import { RESULTS_FILE, runMeta, writeResultsPart } from "./results-file";
import { runApply } from "./scenarios/apply";
import { runEngine } from "./scenarios/engine";
import { runPacing } from "./scenarios/pacing";
import { runScale } from "./scenarios/scale";
import { runSteady } from "./scenarios/steady";

/** Options of a bench run. */
export interface BenchOptions {
  /** Emulator latency per call, ms (default 20). */
  latencyMs: number;
  /** Scale scenario 6 to 5,000 records as well. */
  large: boolean;
  /** Server rate limit of scenario 4, calls a minute (default 720: ~17 s for 200 records). */
  perMinute: number;
  /** Interleaved rounds of scenario 1, whose ratios the README judges (default 5). */
  rounds: number;
}

/** Reads `--rounds <n>`, `--large`, `--latency <ms>` and `--per-minute <n>`. */
export function parseArgs(argv: readonly string[]): BenchOptions {
  const value = (flag: string, fallback: number): number => {
    const i = argv.indexOf(flag);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a number`);
    return n;
  };
  const rounds = value("--rounds", 5);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds needs a whole number of at least 1, got ${rounds}`);
  return { latencyMs: value("--latency", 20), large: argv.includes("--large"), perMinute: value("--per-minute", 720), rounds };
}

const step = (name: string) => process.stderr.write(`bench: ${name}...\n`);

/** Runs every scenario. */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const { latencyMs } = options;
  const applyRounds = [];
  for (let i = 0; i < options.rounds; i++) {
    step(`1. apply 200 records (provider, terraform pattern, floor), round ${i + 1} of ${options.rounds}`);
    applyRounds.push(await runApply(200, latencyMs, i % 2 === 1));
  }
  step("2-3. preview, up, refresh with nothing changed");
  const steady = await runSteady(declareRecords(200), latencyMs);
  step("4. pacing");
  const pacing = await runPacing(200, latencyMs, options.perMinute, 10);
  const scale = await runScale(options.large ? [1000, 5000] : [1000], latencyMs, (n) => step(`6. what grows per record: ${n} records`));
  step("5, 7. the same 200 records as a whole program through the local engine (and its state file at 0 and 200)");
  const engine = await runEngine(200, latencyMs);
  return {
    latencyMs,
    driver: "Pulumi's dynamic-provider plugin host driven over gRPC (1-4, 6), and the local engine running a whole program (5, 7)",
    apply: applyRounds[0],
    applyRounds,
    steady,
    pacing,
    scale,
    engine,
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseArgs(argv);
  const started = Date.now();
  const results = await runBench(options);
  console.log(renderReport(results));
  console.log(`\n(total ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  writeResultsPart("bench", { ...results, meta: runMeta("bench", argv) });
  process.stderr.write(`bench: wrote ${path.relative(process.cwd(), RESULTS_FILE)}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
