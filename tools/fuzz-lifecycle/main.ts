/**
 * `npm run fuzz:lifecycle -- --seed S --runs N [--cli] [--path P --replay-path R] [--max-commands M] [--commands LIST] [--no-shrink]`:
 * runs the lifecycle fuzzer and prints each sequence; a failure prints its shrunk sequence and the command that
 * replays it. Exit code 1 when a sequence failed.
 */
import { Command, InvalidArgumentError } from "commander";
import { COMMAND_NAMES, parseCommandNames } from "./command-set";
import { FuzzOptionsError, runFuzz } from "./fuzz";
import { formatReport } from "./report";

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

async function main(): Promise<void> {
  const program = new Command("fuzz:lifecycle")
    .description("model-based lifecycle fuzzer: user edits, console edits, runs and faults against the emulator")
    .option("--seed <n>", "fast-check seed (default: a random one, printed)", integer("--seed", -(2 ** 31)))
    .option("--runs <n>", "sequences to run", integer("--runs", 1), 10)
    .option("--path <path>", "fast-check replay path printed with a failure")
    .option("--replay-path <text>", "fast-check's replayPath of the failing commands, printed with a failure (needed with --path)")
    .option("--max-commands <n>", "most commands in a sequence", integer("--max-commands", 1), 10)
    .option("--commands <list>", `command names, "all" or "all,-name": ${COMMAND_NAMES.join(", ")}`, commands)
    .option("--cli", "run through the real Pulumi CLI instead of the local engine")
    .option("--no-shrink", "report a failure as found, without shrinking it")
    .option("--no-adopt", "never use adopt (to look for other defects while adoption's are being fixed)")
    .parse();
  const o = program.opts<{ seed?: number; runs: number; path?: string; replayPath?: string; maxCommands: number; commands?: string[]; cli?: boolean; shrink: boolean; adopt: boolean }>();
  const seed = o.seed ?? Math.floor(Math.random() * 2 ** 31);
  console.log(`seed ${seed}`);
  const report = await runFuzz({
    seed,
    runs: o.runs,
    ...(o.path === undefined ? {} : { path: o.path }),
    ...(o.replayPath === undefined ? {} : { replayPath: o.replayPath }),
    engine: o.cli ? "cli" : "local",
    ...(o.commands === undefined ? {} : { commands: o.commands }),
    maxCommands: o.maxCommands,
    shrink: o.shrink,
    adoption: o.adopt,
    log: (line) => console.log(line),
  });
  for (const line of formatReport(report)) console.log(line);
  process.exitCode = report.ok ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof FuzzOptionsError ? `fuzz:lifecycle: ${err.message}` : err instanceof Error ? err.stack : String(err));
  process.exitCode = 2;
});
