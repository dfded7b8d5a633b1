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

/** How many entries the log keeps by default. */
const DEFAULT_LOG_LIMIT = 50_000;

/** The fields {@link LogFilter} can select on, with how many requests had them. */
interface Tally {
  method: string;
  path: string;
  status: number;
  outcome: Outcome;
  n: number;
}

/**
 * The requests, the last `limit` of them kept whole (a long soak must not grow memory without
 * bound), plus running counts by method, path, status and outcome, so {@link count} stays exact
 * over every request since the last {@link clear}.
 */
export class RequestLog {
  private list: LogEntry[] = [];
  private readonly tallies = new Map<string, Tally>();
  private seq = 0;

  constructor(
    private readonly limit = DEFAULT_LOG_LIMIT,
    /** Told of each entry as it is added (the `emulator --log` command prints it). */
    private readonly onAdd?: (entry: LogEntry) => void,
  ) {
    if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`OVH emulator: logLimit must be a whole number >= 0, got ${limit}`);
  }

  /** The last `limit` entries, oldest first. */
  get entries(): readonly LogEntry[] {
    this.trim(this.limit);
    return this.list;
  }

  /** Appends an entry and returns it. */
  add(entry: Omit<LogEntry, "seq">): LogEntry {
    const full = { seq: ++this.seq, ...entry };
    this.list.push(full);
    this.trim(2 * this.limit); // trimming in batches keeps each add O(1) on average
    const key = JSON.stringify([full.method, full.path, full.status, full.outcome]);
    const tally = this.tallies.get(key);
    if (tally === undefined) this.tallies.set(key, { method: full.method, path: full.path, status: full.status, outcome: full.outcome, n: 1 });
    else tally.n += 1;
    this.onAdd?.(full);
    return full;
  }

  /** How many requests since the last clear match the filter (entries no longer kept included). */
  count(filter: LogFilter = {}): number {
    let total = 0;
    for (const tally of this.tallies.values()) if (matches(tally, filter)) total += tally.n;
    return total;
  }

  /** Forgets every entry and count (sequence numbers keep increasing). */
  clear(): void {
    this.list = [];
    this.tallies.clear();
  }

  private trim(max: number): void {
    if (this.list.length > max) this.list.splice(0, this.list.length - this.limit);
  }
}

function matches(entry: Omit<Tally, "n">, filter: LogFilter): boolean {
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
