/**
 * `npm run bench:cli` (`ts-node --transpile-only bench/real-cli.ts [--records N] [--latency MS] [--memory N]`):
 * the real-CLI rows of the benchmarks (bench/scenarios/real-cli.ts), printed as a table and merged into
 * `bench/results.json` under `realCli`. Needs `npm run build && npm run setup:pulumi`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { formatCalls } from "./call-kinds";
import { runRealCli, type RealCliResults } from "./scenarios/real-cli";

function arg(argv: string[], flag: string, fallback: number): number {
  const i = argv.indexOf(flag);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
  return n;
}

/** The Markdown table of a real-CLI run. */
export function renderRealCli(r: RealCliResults, latencyMs: number): string {
  const rows = [...r.commands, r.floor].map((c) =>
    `| ${c.command} | ${c.calls.total} (${formatCalls(c.calls)}) | ${c.calls.postRefresh} | ${(c.ms / 1000).toFixed(1)} s | ${c.ok ? "yes" : "NO"} |`);
  const up = r.commands[0];
  return [
    `#### Real Pulumi CLI, default parallelism, ${r.records} records, emulator at ${latencyMs} ms a call`,
    "| command | API calls | refreshes | wall time | zone as expected |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
    `- up/floor: calls ${(up.calls.total / r.floor.calls.total).toFixed(2)}x, time ${(up.ms / r.floor.ms).toFixed(2)}x`,
    `- refreshes in the up: ${up.calls.postRefresh} (goal <= ceil(${r.records}/50) + 1 = ${Math.ceil(r.records / 50) + 1})`,
    `- state: ${r.stateBytesPerRecord.toFixed(0)} bytes per record (the state file the CLI wrote, divided by the records)`,
    `- plugin host peak RSS at ${r.hostPeakRecords} records: ${r.hostPeakRssMiB === undefined ? "not measured (no /proc)" : `${r.hostPeakRssMiB.toFixed(1)} MiB`} (goal < 150 MB)`,
  ].join("\n");
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const latencyMs = arg(argv, "--latency", 20);
  const results = await runRealCli(arg(argv, "--records", 200), latencyMs, arg(argv, "--memory", 1000));
  console.log(renderRealCli(results, latencyMs));
  const file = path.join(__dirname, "results.json");
  const previous = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  fs.writeFileSync(file, JSON.stringify({ ...previous, realCli: { ...results, latencyMs, at: new Date().toISOString() } }, null, 2) + "\n");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
