/**
 * What this run did to each zone, so that an `up` that fails says which records are in which state.
 *
 * The engine prints the error of each failing step and nothing of the steps that succeeded. But OVH serves a
 * change only once a zone refresh ran after it, and the refresh that publishes a change may be another step's
 * (the hand-off of refresh-coalescer.ts): a step may succeed while its change is not served yet, and a failed
 * refresh leaves unserved the changes of steps that have already returned. So each {@link ZoneSession} (one per
 * credentials per provider process, that is per `pulumi up`) keeps here the last state of every change of the
 * run, per zone, and every error of a ZoneRecord step (provider.ts) and of a Zone's prune ends with
 * {@link RunReport.summary} of its zone (docs/ownership.md, "When an up fails").
 *
 * A change is, in turn:
 * - in progress: its step began, and its one write (POST, PUT or DELETE) has not been answered;
 * - written: the write was answered, and no zone refresh that started after that succeeded. When one that did
 *   started and failed, the change is also marked as such: the next `up` refreshes the zone again (the failed
 *   refresh rejected the step that waited for it, which the engine runs again);
 * - served: a zone refresh that started after the write was answered succeeded (a refresh publishes the whole
 *   zone, whichever step waited for it: served-ness follows the refreshes alone, never the hand-off);
 * - not written: the step failed before any write, or its write was certainly not applied;
 * - unknown: the write may have been applied (an ambiguous POST whose look-up failed, a PUT or DELETE whose
 *   outcome is unknown), or made a record this provider cannot track.
 * A step that ends without writing (an adoption of an identical record, a handed-over delete) is no change.
 * The report only records: nothing in the lifecycle reads it.
 */
import { describeRecord } from "../records";
import { OvhError } from "../ovh/errors";
import { classifyFailure } from "../ovh/outcome";

/** What a change does to its record. */
export type ChangeKind = "create" | "update" | "delete" | "take over";

/**
 * What a failed write left in the zone: nothing (`not-written`), a record that may exist without the state
 * knowing its id (`may-exist`: an unsettled create), a PUT or DELETE that may have been applied
 * (`may-be-applied`), or a record made with an id this provider cannot track (`untracked`).
 */
export type WriteFailure = "not-written" | "may-exist" | "may-be-applied" | "untracked";

type ChangeState = "in progress" | "written" | "served" | WriteFailure;

interface ZoneLog {
  /** Counts the writes answered in the zone: a refresh covers the writes numbered up to its value at its start. */
  writes: number;
  changes: Set<RunChange>;
}

const VERB: Record<ChangeKind, string> = { create: "created", update: "updated", delete: "deleted", "take over": "took over" };

/** Names listed per state; the rest are counted. */
const MAX_NAMES = 5;
/** The longest a record's name gets in a summary (a long TXT is cut). */
const MAX_NAME_LENGTH = 80;

/** One change of the run: one step's write to one record. */
export class RunChange {
  state: ChangeState = "in progress";
  /** The number of its write among the zone's, once answered. */
  writtenAs?: number;
  /** A refresh that started after its write failed (and none succeeded since). */
  refreshFailed = false;

  constructor(
    private readonly log: ZoneLog,
    /** What the change does; a create that adopts an existing record becomes a take-over. */
    public kind: ChangeKind,
    private readonly record: { subDomain: string; fieldType: string; target: string },
    /** The OVH record id, once known. */
    public id?: string,
  ) {}

  /**
   * Runs the change's write and notes what came of it: written when it is answered, else what `failure` says
   * the error left in the zone (`undefined`: the change leaves the report, its step's own error names it).
   */
  async write<T>(write: () => Promise<T>, failure: (err: unknown) => WriteFailure | undefined, idOf?: (result: T) => string | undefined): Promise<T> {
    let result: T;
    try {
      result = await write();
    } catch (err) {
      const left = failure(err);
      if (left === undefined) this.log.changes.delete(this);
      else this.state = left;
      throw err;
    }
    this.state = "written";
    this.writtenAs = ++this.log.writes;
    this.id = idOf?.(result) ?? this.id;
    return result;
  }

  /** Its step failed: a change that wrote nothing was not written. */
  failed(): void {
    if (this.state === "in progress") this.state = "not-written";
  }

  /** Its step ended: a change that wrote nothing is no change. */
  ended(): void {
    if (this.state === "in progress") this.log.changes.delete(this);
  }

  /** Leaves the report (the zone itself is gone: nothing of it is left to serve). */
  forget(): void {
    this.log.changes.delete(this);
  }

  /** `created www A 192.0.2.1`, cut to a bounded length. */
  describe(): string {
    const text = `${VERB[this.kind]} ${describeRecord(this.record)}`;
    return text.length > MAX_NAME_LENGTH ? `${text.slice(0, MAX_NAME_LENGTH - 3)}...` : text;
  }
}

/** The changes this run made, per zone, with what became of each. */
export class RunReport {
  private readonly zones = new Map<string, ZoneLog>();

