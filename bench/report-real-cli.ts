/** The real-CLI part of the report (`npm run bench:cli`): rounds, goals, scale, realistic latency, state. */
import { formatCalls } from "./call-kinds";
import { CMD, type CliCommand, type RealCliResults, type Round } from "./scenarios/real-cli";
import { judgeEveryRound, judgeRounds, lastLine, refreshGoal, spreadOf, type RoundsVerdict, type Spread } from "../tools/bench-rounds";
import { duration, markdownTable } from "./table";

/** Goals of issue #17, judged on medians. */
export const GOALS = { up: 1.05, preview: 1.1, rssBytes: 150e6 } as const;

const FLOOR_UP = `floor: ${CMD.up}`;
const FLOOR_PREVIEW = `floor: ${CMD.preview}`;

function find(commands: readonly CliCommand[], name: string): CliCommand {
  const c = commands.find((x) => x.command === name);
  if (!c) throw new Error(`bench/results.json has no "${name}" command: run \`npm run bench:cli\` again`);
  return c;
}

const all = (rounds: readonly Round[]) => rounds.map((r) => [...r.measured, ...r.floor]);
const valuesOf = (rounds: readonly Round[], name: string, pick: (c: CliCommand) => number) => all(rounds).map((cs) => pick(find(cs, name)));

/** Per-round ratios measured/floor of two commands. */
export function ratios(rounds: readonly Round[], measured: string, floor: string): number[] {
  return all(rounds).map((cs) => find(cs, measured).ms / find(cs, floor).ms);
}

const x = (v: number) => `${v.toFixed(2)}x`;
const msSpread = (s: Spread) => (s.rounds === 1 ? duration(s.median) : `${duration(s.median)} (${duration(s.min)}–${duration(s.max)})`);
const countSpread = (s: Spread) => (s.min === s.max ? String(s.min) : `${s.min}–${s.max}`);
const verdictOf = (v: RoundsVerdict) => (v.met ? "met" : "MISSED");

/** The verdicts of a run: up/floor, preview/floor, refreshes in every round, RSS. */
export function verdicts(r: RealCliResults) {
  const goal = refreshGoal(r.records);
  const upRefreshes = valuesOf(r.rounds, CMD.up, (c) => c.calls.postRefresh);
  const destroyRefreshes = valuesOf(r.rounds, CMD.destroy, (c) => c.calls.postRefresh);
  return {
    up: judgeRounds(ratios(r.rounds, CMD.up, FLOOR_UP), GOALS.up),
    preview: judgeRounds(ratios(r.rounds, CMD.preview, FLOOR_PREVIEW), GOALS.preview),
    refreshes: judgeEveryRound([...upRefreshes, ...destroyRefreshes], goal),
    upRefreshes,
    destroyRefreshes,
    rssMet: r.hostPeakRssMiB === undefined ? undefined : r.hostPeakRssMiB * 2 ** 20 < GOALS.rssBytes,
  };
}

/** The last line `npm run bench:cli` prints. */
export function realCliLastLine(r: RealCliResults): string {
  const v = verdicts(r);
  return lastLine({
    up: v.up.spread, preview: v.preview.spread, maxRefreshes: Math.max(...v.upRefreshes), records: r.records,
    hostPeakRssMiB: r.hostPeakRssMiB, hostPeakRecords: r.hostPeakRecords ?? 0,
  });
}

/** Per record: above the 0-record up for what runs the program; the whole command for refresh and destroy. */
function perRecord(name: string, ms: number, baselineMs: number, records: number): string {
  if (name.endsWith("(baseline)")) return "";
  const whole = name.endsWith(CMD.refresh) || name.endsWith(CMD.destroy);
  return whole ? `${(ms / records).toFixed(1)} ms (whole command)` : `${((ms - baselineMs) / records).toFixed(1)} ms`;
}

