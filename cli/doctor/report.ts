/** The result of `doctor`: one line per check, printed as it is found, and the exit status they make. */

/** How a check came out. */
export type CheckStatus = "ok" | "warn" | "fail" | "info";

/** One finding of `doctor`. */
export interface Finding {
  /** Short name of what was checked: `credentials`, `endpoint`, `clock`, `rules example.com`... */
  check: string;
  status: CheckStatus;
  message: string;
}

const LABEL: Record<CheckStatus, string> = { ok: "ok  ", warn: "warn", fail: "FAIL", info: "    " };

/** Collects findings and prints each at once (unless the output is JSON, printed at the end). */
export class Report {
  readonly findings: Finding[] = [];

  constructor(private readonly json: boolean) {}

  add(check: string, status: CheckStatus, message: string): void {
    this.findings.push({ check, status, message });
    if (!this.json) process.stdout.write(`${LABEL[status]}  ${check}: ${message}\n`);
  }

  get failed(): boolean {
    return this.findings.some((f) => f.status === "fail");
  }

  /** Prints the JSON form, or the closing line. */
  finish(): void {
    const count = (s: CheckStatus) => this.findings.filter((f) => f.status === s).length;
    if (this.json) {
      process.stdout.write(`${JSON.stringify({ ok: !this.failed, findings: this.findings }, null, 2)}\n`);
    } else {
      process.stdout.write(`${this.failed ? "FAILED" : "OK"}: ${count("fail")} failed, ${count("warn")} warning(s)\n`);
    }
  }
}
