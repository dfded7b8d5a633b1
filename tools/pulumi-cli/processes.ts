/**
 * The processes a killed `pulumi` leaves behind: its children (language host, provider plugins), and whether
 * each still runs. Used to check that plugins exit on their own once their engine is gone (docs/ownership.md,
 * "Interrupted runs").
 */
import { execFileSync } from "node:child_process";

/** The pids of `pid`'s children (Linux `ps`). */
export function childrenOf(pid: number): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" }).split("\n").map(Number).filter((n) => n > 0);
  } catch {
    return [];
  }
}

/** Whether process `pid` still runs. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
