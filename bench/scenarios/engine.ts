/**
 * A whole program through the local engine (Pulumi's program runner and plugin host, tools/local-engine): `up`
 * of the same program with 0 records (the baseline: program start-up and an empty stack), `up` of N new records,
 * then `preview` and `up` with nothing changed, then `refresh`, each with its API calls and wall time; and the
 * state file the engine wrote, measured at 0 and at N records. This is what a user's `pulumi up` costs end to
 * end, program start-up (ts-node) included.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Emulator } from "../../emulator";
import { LocalEngine } from "../../tools/local-engine/engine";
import { BENCH_ZONE, stackConfig, startBenchEmulator, timed } from "../../tools/soak";
import { countCalls, type CallCounts } from "../call-kinds";
import { measureStateFile, type StateSize } from "../state-size";

/** One command of the engine run. */
export interface EngineCommand {
  command: string;
  calls: CallCounts;
  ms: number;
  ok: boolean;
}

/** Scenario 7: the commands, and the state file at 0 and N records. */
export interface EngineResult {
  records: number;
  commands: EngineCommand[];
  state: StateSize[];
}

/** Whose state file the local engine rows measure. */
export const LOCAL_ENGINE = "local engine";

const PROGRAM = path.resolve(__dirname, "../program");

/** A local-engine stack of the bench program in a temporary folder; `count` is set per command. */
class EngineStack {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovh-dns-bench-engine-"));
  readonly statePath = path.join(this.dir, "state.json");

  constructor(private readonly emulator: Emulator) {}

  engine(count: number): LocalEngine {
    return new LocalEngine({
      programDir: PROGRAM,
      stack: "bench",
      statePath: this.statePath,
      config: { ...stackConfig(this.emulator), zoneName: BENCH_ZONE, count: String(count) },
      secretKeys: ["ovh:applicationSecret", "ovh:consumerKey"],
    });
  }

  async run(command: string, count: number, op: "up" | "preview" | "refresh"): Promise<EngineCommand> {
    this.emulator.clearLog();
    const { ms, result } = await timed(() => this.engine(count)[op]());
    return { command, calls: countCalls(this.emulator.log), ms, ok: result.ok && this.emulator.zone(BENCH_ZONE).records.length === count };
  }

  stateSize(count: number): StateSize {
    return measureStateFile(LOCAL_ENGINE, count, fs.readFileSync(this.statePath, "utf8"));
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The local engine's state file after an `up` of `count` records (fresh emulator and stack). */
export async function engineStateAt(count: number, latencyMs: number): Promise<StateSize> {
  const emulator = await startBenchEmulator(latencyMs);
  const stack = new EngineStack(emulator);
  try {
    const up = await stack.run("up", count, "up");
    if (!up.ok) throw new Error(`the local engine's up of ${count} records failed`);
    return stack.stateSize(count);
  } finally {
    stack.remove();
    await emulator.close();
  }
}

/** Runs the baseline up, then up, preview, up and refresh of `count` records through the local engine. */
export async function runEngine(count: number, latencyMs: number): Promise<EngineResult> {
  const emulator = await startBenchEmulator(latencyMs);
  const stack = new EngineStack(emulator);
  try {
    const commands = [await stack.run("up, 0 records (baseline)", 0, "up")];
    const state = [stack.stateSize(0)];
    commands.push(await stack.run("up (create)", count, "up"));
    state.push(stack.stateSize(count));
    commands.push(await stack.run("preview, nothing changed", count, "preview"));
    commands.push(await stack.run("up, nothing changed", count, "up"));
    commands.push(await stack.run("refresh", count, "refresh"));
    return { records: count, commands, state };
  } finally {
    stack.remove();
    await emulator.close();
  }
}
