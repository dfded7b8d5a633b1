/**
 * The request log tests read: what was called and how it ended. It never holds a secret
 * (application secret, signature, token); consumer and application keys identify the caller.
 */

/** How a request ended. */
export type Outcome =
  | "ok"
  | "error"
  | "fault:5xx"
  | "fault:5xx-after-apply"
  | "fault:429"
  | "fault:reset"
  | "fault:lost"
  | "fault:late-apply"
  | "rate-limited";

/** One logged request. */
export interface LogEntry {
  /** 1, 2, 3... in arrival order. */
  seq: number;
  method: string;
  /** API path without the `/1.0` prefix and without the query. */
  path: string;
  /** Decoded query parameters. */
  query: Record<string, string>;
  /** Status sent; 0 when the connection was destroyed without an answer. */
  status: number;
  outcome: Outcome;
  /**
   * Whether the call changed state (true for a lost response whose change was applied). For a
   * late apply it turns true when the delayed change is applied.
   */
  applied: boolean;
  /** Late apply only: emulator clock when the delayed call ran, ms. */
  appliedAt?: number;
  /** Late apply only: the status the delayed call would have answered (e.g. 404 if its record went away). */
  lateStatus?: number;
  consumerKey?: string;
  applicationKey?: string;
  /** OAuth2 client id, for bearer calls. */
  clientId?: string;
  /** Emulator clock when the request arrived, ms. */
  at: number;
}

/** Filter of {@link RequestLog.count}; every given field must match. */
export interface LogFilter {
  method?: string;
  /** Exact API path, or a RegExp tested against it. */
  path?: string | RegExp;
  status?: number;
  outcome?: Outcome;
}

/** Append-only list of requests. */
export class RequestLog {
  private readonly list: LogEntry[] = [];
  private seq = 0;

  /** The entries, oldest first. */
  get entries(): readonly LogEntry[] {
    return this.list;
  }

  /** Appends an entry and returns it. */
  add(entry: Omit<LogEntry, "seq">): LogEntry {
    const full = { seq: ++this.seq, ...entry };
    this.list.push(full);
    return full;
  }

  /** How many entries match the filter. */
  count(filter: LogFilter = {}): number {
    return this.list.filter((e) => matches(e, filter)).length;
  }

  /** Forgets every entry (sequence numbers keep increasing). */
  clear(): void {
    this.list.length = 0;
  }
}

function matches(entry: LogEntry, filter: LogFilter): boolean {
  if (filter.method !== undefined && entry.method !== filter.method) return false;
  if (filter.status !== undefined && entry.status !== filter.status) return false;
  if (filter.outcome !== undefined && entry.outcome !== filter.outcome) return false;
  if (typeof filter.path === "string" && entry.path !== filter.path) return false;
  if (filter.path instanceof RegExp) {
    filter.path.lastIndex = 0; // a /g RegExp keeps state between tests
    if (!filter.path.test(entry.path)) return false;
  }
  return true;
}
