/** Turns the scenario results into the Markdown report `npm run bench` prints. */
import { formatCalls } from "./call-kinds";
import type { EngineCommand } from "./scenarios/engine";
import { mib } from "./process-stats";
import type { ApplyResult } from "./scenarios/apply";
import type { PacingResult } from "./scenarios/pacing";
import type { ScaleResult, SizeFigures } from "./scenarios/scale";
import type { SteadyResult } from "./scenarios/steady";
import { duration, markdownTable, ratio, verdict } from "./table";

/** Everything one run measured. */
export interface BenchResults {
  latencyMs: number;
  driver: string;
  apply: ApplyResult;
  steady: SteadyResult;
  pacing: PacingResult;
  size200: SizeFigures;
  scale: ScaleResult[];
  /** Scenario 7: a whole program through the local engine. */
  engine?: EngineCommand[];
}

function applySection(a: ApplyResult): string {
  const rows = [
    ["this provider (plugin host, all creates in parallel)", a.provider],
    ["this provider's code in-process (no plugin host)", a.inProcess],
    ["terraform-provider-ovh pattern (POST, refresh, GET per record)", a.terraformPattern],
    ["floor (N POSTs, one refresh)", a.floor],
  ] as const;
  const table = markdownTable(
    ["run", "API calls", "wall time", "records in zone"],
    rows.map(([name, r]) => [name, formatCalls(r.calls), duration(r.ms), r.recordsInZone]),
  );
  const p = a.provider;
  return [
    `### 1. Apply ${a.records} new records`,
    table,
    "",
    `- this/floor: calls ${ratio(p.calls.total, a.floor.calls.total)}, time ${ratio(p.ms, a.floor.ms)}; ` +
      `this/terraform pattern: calls ${ratio(p.calls.total, a.terraformPattern.calls.total)}, time ${ratio(p.ms, a.terraformPattern.ms)}`,
    `- in-process/floor: time ${ratio(a.inProcess.ms, a.floor.ms)} (the rest of the gap is the plugin host's gRPC Check and Create)`,
    `- calls: ${verdict(p.calls.total <= a.records + 4, `<= ${a.records + 4}, measured ${p.calls.total}`)}`,
    `- wall time: ${verdict(p.ms <= 1.2 * a.floor.ms, `<= 1.2x floor, measured ${ratio(p.ms, a.floor.ms)}`)}`,
  ].join("\n");
}

function steadySection(s: SteadyResult): string {
  const table = markdownTable(
    ["command", "API calls", "wall time", "changed", "goal"],
    [
      ["preview, nothing changed", formatCalls(s.preview.calls), duration(s.preview.ms), s.preview.changed, verdict(s.preview.calls.total === 0, "0 calls")],
      ["up, nothing changed", formatCalls(s.up.calls), duration(s.up.ms), s.up.changed, verdict(s.up.calls.total === 0, "0 calls")],
      ["refresh", formatCalls(s.refresh.calls), duration(s.refresh.ms), s.refresh.changed,
        verdict(s.refresh.calls.getRecord === s.records && s.refresh.calls.total === s.records, `${s.records} GETs`)],
    ],
  );
  return [`### 2-3. Preview, up and refresh of ${s.records} records with nothing changed`, table].join("\n");
}

function pacingSection(p: PacingResult): string {
  const allowed = p.perMinute / 60;
  const row = (name: string, r: PacingResult["paced"]) => [
    name, duration(r.ms), r.calls, r.throttled, `${r.callsPerSecond.toFixed(2)}/s (${(r.rateUse * 100).toFixed(0)}%)`,
    r.ok ? `ok, ${r.recordsInZone} records` : `FAILED (${r.recordsInZone} records): ${r.error}`,
  ];
  const table = markdownTable(
    ["run", "wall time", "API calls", "429s", "rate used (of allowed)", "outcome"],
    [row(`ovh:apiRateLimit=${allowed}`, p.paced), row("no apiRateLimit", p.unpaced)],
  );
  return [
    `### 4. Pacing: ${p.records} records under a server limit of ${p.perMinute}/min (${allowed}/s, burst ${p.burst})`,
    table,
    "",
    `- paced: ${verdict(p.paced.throttled === 0, `0 429s, measured ${p.paced.throttled}`)}; ` +
      `${verdict(p.paced.rateUse >= 0.9, `>= 90% of the allowed rate, measured ${(p.paced.rateUse * 100).toFixed(1)}%`)}`,
    `- unpaced: ${p.unpaced.throttled} 429s seen; apply ${p.unpaced.ok ? "succeeded (all absorbed by retries)" : `FAILED (${p.unpaced.error?.split(",")[0]})`}`,
  ].join("\n");
}