function roundsTable(r: RealCliResults): string {
  const names = [CMD.baseline, CMD.up, CMD.preview, CMD.upSame, CMD.refresh, CMD.destroy, `floor: ${CMD.baseline}`, FLOOR_UP, FLOOR_PREVIEW];
  const baseline = spreadOf(valuesOf(r.rounds, CMD.baseline, (c) => c.ms)).median;
  const floorBaseline = spreadOf(valuesOf(r.rounds, `floor: ${CMD.baseline}`, (c) => c.ms)).median;
  return markdownTable(
    ["command", "API calls (round 1)", "refreshes", "wall time, median (min–max)", "per record (above the 0-record up)", "zone as expected"],
    names.map((name) => {
      const first = find(all(r.rounds)[0], name);
      const ms = spreadOf(valuesOf(r.rounds, name, (c) => c.ms));
      const base = name.startsWith("floor:") ? floorBaseline : baseline;
      const per = perRecord(name, ms.median, base, r.records);
      const ok = valuesOf(r.rounds, name, (c) => (c.ok ? 1 : 0)).every(Boolean);
      return [name, formatCalls(first.calls), countSpread(spreadOf(valuesOf(r.rounds, name, (c) => c.calls.postRefresh))), msSpread(ms), per, ok ? "yes" : "NO"];
    }),
  );
}

/** Where the time of the up, the preview and the destroy went, medians over the rounds. */
function profileTable(r: RealCliResults): string {
  const median = (name: string, pick: (c: CliCommand) => number) => {
    const vs = valuesOf(r.rounds, name, pick).filter(Number.isFinite);
    return vs.length ? duration(spreadOf(vs).median) : "–";
  };
  const part = (name: string, pick: (p: NonNullable<CliCommand["profile"]>) => number) => median(name, (c) => (c.profile ? pick(c.profile) : NaN));
  return markdownTable(
    ["command (medians)", "wall time", "the same program's 0-record up", "start to first API call", "first to last API call", "last API call to exit"],
    [CMD.up, FLOOR_UP, CMD.preview, FLOOR_PREVIEW, CMD.destroy].map((name) => [
      name, median(name, (c) => c.ms), median(name.startsWith("floor:") ? `floor: ${CMD.baseline}` : CMD.baseline, (c) => c.ms),
      part(name, (p) => p.startMs), part(name, (p) => p.callsMs), part(name, (p) => p.endMs),
    ]),
  );
}

function scaleTable(s: NonNullable<RealCliResults["scale"]>): string {
  const base = (c: CliCommand) => find(s.commands, c.command.startsWith("floor:") ? `floor: ${CMD.baseline}` : CMD.baseline).ms;
  return markdownTable(
    ["command", "API calls", "refreshes", "wall time", "per record (above the 0-record up)", "host peak RSS"],
    s.commands.map((c) => [
      c.command, formatCalls(c.calls), c.calls.postRefresh, duration(c.ms), perRecord(c.command, c.ms, base(c), s.records),
      c.hostPeakRssMiB === undefined ? "" : `${c.hostPeakRssMiB.toFixed(1)} MiB`,
    ]),
  );
}

function slowSection(r: RealCliResults, slow: NonNullable<RealCliResults["slow"]>): string[] {
  const cs = [...slow.round.measured, ...slow.round.floor];
  return [
    `#### The same ${r.records} records at ${slow.latencyMs} ms a call (one round, closer to the real API from Europe)`,
    markdownTable(["command", "API calls", "refreshes", "wall time"], cs.map((c) => [c.command, formatCalls(c.calls), c.calls.postRefresh, duration(c.ms)])),
    "",
    `- up/floor ${x(find(cs, CMD.up).ms / find(cs, FLOOR_UP).ms)}, preview/floor ${x(find(cs, CMD.preview).ms / find(cs, FLOOR_PREVIEW).ms)} (one round: indicative, not judged)`,
  ];
}

function stateSection(r: RealCliResults): string[] {
  const [base, at] = r.state;
  if (!base || !at || !r.stateParts) return [];
  const per = (at.bytes - base.bytes) / (at.records - base.records);
  const fields = Object.entries(r.stateParts.fields).sort((a, b) => b[1] - a[1]);
  const values = fields.reduce((n, [, b]) => n + b, 0);
  return [
    `#### What a record costs in the state file (Pulumi CLI, ${at.records} records)`,
    markdownTable(
      ["part of one ZoneRecord's entry", "bytes"],
      [
        ...fields.map(([k, b]) => [`\`${k}\`${k === "inputs" || k === "outputs" ? "" : ""}`, b.toFixed(0)]),
        ["field names, indentation and separators (the rest)", (per - values).toFixed(0)],
        ["**file growth per record**", per.toFixed(0)],
      ],
    ),
    "",
    `- of \`inputs\` and \`outputs\`, the two copies of the one-line \`__provider\` take ${r.stateParts.providerBytes.toFixed(0)} bytes; ` +
      "`outputs` repeats the inputs and adds `recordId`, `fqdn` and the holder's `instanceId`; everything else is the engine's: " +
      "`stackTrace` and `sourcePosition` (where the program declared the resource), `propertyDependencies`, `parent`, `provider`, `urn`, `type` and the `created`/`modified` times",
  ];
}

