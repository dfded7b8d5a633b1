/**
 * The bounded wait for OVH's DNSSEC task: `GET .../dnssec` until the status is the one wanted, at growing intervals,
 * each poll reported through `progress`, for at most `timeoutMs`. A status that moves away from the one wanted
 * (someone disabled what is being enabled) ends the wait at once: polling longer would not bring it back.
 */
import type { DnssecStatus } from "./api";

/** How the wait polls; everything injectable for tests. */
export interface WaitOptions {
  /** The most the wait lasts, ms. */
  timeoutMs: number;
  /** First interval between polls, ms (default 250); doubles each time, capped at `maxIntervalMs`. */
  intervalMs?: number;
  /** Longest interval, ms (default 10,000). */
  maxIntervalMs?: number;
  /** Clock, ms (default `Date.now`). */
  now?: () => number;
  /** Sleep (default a timer). */
  sleep?: (ms: number) => Promise<void>;
  /** Told each status read and the time waited so far. */
  progress?: (status: DnssecStatus, waitedMs: number) => void;
}

/** How a wait ended: `status` is the last one read. */
export interface WaitOutcome {
  status: DnssecStatus;
  /** True when the status reached the one wanted; false after the timeout, or when it moved away. */
  reached: boolean;
  waitedMs: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The in-progress status on the way to `want`: only it is worth waiting through. */
const PASSING: Record<"enabled" | "disabled", DnssecStatus> = { enabled: "enableInProgress", disabled: "disableInProgress" };

/** Polls `read` until it answers `want` or the wait is over. */
export async function waitForDnssec(read: () => Promise<DnssecStatus>, want: "enabled" | "disabled", options: WaitOptions): Promise<WaitOutcome> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const started = now();
  let interval = options.intervalMs ?? 250;
  for (;;) {
    const status = await read();
    const waitedMs = now() - started;
    options.progress?.(status, waitedMs);
    if (status === want) return { status, reached: true, waitedMs };
    if (status !== PASSING[want]) return { status, reached: false, waitedMs };
    const left = options.timeoutMs - waitedMs;
    if (left <= 0) return { status, reached: false, waitedMs };
    await sleep(Math.min(interval, left));
    interval = Math.min(interval * 2, options.maxIntervalMs ?? 10_000);
  }
}