  /**
   * A step begins a change of record `record` (its id when it has one: an earlier change of the same record in
   * this process is replaced, so that each record shows its last state).
   */
  begin(zoneName: string, kind: ChangeKind, record: { subDomain: string; fieldType: string; target: string }, id?: string): RunChange {
    const log = this.logOf(zoneName);
    if (id !== undefined) for (const c of log.changes) if (c.id === id) log.changes.delete(c);
    const change = new RunChange(log, kind, record, id);
    log.changes.add(change);
    return change;
  }

  /**
   * Runs `refresh`, one zone refresh (with its retries), and marks the changes it covers: served when it
   * succeeds, else as having seen their refresh fail. It covers the writes answered before it started.
   */
  async refreshing(zoneName: string, refresh: () => Promise<void>): Promise<void> {
    const log = this.logOf(zoneName);
    const covers = log.writes;
    const covered = () => [...log.changes].filter((c) => c.state === "written" && (c.writtenAs ?? Infinity) <= covers);
    try {
      await refresh();
    } catch (err) {
      for (const c of covered()) c.refreshFailed = true;
      throw err;
    }
    for (const c of covered()) c.state = "served";
  }

  /**
   * The zone's changes of this run so far, per state, in a few lines: counts, at most five names per state,
   * and what the next `pulumi up` does or what to do. Empty when the run changed nothing there.
   */
  summary(zoneName: string): string {
    const changes = [...(this.zones.get(zoneName)?.changes ?? [])];
    if (changes.length === 0) return "";
    const where = (test: (c: RunChange) => boolean) => changes.filter(test);
    const lines: string[] = [];
    const add = (found: RunChange[], text: (n: number, names: string) => string) => {
      if (found.length > 0) lines.push(text(found.length, namesOf(found)));
    };
    const served = where((c) => c.state === "served").length;
    if (served > 0) lines.push(`${served} written and served`);
    add(where((c) => c.state === "written" && c.refreshFailed), (n, names) =>
      `${n} written but not served, the zone refresh that publishes ${them(n)} failed (${names}): the next \`pulumi up\` refreshes the zone again`);
    add(where((c) => c.state === "written" && !c.refreshFailed), (n, names) =>
      `${n} written, waiting for a zone refresh of this run (${names})`);
    add(where((c) => c.state === "not-written"), (n, names) =>
      `${n} not written, nothing of ${them(n)} reached the zone (${names}): each failed step's error says why, and the next \`pulumi up\` tries again`);
    add(where((c) => c.state === "may-exist"), (n, names) =>
      `${n} unknown, a POST whose answer was lost and whose look-up failed (${names}): ${n === 1 ? "the record" : "each record"} may exist; ` +
        "it stays in the state as unsettled, and the next `pulumi up` (or `pulumi refresh`) takes it over instead of posting it again: keep it declared until then");
    add(where((c) => c.state === "may-be-applied"), (n, names) =>
      `${n} unknown, a change that may have been applied (${names}): the next \`pulumi up\` sends it again`);
    add(where((c) => c.state === "untracked"), (n, names) =>
      `${n} made with an id this provider cannot track, so not in the state (${names}): delete ${them(n)} in the OVH console, then run \`pulumi up\``);
    const running = where((c) => c.state === "in progress").length;
    if (running > 0) lines.push(`${running} other change(s) still in progress`);
    return `In zone ${zoneName}, this run so far:\n  - ${lines.join(";\n  - ")}.`;
  }

  private logOf(zoneName: string): ZoneLog {
    let log = this.zones.get(zoneName);
    if (!log) this.zones.set(zoneName, (log = { writes: 0, changes: new Set() }));
    return log;
  }
}

/** What a failed PUT or DELETE left: nothing when it was certainly not applied (a 4xx, a refused connection). */
export function idempotentWriteFailure(err: unknown): WriteFailure {
  return err instanceof OvhError && classifyFailure(err).applied !== "not-applied" ? "may-be-applied" : "not-written";
}

/**
 * Ends `err`'s message with `summary`, and the `reasons` of an init failure (which the engine prints) with it.
 * An error may reach several steps (a listing shared by the creates of a zone): its summary is replaced, not
 * added again.
 */
export function endWithSummary(err: unknown, summary: string): void {
  if (!(err instanceof Error) || summary === "") return;
  const own = ownMessages.get(err) ?? err.message;
  ownMessages.set(err, own);
  err.message = `${own}\n${summary}`;
  const reasons = (err as { reasons?: unknown }).reasons;
  if (Array.isArray(reasons)) reasons.splice(0, reasons.length, err.message);
}

/** Runs a step; its error, if any, ends with the summary of `zoneName` at the time it failed. */
export async function withRunSummary<T>(report: RunReport, zoneName: unknown, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (typeof zoneName === "string") endWithSummary(err, report.summary(zoneName));
    throw err;
  }
}

/** The message each error had before a summary was added to it. */
const ownMessages = new WeakMap<Error, string>();

function namesOf(changes: RunChange[]): string {
  const shown = changes.slice(0, MAX_NAMES).map((c) => c.describe());
  return changes.length > MAX_NAMES ? `${shown.join(", ")} and ${changes.length - MAX_NAMES} more` : shown.join(", ");
}

function them(n: number): string {
  return n === 1 ? "it" : "them";
}
