/**
 * Scenario 4: pacing against a server-side rate limit of N calls a minute (token bucket with a small burst).
 * With `ovh:apiRateLimit` = N/60 (requests per second, the key's unit) applying the records should get no 429
 * and use at least 90% of the allowed rate; without it, the 429s are absorbed by retries and the apply should
 * still succeed.
 */
import { countCalls } from "../call-kinds";
import { BENCH_ZONE, declareRecords, startBenchEmulator, startBenchHost, timed } from "../../tools/soak";
import { createEach } from "../host-steps";

/** One paced (or unpaced) apply. */
export interface PacingRun {
  apiRateLimit?: number;
  ms: number;
  calls: number;
  /** 429 answers seen in the emulator's log. */
  throttled: number;
  /** calls / elapsed seconds. */
  callsPerSecond: number;
  /** callsPerSecond / (perMinute / 60). */
  rateUse: number;
  ok: boolean;
  error?: string;
  recordsInZone: number;
}

/** Both runs of scenario 4. */
export interface PacingResult {
  records: number;
  perMinute: number;
  burst: number;
  paced: PacingRun;
  unpaced: PacingRun;
}

async function applyUnderLimit(records: number, latencyMs: number, perMinute: number, burst: number, apiRateLimit?: number): Promise<PacingRun> {
  const emulator = await startBenchEmulator(latencyMs, { rateLimit: { perMinute, burst } });
  const extra: Record<string, string> = apiRateLimit === undefined ? {} : { "ovh:apiRateLimit": String(apiRateLimit) };
  const bench = await startBenchHost(emulator, extra);
  try {
    emulator.clearLog();
    const { ms, result } = await timed(() => createEach(bench.host, declareRecords(records)));
    const calls = countCalls(emulator.log);
    const callsPerSecond = calls.total / (ms / 1000);
    return {
      apiRateLimit,
      ms,
      calls: calls.total,
      throttled: calls.throttled,
      callsPerSecond,
      rateUse: callsPerSecond / (perMinute / 60),
      ok: result.failed === 0,
      error: result.failed ? `${result.failed} creates failed, e.g. ${result.firstError?.slice(0, 160)}` : undefined,
      recordsInZone: emulator.zone(BENCH_ZONE).records.length,
    };
  } finally {
    await bench.close();
    await emulator.close();
  }
}

/** Runs scenario 4: `records` records under a limit of `perMinute` calls a minute. */
export async function runPacing(records: number, latencyMs: number, perMinute: number, burst: number): Promise<PacingResult> {
  const paced = await applyUnderLimit(records, latencyMs, perMinute, burst, perMinute / 60);
  const unpaced = await applyUnderLimit(records, latencyMs, perMinute, burst);
  return { records, perMinute, burst, paced, unpaced };
}
