/**
 * `npm run soak` (`ts-node --transpile-only bench/soak.ts [--records N] [--rounds N] [--fault-rate R]
 * [--seed N] [--latency ms] [--no-late]`): applies, changes and deletes records over several rounds with faults
 * on 10% of the calls (late applies included unless `--no-late`), prints each round, and exits non-zero on any
 * loss, duplicate or state mismatch.
 *
 * A seed fixes the emulator's fault draws, not the order in which parallel calls reach it (sockets, timers and
 * the provider's backoff jitter decide that), so two runs of a seed draw the same sequence of faults but may
 * give them to different calls: figures vary a little from run to run; correctness must hold for every one.
 */
import { runSoak, type RoundReport, type SoakOptions } from "../tools/soak";
import { duration, markdownTable } from "./table";

function parseArgs(argv: readonly string[]): SoakOptions {
  const value = (flag: string, fallback: number): number => {
    const i = argv.indexOf(flag);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a number`);
    return n;
  };
  return {
    records: value("--records", 200),
    rounds: value("--rounds", 4),
    faultRate: value("--fault-rate", 0.1),
    seed: value("--seed", 42),
    latencyMs: value("--latency", 5),
    lateApply: !argv.includes("--no-late"),
  };
}

const ROUND_NAMES = ["create all", "change half, rename some", "delete a quarter, add new", "delete all"];

function row(r: RoundReport): (string | number)[] {
  const f = r.faults;
  const c = r.comparison;
  const outcome = c.ok && !r.errors.length
    ? "zone = served zone = declared = state"
    : `FAILED: missing ${c.missing.length}, duplicates ${c.duplicates.length}, extra ${c.extra.length}, state ${c.stateMismatches.length}, unpublished ${c.unpublished.length}` +
      (r.errors.length ? `; not converged: ${r.errors[0]}` : "");
  return [
    `${r.round}. ${ROUND_NAMES[(r.round - 1) % 4]}`, r.declared, r.calls,
    `5xx ${f["5xx"]}, 5xx-after-apply ${f["5xx-after-apply"]}, 429 ${f["429"]} (Retry-After ${r.retryAfterSeconds} s), reset ${f.reset}, lost ${f.lost}, late ${f["late-apply"]}`,
    `${r.ups} up(s), ${r.stepsRetried} step(s) retried of ${r.steps}`, duration(r.ms), outcome,
  ];
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const report = await runSoak({ ...options, onRound: (r) => process.stderr.write(`soak: round ${r.round} done in ${duration(r.ms)}\n`) });
  console.log(`## Fault soak: ${options.records} records, ${options.rounds} rounds, ${options.faultRate * 100}% of calls faulted, seed ${options.seed}\n`);
  console.log(markdownTable(["round", "declared", "API calls", "faults", "retries", "time", "outcome"], report.rounds.map(row)));
  for (const r of report.rounds.filter((x) => !x.comparison.ok)) {
    console.log(`\nround ${r.round}: ${JSON.stringify(r.comparison, null, 2)}`);
  }
  console.log(`\n${report.ok ? "OK: no loss, no duplicate, every change published" : "FAILED"}`);
  if (!report.ok) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
