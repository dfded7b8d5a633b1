/** A fuzz run's report as printed lines: the shrunk sequence, the error and the command that replays it. */
import type { FuzzReport } from "./fuzz";

/** Why a replay may not fail the same way. */
export const REPLAY_NOTE =
  "A replay runs the same commands in the same order. Under faults it may not fail the same way: the emulator draws " +
  "faults per request, and the engine runs up to 8 steps at once, so which request draws a fault can differ.";

/** The report, one line each. */
export function formatReport(report: FuzzReport): string[] {
  if (report.ok) return [`OK: ${report.runs} sequence(s), seed ${report.seed}${report.interrupted ? " (stopped by the time limit)" : ""}`];
  return [
    `FAILED after ${report.runs} sequence(s), seed ${report.seed}, path ${report.path ?? "(none)"}`,
    "sequence:",
    ...(report.sequence ?? []).map((line) => `  ${line}`),
    `error: ${report.error}`,
    `replay: ${report.replay}`,
    REPLAY_NOTE,
  ];
}
