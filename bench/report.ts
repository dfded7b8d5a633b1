/** Turns the scenario results into the Markdown report `npm run bench` prints. */
import { formatCalls } from "./call-kinds";
import { scaleSection, sizeSection } from "./report-size";
import type { ApplyResult, ApplyRun } from "./scenarios/apply";
import { judgeRounds, spreadOf, type Spread } from "../tools/bench-rounds";
import type { EngineResult } from "./scenarios/engine";
import type { PacingResult } from "./scenarios/pacing";
import type { RealCliResults } from "./scenarios/real-cli";
import type { ScalePoint } from "./scenarios/scale";
import type { SteadyResult } from "./scenarios/steady";
import { duration, markdownTable, ratio, verdict } from "./table";

/** Everything one run measured. */
export interface BenchResults {
  latencyMs: number;
  driver: string;
  /** Scenario 1, first round (its calls). */
  apply: ApplyResult;
  /** Scenario 1, every interleaved round (absent from runs before rounds existed). */
  applyRounds?: ApplyResult[];
  steady: SteadyResult;
  pacing: PacingResult;
  /** Scenario 6: the 0-record baseline first. */
  scale: ScalePoint[];
  /** Scenario 7: a whole program through the local engine. */
  engine: EngineResult;
}

function applySection(a: ApplyResult, allRounds: readonly ApplyResult[] = [a]): string {
  const rows = [
    ["this provider (plugin host, all creates in parallel)", (r: ApplyResult) => r.provider],
    ["this provider's code in-process (no plugin host)", (r: ApplyResult) => r.inProcess],
    ["terraform-provider-ovh pattern (POST, refresh, GET per record)", (r: ApplyResult) => r.terraformPattern],
    ["floor (N POSTs, one refresh)", (r: ApplyResult) => r.floor],
  ] as const;
  const msOf = (pick: (r: ApplyResult) => ApplyRun) => spreadOf(allRounds.map((r) => pick(r).ms));
  const range = (sp: Spread, fmt: (v: number) => string) => (sp.rounds === 1 ? fmt(sp.median) : `${fmt(sp.median)} (${fmt(sp.min)}–${fmt(sp.max)})`);
  const table = markdownTable(
    ["run", "API calls (round 1)", "wall time, median (min–max)", "records in zone"],
    rows.map(([name, pick]) => [name, formatCalls(pick(a).calls), range(msOf(pick), duration), pick(a).recordsInZone]),
  );
  const ratioOf = (num: (r: ApplyResult) => ApplyRun, den: (r: ApplyResult) => ApplyRun) => allRounds.map((r) => num(r).ms / den(r).ms);
  const times = (v: number) => `${v.toFixed(2)}x`;
  const wall = judgeRounds(ratioOf((r) => r.provider, (r) => r.floor), 1.2);
  const p = a.provider;
  return [
    `#### 1. Apply ${a.records} new records (${allRounds.length} interleaved round${allRounds.length === 1 ? "" : "s"})`,
    table,
    "",
    `- this/floor: calls ${ratio(p.calls.total, a.floor.calls.total)}, time ${range(wall.spread, times)}; ` +
      `this/terraform pattern: calls ${ratio(p.calls.total, a.terraformPattern.calls.total)}, time ${range(spreadOf(ratioOf((r) => r.provider, (r) => r.terraformPattern)), times)}`,
    `- in-process/floor: time ${range(spreadOf(ratioOf((r) => r.inProcess, (r) => r.floor)), times)} (the rest of the gap is the plugin host's gRPC Check and Create)`,
    `- calls: ${verdict(p.calls.total <= a.records + 4, `<= ${a.records + 4}, measured ${p.calls.total}`)}`,
    `- wall time: ${verdict(wall.met, `<= 1.2x floor on the median and in ${wall.roundsNeeded} of ${wall.spread.rounds} rounds, measured median ${times(wall.spread.median)}, ${wall.roundsMet} rounds within`)}`,
  ].join("\n");
}

function steadySection(s: SteadyResult): string {
  const u = s.unchanged;
  const r = s.refresh;
  const table = markdownTable(
    ["command", "API calls", "wall time", "changed", "goal"],
    [
      ["preview or up, nothing changed", formatCalls(u.calls), duration(u.ms), u.changed, verdict(u.calls.total === 0, "0 calls")],
      ["refresh", formatCalls(r.calls), duration(r.ms), r.changed, verdict(r.calls.getRecord === s.records && r.calls.total === s.records, `${s.records} GETs`)],
    ],
  );
  return [
    `#### 2-3. Preview, up and refresh of ${s.records} records with nothing changed`,
    table,
    "",
    "- one row for preview and up: with nothing changed both send the provider the same Check and Diff of each resource, " +
      "and an up whose diffs are empty has no further step (scenario 7 shows the two apart, with the state write)",
    ...(r.calls.other > 0 ? [`- refresh: the ${r.calls.other} \`other\` call is the new plugin host's clock sync (\`GET /auth/time\`): each \`pulumi\` command starts its own host`] : []),
  ].join("\n");
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
    `#### 4. Pacing: ${p.records} records under a server limit of ${p.perMinute}/min (${allowed}/s, burst ${p.burst})`,
    table,
    "",
    `- paced: ${verdict(p.paced.throttled === 0, `0 429s, measured ${p.paced.throttled}`)}; ` +
      `${verdict(p.paced.rateUse >= 0.9, `>= 90% of the allowed rate, measured ${(p.paced.rateUse * 100).toFixed(1)}%`)}`,
    `- unpaced: ${p.unpaced.throttled} 429s seen; apply ${p.unpaced.ok ? "succeeded (all absorbed by retries)" : `FAILED (${p.unpaced.error?.split(",")[0]})`}`,
  ].join("\n");
}

function engineSection(e: EngineResult): string {
  const table = markdownTable(
    ["command (local engine, whole program)", "API calls", "wall time", "zone as declared"],
    e.commands.map((c) => [c.command, formatCalls(c.calls), duration(c.ms), c.ok ? "yes" : "NO"]),
  );
  return [
    `#### 7. The same ${e.records} records as a whole program through the local engine (program runner + plugin host)`,
    table,
    "",
    "- wall times include starting the program (ts-node) and the plugin host, as every `pulumi` command does; the baseline row is that cost with no record",
    "- preview and up with nothing changed run the same Check and Diff; the up also writes the state file",
  ].join("\n");
}

/** The tables of one run of `npm run bench`, and of `npm run bench:cli` when given. */
export function renderReport(r: BenchResults, realCli?: RealCliResults): string {
  return [
    applySection(r.apply, r.applyRounds),
    steadySection(r.steady),
    pacingSection(r.pacing),
    sizeSection(realCli ? [r.engine.state, realCli.state] : [r.engine.state]),
    scaleSection(r.scale),
    engineSection(r.engine),
  ].join("\n\n");
}