/** The Markdown tables and findings of a real-CLI run. */
export function renderRealCli(r: RealCliResults): string {
  const v = verdicts(r);
  const goal = refreshGoal(r.records);
  const upMs = spreadOf(valuesOf(r.rounds, CMD.up, (c) => c.ms)).median;
  const floorMs = spreadOf(valuesOf(r.rounds, FLOOR_UP, (c) => c.ms)).median;
  const judged = (name: string, verdict: RoundsVerdict, limit: number) =>
    `- ${name}: median ${x(verdict.spread.median)} (min ${x(verdict.spread.min)}, max ${x(verdict.spread.max)}; ` +
    `${verdict.roundsMet} of ${verdict.spread.rounds} rounds at most ${x(limit)}); goal ≤ ${x(limit)}: **${verdictOf(verdict)}**`;
  const rss = r.hostPeakRssMiB === undefined ? "not measured" :
    `${r.hostPeakRssMiB.toFixed(1)} MiB = ${((r.hostPeakRssMiB * 2 ** 20) / 1e6).toFixed(1)} MB; goal < 150 MB: **${r.hostPeakRssMiB * 2 ** 20 < GOALS.rssBytes ? "met" : "MISSED"}**`;
  const lines = [
    `#### Through the real Pulumi CLI (${r.cliVersion}, default parallelism, ${r.records} records, emulator at ${r.latencyMs} ms a call, ${r.rounds.length} interleaved rounds)`,
    roundsTable(r),
    "",
    "- each round runs the measured program (`bench/program`) and the floor (`bench/floor-program`) on fresh stacks against one emulator " +
      "whose zone is emptied before each, the floor first in odd rounds and second in even ones; each starts with a 0-record up",
    "- the floor is the cheapest dynamic provider that publishes the records: a one-line `require` as `__provider` (as a ZoneRecord's), " +
      "pure check and diff, one POST per record, and one refresh sent by the create that completes the last POST (no extra resource or dependency)",
    "- goals are judged on the median of the per-round ratios, and met only when at least 4 of 5 rounds meet them too:",
    judged(`up of ${r.records} / floor up`, v.up, GOALS.up),
    judged("preview with nothing changed / floor preview", v.preview, GOALS.preview),
    `- refreshes per up of ${r.records}: ${v.upRefreshes.join(", ")}; per destroy: ${v.destroyRefreshes.join(", ")} (round by round); ` +
      `goal ≤ ceil(${r.records}/50) + 1 = ${goal} in every round: **${verdictOf(v.refreshes)}**`,
    `- the plugin host's peak RSS during the commands at ${r.hostPeakRecords ?? "?"} records: ${rss}`,
    "",
    `Where the time goes (medians; the up's gap to the floor is ${duration(upMs - floorMs)}):`,
    "",
    profileTable(r),
    "",
    "- the 0-record up is what any command of that program pays with nothing to do: the CLI, the program's start " +
      "(ts-node type-checks it, and the measured program imports this package's declarations), the engine and the plugin host; " +
      "start to first API call adds the program's registrations and the engine's serial Check (and Diff) of each resource; " +
      "first to last API call is the steps with their API calls and this provider's refresh waits; last call to exit is the " +
      "last refresh's answer, the state write and the shutdown; a preview makes no API call",
  ];
  if (r.scale) {
    lines.push("", `#### ${r.scale.records} records through the real CLI (one run of each set)`, scaleTable(r.scale), "",
      "- host peak RSS: the most resident memory (VmHWM) of the command's dynamic-provider host; the floor's host runs Pulumi's same host " +
        "code with a provider that keeps nothing, so the gap between the two is what this provider holds");
  }
  if (r.slow) lines.push("", ...slowSection(r, r.slow));
  const state = stateSection(r);
  if (state.length) lines.push("", ...state);
  return lines.join("\n");
}
