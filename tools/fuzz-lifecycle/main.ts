/**
 * `npm run fuzz:lifecycle -- --seed S --runs N [--cli] [--path P] [--max-commands M] [--commands LIST] [--no-shrink]`:
 * runs the lifecycle fuzzer and prints each sequence; a failure prints its shrunk sequence and the command that
 * replays it. Exit code 1 when a sequence failed.
 */
import { Command, InvalidArgumentError } from "commander";
import { COMMAND_NAMES, parseCommandNames } from "./command-set";
import { runFuzz, type FuzzReport } from "./fuzz";

function integer(field: string, min: number): (value: string) => number {
  return (value) => {
    if (!/^-?\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
      throw new InvalidArgumentError(`${field} must be a whole number of at least ${min}, e.g. ${field === "--seed" ? "--seed 42" : `${field} ${Math.max(min, 10)}`}`);
    }
    return Number(value);
  };
}

function commands(value: string): string[] {
  try {
    return parseCommandNames(value);
  } catch (err) {
    throw new InvalidArgumentError(err instanceof Error ? err.message : String(err));
  }
}

function print(report: FuzzReport): void {
  if (report.ok) {
    console.log(`OK: ${report.runs} sequence(s), seed ${report.seed}${report.interrupted ? " (stopped by the time limit)" : ""}`);
    return;
  }
  console.log(`FAILED after ${report.runs} sequence(s), seed ${report.seed}, path ${report.path ?? "(none)"}`);
  console.log("shrunk sequence:");
  for (const line of report.sequence ?? []) console.log(`  ${line}`);
  console.log(`error: ${report.error}`);
  console.log(`replay: ${report.replay}`);
  console.log(
    "A replay runs the same commands in the same order. Under faults it may not fail the same way: the emulator draws " +
      "faults per request, and the engine runs up to 8 steps at once, so which request draws a fault can differ.",
  );
}

async function main(): Promise<void> {
  const program = new Command("fuzz:lifecycle")
    .description("model-based lifecycle fuzzer: user edits, console edits, runs and faults against the emulator")
    .option("--seed <n>", "fast-check seed (default: a random one, printed)", integer("--seed", -(2 ** 31)))
    .option("--runs <n>", "sequences to run", integer("--runs", 1), 10)
    .option("--path <path>", "fast-check replay path printed with a failure")
    .option("--max-commands <n>", "most commands in a sequence", integer("--max-commands", 1), 10)
    .option("--commands <list>", `command names, "all" or "all,-name": ${COMMAND_NAMES.join(", ")}`, commands)
    .option("--cli", "run through the real Pulumi CLI instead of the local engine")
    .option("--no-shrink", "report a failure as found, without shrinking it")
    .parse();
  const o = program.opts<{ seed?: number; runs: number; path?: string; maxCommands: number; commands?: string[]; cli?: boolean; shrink: boolean }>();
  const seed = o.seed ?? Math.floor(Math.random() * 2 ** 31);
  console.log(`seed ${seed}`);
  const report = await runFuzz({
    seed,
    runs: o.runs,
    ...(o.path === undefined ? {} : { path: o.path }),
    engine: o.cli ? "cli" : "local",
    ...(o.commands === undefined ? {} : { commands: o.commands }),
    maxCommands: o.maxCommands,
    shrink: o.shrink,
    log: (line) => console.log(line),
  });
  print(report);
  process.exitCode = report.ok ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : String(err));
  process.exitCode = 2;
});
