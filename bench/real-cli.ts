/**
 * `npm run bench:cli` (`ts-node --transpile-only bench/real-cli.ts [--rounds N] [--records N] [--latency MS]
 * [--scale N] [--slow-latency MS] [--note <text>]`): the real-CLI rows of the benchmarks
 * (bench/scenarios/real-cli.ts) in N interleaved rounds (default 5) at 200 records and 20 ms a call, the scale set
 * at 1,000 records and one round at 80 ms a call (`--scale 0`, `--slow-latency 0` skip them). Prints the tables,
 * then, as its last line, the figures a script reads (tools/bench-rounds). Writes `bench/results.json` under
 * `realCli`, unless the floor is slower than the measured run (then the floor is wrong: the run fails and writes
 * `bench/results.local.json` instead). Needs `npm run build && npm run setup:pulumi`.
 */
import * as path from "node:path";
import { realCliLastLine, renderRealCli } from "./report-real-cli";
import { runMeta, writeResultsPart } from "./results-file";
import { CMD, runRealCli } from "./scenarios/real-cli";
import { checkFloor } from "../tools/bench-rounds";

function arg(argv: string[], flag: string, fallback: number, least = 1): number {
  const i = argv.indexOf(flag);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < least) throw new Error(`${flag} needs a whole number of at least ${least}, got ${argv[i + 1]}`);
  return n;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = {
    rounds: arg(argv, "--rounds", 5),
    records: arg(argv, "--records", 200),
    latencyMs: arg(argv, "--latency", 20, 0),
    scaleRecords: arg(argv, "--scale", 1000, 0),
    slowLatencyMs: arg(argv, "--slow-latency", 80, 0),
    log: (line: string) => process.stderr.write(`bench:cli: ${line}\n`),
  };
  const results = await runRealCli(options);
  const part = { ...results, meta: runMeta("bench:cli", argv, { "pulumi CLI": results.cliVersion }) };
  console.log(renderRealCli(results));
  const ms = (name: string) => results.rounds.map((r) => [...r.measured, ...r.floor].find((c) => c.command === name)?.ms ?? NaN);
  try {
    checkFloor("up", ms(`floor: ${CMD.up}`), ms(CMD.up));
    checkFloor("preview", ms(`floor: ${CMD.preview}`), ms(CMD.preview));
  } catch (err) {
    const local = path.join(__dirname, "results.local.json");
    writeResultsPart("realCli", part, local);
    throw err;
  }
  writeResultsPart("realCli", part);
  console.log(realCliLastLine(results));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? `${err.name}: ${err.message}` : err);
  process.exit(1);
});
