/**
 * Scenarios 2 and 3 on a stack of N records already applied: a preview and an `up` with nothing changed
 * (Check and Diff only; goal: no API call), then a `refresh` (Read of each; goal: one GET per record). Each
 * command gets its own plugin host, as each `pulumi` command starts its own.
 */
import type { Emulator } from "../../emulator";
import { countCalls, type CallCounts } from "../call-kinds";
import { type DeclaredRecord, startBenchEmulator, startBenchHost, timed } from "../../tools/soak";
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
  preview: CommandRun;
  up: CommandRun;
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

/** Applies `declared` (untimed), then times preview, `up` and refresh with nothing changed. */
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
    const preview = await command(emulator, (host) => checkAndDiffAll(host, state));
    const up = await command(emulator, (host) => checkAndDiffAll(host, state));
    const refresh = await command(emulator, (host) => readAll(host, state));
    return { records: declared.length, preview, up, refresh };
  } finally {
    await emulator.close();
  }
}
