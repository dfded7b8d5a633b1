/**
 * `npm run bench:cli` (`ts-node --transpile-only bench/real-cli.ts [--records N] [--latency MS] [--memory N]
 * [--note <text>]`): the real-CLI rows of the benchmarks (bench/scenarios/real-cli.ts), printed as a table and
 * written into `bench/results.json` under `realCli`, with the date, machine, versions and command. Needs
 * `npm run build && npm run setup:pulumi`.
 */
import { renderRealCli } from "./report-real-cli";
import { runMeta, writeResultsPart } from "./results-file";
import { runRealCli } from "./scenarios/real-cli";

function arg(argv: string[], flag: string, fallback: number): number {
  const i = argv.indexOf(flag);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
  return n;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const latencyMs = arg(argv, "--latency", 20);
  const results = await runRealCli(arg(argv, "--records", 200), latencyMs, arg(argv, "--memory", 1000));
  console.log(renderRealCli(results, latencyMs));
  writeResultsPart("realCli", { ...results, latencyMs, meta: runMeta("bench:cli", argv, { "pulumi CLI": results.cliVersion }) });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
