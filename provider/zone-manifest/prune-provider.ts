/**
 * The dynamic provider that deletes a zone's undeclared records for a Zone with `unmanaged: "delete"`.
 * It runs after every record of the Zone is applied, so the ids those records hold are all known: it lists
 * the zone again and deletes, for each undeclared record the program's listing named, one record of that
 * content that nothing of this stack or another holds (`prunable`; docs/zone.md, "Unmanaged records"). Its
 * deletions go into the run's report of the zone (zone-record/run-report.ts), whose summary ends its error.
 */
import type * as pulumi from "@pulumi/pulumi";
import { describeRecord, targetsEqual, ZoneRecordError } from "../records";
import { configLookup, SessionPool, type ConfigLookup } from "../zone-record/connection";
import { fetchZoneRecords, type ZoneRecordInfo } from "../zone-record/data-sources";
import { ZoneRefreshError } from "../zone-record/refresh-coalescer";
import { endWithSummary } from "../zone-record/run-report";
import type { ZoneSession } from "../zone-record/session";
import { isNotFound } from "../zone-record/zone-api";
import { claimedIds, isRegistryRecord } from "../zone-record/registry-codec";
import { isRedirectionCompanion, redirectedNames } from "../zone-redirection/companions";
import type { RecordContent } from "./declared-before";

type Props = Record<string, unknown>;

/** One undeclared record to delete, by content (its id may be the one a Zone's record adopted meanwhile). */
export type PruneTarget = RecordContent;

/** Implements `pulumi.dynamic.ResourceProvider` for the deletion of undeclared records. */
export class ZonePruneProvider implements pulumi.dynamic.ResourceProvider {
  private config?: ConfigLookup;

  constructor(private readonly pool: SessionPool = new SessionPool()) {}

  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.config = configLookup(req.config);
  }

  async diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    // Only pending deletions make a change, or deletions an earlier update could not publish: the held ids
    // change with every new record and mean nothing alone.
    const pending = Array.isArray(news.deletions) && news.deletions.length > 0;
    return { changes: pending || unpublishedOf(olds).length > 0 || olds.zoneName !== news.zoneName, replaces: [], deleteBeforeReplace: false };
  }

  async create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    return { id: String(inputs.zoneName), outs: await this.prune(inputs, []) };
  }

  async read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    return { id, props };
  }

  async update(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    return { outs: await this.prune(news, olds.zoneName === news.zoneName ? unpublishedOf(olds) : []) };
  }

  async delete(): Promise<void> {
    // Removing the Zone (or its `unmanaged: "delete"`) deletes nothing more: the records were already deleted.
  }

  /**
   * Deletes the named undeclared records still there, then refreshes the zone when anything was deleted (a DELETE
   * answered 404 included: a retry after a lost answer) or an earlier update left deletions unpublished, so that
   * the step returns only once every deletion is published. Returns the outputs; fails naming each record's state.
   */
  private async prune(inputs: Props, carried: string[]): Promise<Props> {
    const zoneName = String(inputs.zoneName);
    const wanted = (Array.isArray(inputs.deletions) ? inputs.deletions : []) as PruneTarget[];
    if (wanted.length === 0 && carried.length === 0) return { ...inputs, deleted: [], unpublished: [] };
    const session = this.pool.sessionFor(this.config);
    const chosen = wanted.length === 0 ? [] : chooseRecords(wanted, prunable(await fetchZoneRecords(session.api, zoneName), inputs, session));
    // A failed DELETE leaves the report: this error names it, and what the next `up` does with it differs from a
    // ZoneRecord's (the prune lists the zone again).
    const results = await Promise.allSettled(chosen.map((r) =>
      session.report.begin(zoneName, "delete", r, r.recordId).write(() => session.api.deleteRecord(zoneName, r.recordId), () => undefined)));
    const outcome: PruneOutcome = { zoneName, carried, deleted: [], failed: [] };
    results.forEach((r, i) => (r.status === "fulfilled" ? outcome.deleted.push(chosen[i]) : outcome.failed.push({ record: chosen[i], reason: reasonOf(r.reason) })));
    if (outcome.deleted.length + carried.length > 0) outcome.refreshError = await publish(session, zoneName);
    const deleted = outcome.deleted.map((r) => r.recordId);
    const outs = { ...inputs, deleted, unpublished: outcome.refreshError === undefined ? [] : [...carried, ...deleted] };
    if (outcome.failed.length === 0 && outcome.refreshError === undefined) return outs;
    const err = new PruneIncompleteError(describeOutcome(outcome), zoneName, outs);
    endWithSummary(err, session.report.summary(zoneName));
    throw err;
  }
}

