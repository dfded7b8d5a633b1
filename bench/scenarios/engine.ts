/**
 * A whole program through the local engine (Pulumi's program runner and plugin host, tools/local-engine): `up` of N new
 * records, then `preview` and `up` with nothing changed, then `refresh`, each with its API calls and wall time.
 * This is what a user's `pulumi up` costs end to end, program start-up (ts-node) included.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalEngine } from "../../tools/local-engine/engine";
import { countCalls, type CallCounts } from "../call-kinds";
import { BENCH_ZONE, stackConfig, startBenchEmulator, timed } from "../../tools/soak";

/** One command of the engine run. */
export interface EngineCommand {
  command: string;
  calls: CallCounts;
  ms: number;
  ok: boolean;
}

const PROGRAM = path.resolve(__dirname, "../program");

/** Runs up, preview, up and refresh of `count` records through the local engine. */
export async function runEngine(count: number, latencyMs: number): Promise<EngineCommand[]> {
  const emulator = await startBenchEmulator(latencyMs);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovh-dns-bench-engine-"));
  try {
    const engine = () => new LocalEngine({
      programDir: PROGRAM,
      stack: "bench",
      statePath: path.join(dir, "state.json"),
      config: { ...stackConfig(emulator), zoneName: BENCH_ZONE, count: String(count) },
      secretKeys: ["ovh:applicationSecret", "ovh:consumerKey"],
    });
    const results: EngineCommand[] = [];
    for (const [command, op] of [["up (create)", "up"], ["preview, nothing changed", "preview"], ["up, nothing changed", "up"], ["refresh", "refresh"]] as const) {
      emulator.clearLog();
      const { ms, result } = await timed(() => engine()[op]());
      results.push({ command, calls: countCalls(emulator.log), ms, ok: result.ok && emulator.zone(BENCH_ZONE).records.length === count });
    }
    return results;
  } finally {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
