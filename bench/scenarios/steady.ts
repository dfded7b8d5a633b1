/**
 * Scenarios 2 and 3 on a stack of N records already applied: a preview or an `up` with nothing changed (Check
 * and Diff of each; goal: no API call), then a `refresh` (Read of each; goal: one GET per record). Each command
 * gets its own plugin host, as each `pulumi` command starts its own.
 *
 * A preview and an `up` with nothing changed send the provider the same calls (the engine runs Check and Diff
 * of every resource, and an `up` whose diffs are all empty has no further step), so they are one measurement;
 * where they differ (the `up` writes the state), the whole-program rows of scenario 7 and the real CLI show it.
 */
import type { Emulator } from "../../emulator";
import { type DeclaredRecord, startBenchEmulator, startBenchHost, timed } from "../../tools/soak";
import { countCalls, type CallCounts } from "../call-kinds";
import { checkAndDiffAll, createAll, readAll, type StateEntry } from "../host-steps";

/** Calls and wall time of one command. */
export interface CommandRun {
  calls: CallCounts;
  ms: number;
  /** Resources reported changed (diff) or drifted (refresh): 0 expected. */
  changed: number;
}

/** Scenarios 2 and 3. */
export interface SteadyResult {
  records: number;
  /** Preview or up with nothing changed: Check and Diff of each resource. */
  unchanged: CommandRun;
  refresh: CommandRun;
}

async function command(emulator: Emulator, work: (host: Awaited<ReturnType<typeof startBenchHost>>["host"]) => Promise<number>): Promise<CommandRun> {
  const bench = await startBenchHost(emulator);
  try {
    emulator.clearLog();
    const { ms, result } = await timed(() => work(bench.host));
    return { calls: countCalls(emulator.log), ms, changed: result };
  } finally {
    await bench.close();
  }
}

/** Applies `declared` (untimed), then times a preview (or up) and a refresh with nothing changed. */
export async function runSteady(declared: readonly DeclaredRecord[], latencyMs: number): Promise<SteadyResult> {
  const emulator = await startBenchEmulator(latencyMs);
  try {
    const setup = await startBenchHost(emulator);
    let state: StateEntry[];
    try {
      state = await createAll(setup.host, declared);
    } finally {
      await setup.close();
    }
    const unchanged = await command(emulator, (host) => checkAndDiffAll(host, state));
    const refresh = await command(emulator, (host) => readAll(host, state));
    return { records: declared.length, unchanged, refresh };
  } finally {
    await emulator.close();
  }
}
