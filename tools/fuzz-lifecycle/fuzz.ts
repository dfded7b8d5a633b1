/**
 * The lifecycle fuzzer: fast-check's model-based commands (user edits, console edits, runs, faults) against a
 * stack of tools/fuzz-lifecycle/program on the emulator, invariants checked after every run, a failure shrunk to
 * a short sequence that `--seed` and `--path` replay.
 */
import * as fc from "fast-check";
import { COMMAND_NAMES, commandArbitraries, declareStart, describeStart, startingProgram } from "./command-set";
import { emptyModel } from "./model";
import { LifecycleRig, type EngineKind } from "./rig";
import { converge, runAndCheck } from "./runs";

/** What to run. */
export interface FuzzOptions {
  /** fast-check's seed: the same seed (and path) gives the same sequences. */
  seed: number;
  /** How many sequences. */
  runs: number;
  /** fast-check's replay path of a failure (printed with it): replays that (shrunk) sequence first. */
  path?: string;
  /**
   * fast-check's `replayPath` of the failing commands (printed with it): which commands of each shrink step
   * ran, which the command shrinker needs to walk `path` again. Without it a `path` cannot be replayed.
   */
  replayPath?: string;
  engine: EngineKind;
  /** Command names (command-set.ts); all when absent. */
  commands?: string[];
  /** Whether sequences may use `adopt` (default true). */
  adoption?: boolean;
  /** Most commands in a sequence. */
  maxCommands: number;
  /** Shrink a failure to a shorter sequence (default true; each try reruns the sequence). */
  shrink?: boolean;
  /** Stop starting new sequences or shrink steps after this many ms (the failure found so far is kept). */
  timeLimitMs?: number;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** What a fuzz run found. */
export interface FuzzReport {
  ok: boolean;
  seed: number;
  /** Sequences run (shrink tries not counted). */
  runs: number;
  /** The time limit stopped it early. */
  interrupted: boolean;
  /** fast-check's replay path of the failure. */
  path?: string;
  /** fast-check's replay path of the failing commands. */
  replayPath?: string;
  /** The failing (shrunk) sequence, one command a line. */
  sequence?: string[];
  /** Why it failed. */
  error?: string;
  /** The command that replays the failure. */
  replay?: string;
}

/** Options that cannot work together, with what to pass instead. */
export class FuzzOptionsError extends Error {
  override readonly name: string = "FuzzOptionsError";
}

/** Runs the fuzzer. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  if (options.path?.includes(":") && options.replayPath === undefined) {
    // fast-check walks the path through the command shrinker, which needs to know which commands ran.
    throw new FuzzOptionsError(
      `path ${options.path} cannot be replayed without replayPath: pass --replay-path with the value printed next to the path ` +
        "(the /*replayPath=...*/ of the failing sequence), or --path with its first number only to rerun the unshrunk sequence",
    );
  }
  const log = options.log ?? (() => undefined);
  const adoption = options.adoption !== false;
  let sequence = 0;
  const commandsArb = fc.commands(commandArbitraries(options.commands, options.engine), {
    maxCommands: options.maxCommands,
    ...(options.replayPath === undefined ? {} : { replayPath: options.replayPath }),
  });
  const property = fc.asyncProperty(startingProgram, commandsArb, async (start, commands) => {
    const rig = await LifecycleRig.start(options.engine, options.seed);
    const model = emptyModel(adoption);
    declareStart(model, start);
    rig.writeProgram(model);
    try {
      await runAndCheck("up", model, rig);
      await fc.asyncModelRun(() => ({ model, real: rig }), commands);
      await converge(model, rig);
      log(`sequence ${++sequence}: ok: ${describeStart(start, adoption)}; ${String(commands)}`);
    } catch (err) {
      log(`sequence ${++sequence}: FAILED: ${describeStart(start, adoption)}; ${String(commands)}\n  ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
      throw err;
    } finally {
      await rig.close();
    }
  });
  const details = await fc.check(property, {
    seed: options.seed,
    // With a path, fast-check skips to its run and counts numRuns from there (a shrink path: that run only).
    numRuns: options.runs,
    ...(options.path === undefined ? {} : { path: options.path }),
    endOnFailure: options.shrink === false,
    ...(options.timeLimitMs === undefined ? {} : { interruptAfterTimeLimit: options.timeLimitMs }),
  });
  const report: FuzzReport = { ok: !details.failed, seed: options.seed, runs: details.numRuns, interrupted: details.interrupted };
  if (!details.failed) return report;
  const [start, failed] = details.counterexample ?? [];
  // fast-check wraps each command and marks those the failing run reached.
  const ran = failed === undefined ? [] : [...(failed as Iterable<{ hasRan: boolean }>)].filter((c) => c.hasRan).map(String);
  const replayPath = failed === undefined ? undefined : /\/\*replayPath="([^"]*)"\*\/$/.exec(String(failed))?.[1];
  if (start !== undefined) ran.unshift(describeStart(start, adoption));
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return {
    ...report,
    path: details.counterexamplePath ?? undefined,
    ...(replayPath === undefined ? {} : { replayPath }),
    sequence: ran,
    error,
    replay: replayCommand(options, details.counterexamplePath ?? undefined, replayPath),
  };
}

/** The command line that replays a failure. */
function replayCommand(options: FuzzOptions, path: string | undefined, replayPath: string | undefined): string {
  const parts = ["npm run fuzz:lifecycle --", `--seed ${options.seed}`, "--runs 1"];
  if (path) parts.push(`--path ${path}`);
  if (replayPath) parts.push(`--replay-path '${replayPath}'`);
  parts.push(`--max-commands ${options.maxCommands}`);
  if (options.engine === "cli") parts.push("--cli");
  if (options.adoption === false) parts.push("--no-adopt");
  const all = options.commands === undefined || COMMAND_NAMES.every((n) => options.commands?.includes(n));
  if (!all) parts.push(`--commands ${options.commands!.join(",")}`);
  return parts.join(" ");
}