function sizeSection(sizes: SizeFigures[]): string {
  const table = markdownTable(
    ["records", "__provider bytes / resource", "state bytes", "state bytes / resource", "__provider share"],
    sizes.map((s) => [s.records, s.providerBytesPerResource.toFixed(0), s.stateBytes, s.stateBytesPerResource.toFixed(1), `${(s.providerShare * 100).toFixed(0)}%`]),
  );
  return ["### 5. Size", table].join("\n");
}

function scaleSection(scale: ScaleResult[]): string {
  const table = markdownTable(
    ["records", "apply", "host peak RSS", "host CPU", "driver peak RSS", "driver CPU"],
    scale.map((s) => [s.size.records, duration(s.applyMs), mib(s.host.peakRssBytes), duration(s.host.cpuMs), mib(s.driver.peakRssBytes), duration(s.driver.cpuMs)]),
  );
  const lines = ["### 6. Memory and CPU (apply N records, then an up with nothing changed)", table];
  if (scale.length > 1) lines.push("", growth(scale[0], scale[scale.length - 1]));
  lines.push("", "Driver figures include the emulator (same process). Host CPU includes its start-up and Configure.");
  return lines.join("\n");
}

/** Per-record figures at the small and large size: ~1.0 is linear, above is worse. */
function growth(small: ScaleResult, large: ScaleResult): string {
  const n = (s: ScaleResult) => s.size.records;
  const per = (pick: (s: ScaleResult) => number) => (pick(large) / n(large)) / (pick(small) / n(small));
  const figures: [string, (s: ScaleResult) => number][] = [
    ["state bytes", (s) => s.size.stateBytes],
    ["apply time", (s) => s.applyMs],
    ["host peak RSS", (s) => s.host.peakRssBytes],
    ["host CPU", (s) => s.host.cpuMs],
    ["driver peak RSS", (s) => s.driver.peakRssBytes],
    ["driver CPU", (s) => s.driver.cpuMs],
  ];
  const rows = figures.map(([name, pick]) => {
    const r = per(pick);
    return [name, r.toFixed(2), r <= 1.15 ? "linear or better" : "WORSE than linear"];
  });
  return markdownTable([`growth ${n(small)} -> ${n(large)} (per-record ratio)`, "ratio", "reading"], rows);
}

function engineSection(e: EngineCommand[] | undefined): string {
  if (!e) return "";
  const table = markdownTable(
    ["command (local engine, whole program)", "API calls", "wall time", "zone as declared"],
    e.map((c) => [c.command, formatCalls(c.calls), duration(c.ms), c.ok ? "yes" : "NO"]),
  );
  return ["### 7. The same 200 records as a whole program through the local engine (program runner + plugin host)", table,
    "", "- wall times include starting the program (ts-node) and the plugin host, as every `pulumi` command does"].join("\n");
}

/** The whole report. */
export function renderReport(r: BenchResults): string {
  return [
    `## pulumi-ovh-dns benchmarks (emulator latency ${r.latencyMs} ms a call; driver: ${r.driver})`,
    applySection(r.apply),
    steadySection(r.steady),
    pacingSection(r.pacing),
    sizeSection([r.size200, ...r.scale.map((s) => s.size)]),
    scaleSection(r.scale),
    engineSection(r.engine),
  ].filter(Boolean).join("\n\n");
}
