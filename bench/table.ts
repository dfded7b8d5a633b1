/** Markdown tables and number formats for the benchmark report. */

/** A Markdown table: a header row, a separator and one line per row; `|` in cells is escaped. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => String(v).replace(/\|/g, "\\|");
  const line = (cells: readonly (string | number)[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

/** `1234 ms` / `12.3 s`. */
export function duration(ms: number): string {
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** `1.23x`. */
export function ratio(a: number, b: number): string {
  return b === 0 ? "n/a" : `${(a / b).toFixed(2)}x`;
}

/** `met` or `MISSED`, with the goal. */
export function verdict(met: boolean, goal: string): string {
  return `${met ? "met" : "MISSED"} (${goal})`;
}
