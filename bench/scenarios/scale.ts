/**
 * Scenario 6 at 0 and N records: the wall time, API calls, peak RSS and CPU time of the plugin host and of this
 * driver while it applies N records and then runs an `up` with nothing changed (Check and Diff of each), and
 * the state file the local engine writes for N records. The 0-record point is the same process kind doing the
 * same steps with no record (a host started and configured, an empty program's state): what every command
 * pays whatever the stack holds, subtracted by the report to say what grows per record. The emulator runs
 * inside the driver, so the driver's figures include it.
 */
import { declareRecords, startBenchEmulator, startBenchHost, timed } from "../../tools/soak";
import { countCalls } from "../call-kinds";
import { checkAndDiffAll, createAll } from "../host-steps";
import { readProcessStats, resetPeakRss, type ProcessStats } from "../process-stats";
import type { StateSize } from "../state-size";
import { engineStateAt } from "./engine";

/** One size of scenario 6. */
export interface ScalePoint {
  records: number;
  /** Wall time of the creates (the host already started and configured, as the engine does first). */
  applyMs: number;
  /** API calls of the creates and the unchanged `up`. */
  calls: number;
  /** The host's peak RSS and CPU time over its whole life (start-up and Configure included). */
  host: ProcessStats;
  /** The driver's peak RSS above its RSS when the point started, and its CPU time over the point. */
  driver: { peakRssGrowthBytes: number; cpuMs: number; peakRssReset: boolean };
  /** The local engine's state file for the same number of records. */
  state: StateSize;
}

async function measurePoint(count: number, latencyMs: number): Promise<Omit<ScalePoint, "state">> {
  const emulator = await startBenchEmulator(latencyMs);
  const bench = await startBenchHost(emulator);
  try {
    const peakRssReset = resetPeakRss();
    const before = readProcessStats();
    emulator.clearLog();
    const { ms, result: state } = await timed(() => createAll(bench.host, declareRecords(count)));
    const unchanged = await checkAndDiffAll(bench.host, state);
    if (unchanged !== 0) throw new Error(`${unchanged} resources differ right after their creation`);
    const host = readProcessStats(bench.pid);
    const after = readProcessStats();
    const driver = { peakRssGrowthBytes: after.peakRssBytes - before.rssBytes, cpuMs: after.cpuMs - before.cpuMs, peakRssReset };
    return { records: count, applyMs: ms, calls: countCalls(emulator.log).total, host, driver };
  } finally {
    await bench.close();
    await emulator.close();
  }
}

/** Measures scenario 6 at 0 records and at each of `counts`, in that order. */
export async function runScale(counts: readonly number[], latencyMs: number, progress: (n: number) => void = () => {}): Promise<ScalePoint[]> {
  const points: ScalePoint[] = [];
  for (const count of [0, ...counts]) {
    progress(count);
    const point = await measurePoint(count, latencyMs);
    points.push({ ...point, state: await engineStateAt(count, latencyMs) });
  }
  return points;
}
