/** The size table (state files the engines wrote) and the growth table (scenario 6) of the report. */
import { mib } from "./process-stats";
import type { ScalePoint } from "./scenarios/scale";
import { perRecord, type StateSize } from "./state-size";
import { duration, markdownTable } from "./table";

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const perCent = (part: number, whole: number) => (whole === 0 ? "n/a" : `${((part / whole) * 100).toFixed(0)}%`);

/**
 * One table of state files, each group's first file being its 0-record baseline (same engine, same program):
 * what a record adds is the file's growth over that baseline, divided by the records.
 */
export function sizeSection(groups: readonly (readonly StateSize[])[]): string {
  const rows = groups.flatMap(([baseline, ...rest]) => [
    [baseline.engine, `${baseline.records} (baseline)`, baseline.bytes, "", ""],
    ...rest.map((s) => {
      const per = perRecord(baseline, s);
      return [s.engine, s.records, s.bytes, per.bytes.toFixed(0), `${per.providerBytes.toFixed(0)} (${perCent(per.providerBytes, per.bytes)})`];
    }),
  ]);
  const table = markdownTable(["state file written by", "records", "file bytes", "bytes / record above the baseline", "of which `__provider`"], rows);
  return [
    "#### 5. Size of the state file",
    table,
    "",
    "- each engine's own file after an `up` of the bench program (`bench/program`), read from disk; the baseline is the same program with 0 records",
    "- `__provider` is stored in each resource's inputs and outputs: the two copies, JSON-quoted",
  ].join("\n");
}

/** Scenario 6: each point (the first has 0 records), then what a record adds over that baseline. */
export function scaleSection(points: readonly ScalePoint[]): string {
  const [base, ...rest] = points;
  const cells = (p: ScalePoint) => [
    duration(p.applyMs), p.calls, mib(p.host.peakRssBytes), duration(p.host.cpuMs), mib(p.driver.peakRssGrowthBytes), duration(p.driver.cpuMs), p.state.bytes,
  ];
  const per = (p: ScalePoint) => {
    const n = p.records - base.records;
    const d = (pick: (q: ScalePoint) => number) => (pick(p) - pick(base)) / n;
    return [
      `${d((q) => q.applyMs).toFixed(2)} ms`, d((q) => q.calls).toFixed(2), kib(d((q) => q.host.peakRssBytes)), `${d((q) => q.host.cpuMs).toFixed(2)} ms`,
      kib(d((q) => q.driver.peakRssGrowthBytes)), `${d((q) => q.driver.cpuMs).toFixed(2)} ms`, d((q) => q.state.bytes).toFixed(0),
    ];
  };
  const table = markdownTable(
    ["records", "apply time", "API calls", "host peak RSS", "host CPU", "driver peak RSS growth", "driver CPU", "state file bytes (local engine)"],
    [
      [`${base.records} (baseline)`, ...cells(base)],
      ...rest.map((p) => [p.records, ...cells(p)]),
      ...rest.map((p) => [`per record, ${base.records} -> ${p.records}`, ...per(p)]),
    ],
  );
  return [
    "#### 6. What grows per record (apply N records, then an up with nothing changed)",
    table,
    "",
    "- the baseline is the same process kind doing the same steps with no record: a plugin host started and configured, " +
      "an empty program's state; the per-record rows subtract it, so they say what one more record costs",
    "- host figures cover its whole life (start-up and Configure included); the driver's include the emulator (same process), " +
      "and its peak RSS is counted above its RSS when the point started",
  ].join("\n");
}
