/**
 * Peak memory and CPU time of a process, read from Linux's /proc: `VmHWM` (peak resident set) of
 * `/proc/<pid>/status` and `utime + stime` (fields 14 and 15) of `/proc/<pid>/stat`.
 */
import * as fs from "node:fs";

/** What {@link readProcessStats} reads. */
export interface ProcessStats {
  /** Peak resident set size, bytes (VmHWM). */
  peakRssBytes: number;
  /** Resident set size now, bytes (VmRSS). */
  rssBytes: number;
  /** User + system CPU time, ms. */
  cpuMs: number;
}

// USER_HZ: 100 on every Linux that Node supports (sysconf(_SC_CLK_TCK) is not reachable from Node).
const CLOCK_TICKS_PER_SECOND = 100;

/** Peak RSS and CPU time of process `pid` (default: this process). */
export function readProcessStats(pid: number | "self" = "self"): ProcessStats {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => {
    const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, "m").exec(status);
    return m ? Number(m[1]) * 1024 : NaN;
  };
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { peakRssBytes: kb("VmHWM"), rssBytes: kb("VmRSS"), cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND };
}

/**
 * Resets the peak RSS of this process to its current RSS (writing 5 to /proc/self/clear_refs), so that a
 * later reading measures one phase. Returns false where the kernel refuses it.
 */
export function resetPeakRss(): boolean {
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

/** `123.4 MiB`. */
export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
