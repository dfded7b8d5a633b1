/**
 * How the benchmarks judge figures measured in rounds (`npm run bench:cli -- --rounds N`): the median and the
 * range of each figure, the rule that calls a goal met, the check that the floor is a floor, and the one line a
 * script reads. Pure functions of numbers, so that the rules are tested on numbers chosen by the test, never on
 * timings (house style: no timed assertion in tests).
 */

/** A figure over rounds: its median, least and greatest value. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Rounds it was measured in. */
  rounds: number;
}

/** The median (the mean of the two middle values for an even count), min and max of `values`. */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError("a spread needs at least one value: run at least one round");
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError(`every value of a spread must be a finite number, got ${values.join(", ")}`);
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], rounds: sorted.length };
}

/** Rounds that must meet a goal, of `rounds`: 4 of 5, and the same share (rounded up) of any other count. */
export function roundsNeeded(rounds: number): number {
  return Math.ceil((rounds * 4) / 5);
}

/** A goal `value <= limit` judged over rounds. */
export interface RoundsVerdict {
  met: boolean;
  spread: Spread;
  limit: number;
  /** Rounds whose value met the limit. */
  roundsMet: number;
  roundsNeeded: number;
}

/** Met only when the median meets `limit` and so do at least {@link roundsNeeded} of the rounds. */
export function judgeRounds(values: readonly number[], limit: number): RoundsVerdict {
  const spread = spreadOf(values);
  const roundsMet = values.filter((v) => v <= limit).length;
  const needed = roundsNeeded(values.length);
  return { met: spread.median <= limit && roundsMet >= needed, spread, limit, roundsMet, roundsNeeded: needed };
}

/** A goal that must hold in every round (the refresh count): met when the greatest value meets `limit`. */
export function judgeEveryRound(values: readonly number[], limit: number): RoundsVerdict {
  const spread = spreadOf(values);
  const roundsMet = values.filter((v) => v <= limit).length;
  return { met: roundsMet === values.length, spread, limit, roundsMet, roundsNeeded: values.length };
}

/** The most refreshes an `up` or a `destroy` of `records` may make: ceil(N/50) + 1. */
export function refreshGoal(records: number): number {
  return Math.ceil(records / 50) + 1;
}

/** The floor's median was slower than the measured median: the floor is wrong, not the provider fast. */
export class FloorSlowerError extends Error {
  override readonly name: string = "FloorSlowerError";
  constructor(readonly command: string, readonly floorMedianMs: number, readonly measuredMedianMs: number) {
    super(
      `the floor's ${command} (median ${floorMedianMs.toFixed(0)} ms) is slower than the measured ${command} ` +
        `(median ${measuredMedianMs.toFixed(0)} ms): a floor must cost less than what it bounds, so its program or ` +
        "provider does more than the measured one; fix the floor (bench/floor-program) before reading any ratio",
    );
  }
}

/** Throws {@link FloorSlowerError} when the floor's median of `command` is above the measured median. */
export function checkFloor(command: string, floorMs: readonly number[], measuredMs: readonly number[]): void {
  const floor = spreadOf(floorMs).median;
  const measured = spreadOf(measuredMs).median;
  if (floor > measured) throw new FloorSlowerError(command, floor, measured);
}

/** What the last line of `npm run bench:cli` reports. */
export interface LastLineFigures {
  /** Per-round ratios measured/floor of the `up` of N records and of the preview with nothing changed. */
  up: Spread;
  preview: Spread;
  /** The most refreshes one `up` made in any round, the records it created, and the limit. */
  maxRefreshes: number;
  records: number;
  /** The plugin host's peak RSS (MiB) and the records of the `up` it was measured in; undefined when not measured. */
  hostPeakRssMiB?: number;
  hostPeakRecords: number;
}

const times = (x: number) => `${x.toFixed(2)}x`;
const ratioSpread = (s: Spread) => `median ${times(s.median)} (min ${times(s.min)}, max ${times(s.max)})`;

/**
 * The machine-readable last line: `up/floor median X.XXx (min A, max B); preview/floor median …; refreshes max
 * M per up of 200 (goal ≤ 5); host peak RSS at 1000: R MiB`.
 */
export function lastLine(f: LastLineFigures): string {
  const rss = f.hostPeakRssMiB === undefined ? "not measured" : `${f.hostPeakRssMiB.toFixed(1)} MiB`;
  return `up/floor ${ratioSpread(f.up)}; preview/floor ${ratioSpread(f.preview)}; ` +
    `refreshes max ${f.maxRefreshes} per up of ${f.records} (goal ≤ ${refreshGoal(f.records)}); host peak RSS at ${f.hostPeakRecords}: ${rss}`;
}

/** Reads back a line written by {@link lastLine} (for a script comparing two runs); throws on any other text. */
export function parseLastLine(line: string): { up: Spread; preview: Spread; maxRefreshes: number; records: number; refreshGoal: number; hostPeakRecords: number; hostPeakRssMiB?: number } {
  const num = String.raw`(\d+(?:\.\d+)?)`;
  const spread = String.raw`median ${num}x \(min ${num}x, max ${num}x\)`;
  const m = new RegExp(
    String.raw`^up/floor ${spread}; preview/floor ${spread}; refreshes max (\d+) per up of (\d+) \(goal ≤ (\d+)\); host peak RSS at (\d+): (?:${num} MiB|not measured)$`,
  ).exec(line.trim());
  if (!m) throw new Error(`not a bench:cli last line: ${JSON.stringify(line)}`);
  const n = m.slice(1).map((v) => (v === undefined ? undefined : Number(v)));
  const s = (i: number): Spread => ({ median: n[i]!, min: n[i + 1]!, max: n[i + 2]!, rounds: NaN });
  return { up: s(0), preview: s(3), maxRefreshes: n[6]!, records: n[7]!, refreshGoal: n[8]!, hostPeakRecords: n[9]!, hostPeakRssMiB: n[10] };
}
