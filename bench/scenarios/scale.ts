/**
 * Scenarios 5 and 6 at N records: bytes of the serialized provider and of the state per resource, and the
 * peak RSS and CPU time of the plugin host and of this driver while it applies N records and then runs an
 * `up` with nothing changed. The emulator runs inside the driver, so the driver's figures include it.
 */
import { SERIALIZED_PROVIDER } from "../../sdk/zone-record";
import { declareRecords, startBenchEmulator, startBenchHost, timed } from "../../tools/soak";
import { checkAndDiffAll, createAll, stateJson, type StateEntry } from "../host-steps";
import { readProcessStats, resetPeakRss, type ProcessStats } from "../process-stats";

/** Sizes of a state of N records. */
export interface SizeFigures {
  records: number;
  /** Bytes of `__provider` per resource (it is stored in the inputs and in the outputs). */
  providerBytesPerResource: number;
  /** Bytes of the whole state JSON. */
  stateBytes: number;
  stateBytesPerResource: number;
  /** Share of the state taken by the two `__provider` copies. */
  providerShare: number;
}

/** Memory and CPU at N records. */
export interface ScaleResult {
  size: SizeFigures;
  applyMs: number;
  host: ProcessStats;
  driver: ProcessStats & { peakRssReset: boolean };
}

/** Measures the real state JSON of `state`. */
export function measureState(state: readonly StateEntry[]): SizeFigures {
  const providerBytes = Buffer.byteLength(JSON.stringify(SERIALIZED_PROVIDER));
  const stateBytes = Buffer.byteLength(stateJson(state));
  const count = state.length;
  const counted = state.reduce((n, s) => n + (s.inputs.__provider ? 1 : 0) + (s.outputs.__provider ? 1 : 0), 0);
  return {
    records: count,
    providerBytesPerResource: (counted * providerBytes) / count,
    stateBytes,
    stateBytesPerResource: stateBytes / count,
    providerShare: (counted * providerBytes) / stateBytes,
  };
}

/** Applies `count` records, then Check and Diff of each, measuring both processes. */
export async function runScale(count: number, latencyMs: number): Promise<ScaleResult> {
  const emulator = await startBenchEmulator(latencyMs);
  const bench = await startBenchHost(emulator);
  try {
    const peakRssReset = resetPeakRss();
    const before = readProcessStats();
    const { ms, result: state } = await timed(() => createAll(bench.host, declareRecords(count)));
    const unchanged = await checkAndDiffAll(bench.host, state);
    if (unchanged !== 0) throw new Error(`${unchanged} resources differ right after their creation`);
    const host = readProcessStats(bench.pid);
    const after = readProcessStats();
    const driver = { peakRssBytes: after.peakRssBytes, cpuMs: after.cpuMs - before.cpuMs, peakRssReset };
    return { size: measureState(state), applyMs: ms, host, driver };
  } finally {
    await bench.close();
    await emulator.close();
  }
}
