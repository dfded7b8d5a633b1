/**
 * The fault soak and the stack it shares with the benchmarks: declared records, an emulator with the bench zone,
 * a configured plugin host, one `up` with the engine's rules for failed steps, and the round-by-round comparison
 * of zone, declaration and state. Used by `npm run soak` (bench/soak.ts), the benchmarks and tests/soak.
 */
export { compareRound, type Comparison } from "./compare";
export { BENCH_PROJECT, BENCH_ZONE, declareRecord, declareRecords, urnOf, type DeclaredRecord } from "./desired-state";
export { desiredForRound } from "./rounds";
export { faultsAt, runSoak, type FaultCounts, type RoundReport, type SoakOptions, type SoakReport } from "./run-soak";
export { stackConfig, startBenchEmulator, startBenchHost, timed, type BenchHost } from "./stack";
export { up, type SoakEntry, type SoakState, type UpReport } from "./up";
