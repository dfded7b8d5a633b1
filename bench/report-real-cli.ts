/** The real-CLI part of the report (`npm run bench:cli`). */
import { formatCalls } from "./call-kinds";
import type { RealCliResults } from "./scenarios/real-cli";
import { duration, markdownTable, ratio, verdict } from "./table";

/** The Markdown table and findings of a real-CLI run. */
export function renderRealCli(r: RealCliResults, latencyMs: number): string {
  const table = markdownTable(
    ["command", "API calls", "refreshes", "wall time", "zone as expected"],
    [...r.commands, ...(r.floorBaseline ? [r.floorBaseline] : []), r.floor].map((c) => [c.command, formatCalls(c.calls), c.calls.postRefresh, duration(c.ms), c.ok ? "yes" : "NO"]),
  );
  const up = r.commands.find((c) => c.command === "up (create)");
  const destroy = r.commands.find((c) => c.command === "destroy");
  const goal = Math.ceil(r.records / 50) + 1;
  const lines = [
    `#### Through the real Pulumi CLI (${r.cliVersion}, default parallelism, ${r.records} records, emulator at ${latencyMs} ms a call)`,
    table,
    "",
    "- the floor is the same CLI and program shape through a trivial dynamic provider (`bench/floor-program`: one POST per record, one refresh by a last resource)" +
      (r.floorBaseline ? ", run as the measured stack is: a 0-record up, then the up of N records" : ""),
    "- preview and up with nothing changed run the same Check and Diff; the up also writes the state file",
  ];
  if (up) {
    lines.push(
      `- refreshes in the up of ${r.records} creates: ${up.calls.postRefresh}${destroy ? `, in the destroy: ${destroy.calls.postRefresh}` : ""}; ` +
        `goal: ${verdict(up.calls.postRefresh <= goal, `at most ceil(${r.records}/50) + 1 = ${goal}`)}`,
      `- up against the floor: calls ${ratio(up.calls.total, r.floor.calls.total)}, wall time ${ratio(up.ms, r.floor.ms)}; goal: ${verdict(up.ms <= 1.1 * r.floor.ms, "1.1x")}`,
    );
  }
  const peak = r.hostPeakRssMiB === undefined ? "not measured (no /proc)" : `${r.hostPeakRssMiB.toFixed(1)} MiB; goal: ${verdict(r.hostPeakRssMiB * 1024 * 1024 < 150e6, "under 150 MB")}`;
  lines.push(`- the plugin host's peak RSS during an up of ${r.hostPeakRecords} records: ${peak}`);
  return lines.join("\n");
}