/**
 * The deletion of undeclared records did not finish: some DELETE failed, or the zone refresh that publishes the
 * deletions did. Carrying `id` and `properties`, the plugin host reports it as "created but failed to
 * initialise", so the state keeps the ids left unpublished and the next `up` updates the resource (and so
 * refreshes the zone) whatever the program lists.
 */
export class PruneIncompleteError extends ZoneRecordError {
  override readonly name: string = "PruneIncompleteError";
  readonly reasons: string[];
  constructor(message: string, readonly id: string, readonly properties: Props) {
    super(message);
    this.reasons = [message];
  }
}

interface PruneOutcome {
  zoneName: string;
  /** Ids an earlier update deleted without publishing the deletion. */
  carried: string[];
  deleted: ZoneRecordInfo[];
  failed: { record: ZoneRecordInfo; reason: string }[];
  /** Why the refresh failed; undefined when it succeeded or was not needed. */
  refreshError?: string;
}

/** Refreshes the zone after the deletions (through the session's coalescer); the failure's reason, if any. */
async function publish(session: ZoneSession, zoneName: string): Promise<string | undefined> {
  try {
    // No hand-off: the step returns only once a refresh covering every deletion above succeeded.
    await session.coalescer.run(zoneName, async () => undefined, { handOff: false });
    return undefined;
  } catch (err) {
    const cause = err instanceof ZoneRefreshError ? err.cause : err;
    // The zone itself is gone: there is nothing left to publish.
    return isNotFound(cause) ? undefined : reasonOf(cause);
  }
}

/** The error message: which records are in which state. */
function describeOutcome(o: PruneOutcome): string {
  const published = o.refreshError === undefined;
  const heads: string[] = [];
  if (!published) heads.push(`${o.deleted.length + o.carried.length} undeclared record(s) were deleted but the zone refresh that publishes their deletion failed: ${o.refreshError}`);
  if (o.failed.length > 0) heads.push(`${o.failed.length} undeclared record(s) could not be deleted`);
  const lines = [
    ...o.carried.map((id) => `record id ${id} (deleted by an earlier update): ${published ? "published" : "not published"}`),
    ...o.deleted.map((r) => `${describe(r)}: ${published ? "deleted and published" : "deleted, not published"}`),
    ...o.failed.map((f) => `${describe(f.record)}: not deleted: ${f.reason}`),
  ];
  return (
    `zone ${o.zoneName}: ${heads.join("; ")}:\n  - ${lines.join("\n  - ")}\n` +
    "Run `pulumi up` again: it refreshes the zone and lists it again to delete what is left."
  );
}

/**
 * The listed records a prune may delete: none that a record of the Zone holds (`heldIds`), that another
 * resource of this run holds (a top-level ZoneRecord of the same stack in the same zone: ownership.ts), that an
 * owner claims in the owner registry (this stack's or another's: registry-codec.ts), nor the registry's own
 * claim records.
 */
export function prunable(listed: readonly ZoneRecordInfo[], inputs: Props, session: ZoneSession): ZoneRecordInfo[] {
  const zoneName = String(inputs.zoneName);
  const held = new Set((Array.isArray(inputs.heldIds) ? inputs.heldIds : []).map(String));
  const claimed = claimedIds(listed);
  const redirected = redirectedNames(listed);
  return listed.filter((r) => !held.has(r.recordId) && !session.owners.isHeld(zoneName, r.recordId) && !claimed.has(r.recordId) && !isRegistryRecord(r)
    && !isRedirectionCompanion(r, redirected));
}

/** For each wanted content, one free record holding it (each record chosen once); a content no longer there is skipped. */
export function chooseRecords(wanted: readonly PruneTarget[], free: readonly ZoneRecordInfo[]): ZoneRecordInfo[] {
  const left = [...free];
  const chosen: ZoneRecordInfo[] = [];
  for (const w of wanted) {
    const at = left.findIndex((r) => r.subDomain === w.subDomain && r.fieldType === w.fieldType && targetsEqual(w.fieldType, r.target, w.target));
    if (at >= 0) chosen.push(...left.splice(at, 1));
  }
  return chosen;
}

/** The ids an earlier update deleted but could not publish, from its outputs. */
function unpublishedOf(olds: Props): string[] {
  return Array.isArray(olds.unpublished) ? olds.unpublished.map(String) : [];
}

function reasonOf(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

function describe(r: ZoneRecordInfo): string {
  return `${describeRecord(r)} (id ${r.recordId})`;
}
