import { checkFloor, FloorSlowerError, judgeEveryRound, judgeRounds, lastLine, parseLastLine, refreshGoal, roundsNeeded, spreadOf } from "../../tools/bench-rounds";

describe("bench rounds: spread", () => {
  it("gives the median, min and max of an odd and an even count", () => {
    expect(spreadOf([1.3, 0.9, 1.1, 1.0, 1.2])).toEqual({ median: 1.1, min: 0.9, max: 1.3, rounds: 5 });
    expect(spreadOf([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, rounds: 4 });
  });

  it("refuses no value and a value that is not a number", () => {
    expect(() => spreadOf([])).toThrow("at least one value");
    expect(() => spreadOf([1, NaN])).toThrow("finite number");
  });
});

describe("bench rounds: a goal is met", () => {
  it("needs 4 of 5 rounds, and the same share of other counts", () => {
    expect([1, 2, 3, 4, 5, 10].map(roundsNeeded)).toEqual([1, 2, 3, 4, 4, 8]);
  });

  it("when the median and 4 of 5 rounds meet it", () => {
    expect(judgeRounds([1.0, 1.02, 1.04, 1.01, 1.2], 1.05)).toMatchObject({ met: true, roundsMet: 4, roundsNeeded: 4 });
  });

  it("not when the median meets it but only 3 of 5 rounds do", () => {
    expect(judgeRounds([1.0, 1.02, 1.04, 1.06, 1.2], 1.05)).toMatchObject({ met: false, roundsMet: 3, spread: { median: 1.04 } });
  });

  it("not when the median is above it", () => {
    expect(judgeRounds([1.06, 1.07, 1.1, 1.0, 1.01], 1.05)).toMatchObject({ met: false, roundsMet: 2 });
  });

  it("in every round for the refresh count: one round over is missed", () => {
    expect(judgeEveryRound([4, 5, 5, 4, 5], refreshGoal(200))).toMatchObject({ met: true, limit: 5 });
    expect(judgeEveryRound([4, 5, 6, 4, 5], refreshGoal(200))).toMatchObject({ met: false, roundsMet: 4 });
    expect([1, 50, 51, 200, 1000].map(refreshGoal)).toEqual([2, 2, 3, 5, 21]);
  });
});

describe("bench rounds: the floor check", () => {
  it("passes a floor faster than the measured run, and fails the run on one slower, naming both medians", () => {
    expect(() => checkFloor("up", [9000, 9500, 9100], [9600, 9900, 9400])).not.toThrow();
    let caught: unknown;
    try {
      checkFloor("up", [12_500, 14_100, 13_000], [16_000, 9700, 10_000]);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(FloorSlowerError);
    expect((caught as Error).name).toBe("FloorSlowerError");
    expect((caught as Error).message).toContain("the floor's up (median 13000 ms) is slower than the measured up (median 10000 ms)");
  });
});

describe("bench rounds: the last line", () => {
  const figures = {
    up: spreadOf([1.02, 0.98, 1.1, 1.01, 1.04]),
    preview: spreadOf([1.05, 1.0, 1.12, 1.08, 1.03]),
    maxRefreshes: 5,
    records: 200,
    hostPeakRssMiB: 131.24,
    hostPeakRecords: 1000,
  };

  it("is worded as issue #17 asks", () => {
    expect(lastLine(figures)).toBe(
      "up/floor median 1.02x (min 0.98x, max 1.10x); preview/floor median 1.05x (min 1.00x, max 1.12x); " +
        "refreshes max 5 per up of 200 (goal ≤ 5); host peak RSS at 1000: 131.2 MiB",
    );
  });

  it("reads back, and refuses any other text", () => {
    expect(parseLastLine(lastLine(figures))).toEqual({
      up: { median: 1.02, min: 0.98, max: 1.1, rounds: NaN }, preview: { median: 1.05, min: 1, max: 1.12, rounds: NaN },
      maxRefreshes: 5, records: 200, refreshGoal: 5, hostPeakRecords: 1000, hostPeakRssMiB: 131.2,
    });
    expect(parseLastLine(lastLine({ ...figures, hostPeakRssMiB: undefined })).hostPeakRssMiB).toBeUndefined();
    expect(() => parseLastLine("up/floor 1.02x")).toThrow("not a bench:cli last line");
  });
});
