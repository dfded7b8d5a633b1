/** Sorting the emulator's request log into the kinds of call the benchmarks report. */
import type { LogEntry } from "../emulator";

/** API calls by kind. */
export interface CallCounts {
  postRecord: number;
  postRefresh: number;
  getList: number;
  getRecord: number;
  put: number;
  delete: number;
  other: number;
  total: number;
  /** Answers with status 429 (rate limit or fault). */
  throttled: number;
}

const RECORD_LIST = /^\/domain\/zone\/[^/]+\/record$/;
const RECORD_ONE = /^\/domain\/zone\/[^/]+\/record\/[^/]+$/;
const REFRESH = /^\/domain\/zone\/[^/]+\/refresh$/;

/** The kind of one logged call. */
export function callKind(entry: Pick<LogEntry, "method" | "path">): Exclude<keyof CallCounts, "total" | "throttled"> {
  const { method, path } = entry;
  if (method === "POST" && RECORD_LIST.test(path)) return "postRecord";
  if (method === "POST" && REFRESH.test(path)) return "postRefresh";
  if (method === "GET" && RECORD_LIST.test(path)) return "getList";
  if (method === "GET" && RECORD_ONE.test(path)) return "getRecord";
  if (method === "PUT" && RECORD_ONE.test(path)) return "put";
  if (method === "DELETE" && RECORD_ONE.test(path)) return "delete";
  return "other";
}

/** Counts the calls of `entries` by kind. */
export function countCalls(entries: readonly LogEntry[]): CallCounts {
  const counts: CallCounts = { postRecord: 0, postRefresh: 0, getList: 0, getRecord: 0, put: 0, delete: 0, other: 0, total: 0, throttled: 0 };
  for (const entry of entries) {
    counts[callKind(entry)] += 1;
    counts.total += 1;
    if (entry.status === 429) counts.throttled += 1;
  }
  return counts;
}

/** `POST record 200, POST refresh 1, ...`: the non-zero kinds, for a table cell. */
export function formatCalls(c: CallCounts): string {
  const parts: [string, number][] = [
    ["POST record", c.postRecord],
    ["POST refresh", c.postRefresh],
    ["GET list", c.getList],
    ["GET record", c.getRecord],
    ["PUT", c.put],
    ["DELETE", c.delete],
    ["other", c.other],
  ];
  const shown = parts.filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`);
  return `${c.total} (${shown.join(", ") || "none"})`;
}
