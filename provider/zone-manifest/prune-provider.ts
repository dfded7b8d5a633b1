/**
 * The dynamic provider that deletes a zone's undeclared records for a Zone with `unmanaged: "delete"`.
 * It runs after every record of the Zone is applied, so the ids those records hold are all known: it lists
 * the zone again and deletes, for each undeclared record the program's listing named, one record of that
 * content that no record of the Zone holds (docs/zone.md, "Unmanaged records").
 */
import type * as pulumi from "@pulumi/pulumi";
import { targetsEqual, ZoneRecordError } from "../records";
import { SessionPool, type ConfigLookup } from "../zone-record/connection";
import { fetchZoneRecords, type ZoneRecordInfo } from "../zone-record/data-sources";
import type { ZoneSession } from "../zone-record/session";
import type { RecordContent } from "./declared-before";

type Props = Record<string, unknown>;

/** One undeclared record to delete, by content (its id may be the one a Zone's record adopted meanwhile). */
export type PruneTarget = RecordContent;

/** Implements `pulumi.dynamic.ResourceProvider` for the deletion of undeclared records. */
export class ZonePruneProvider implements pulumi.dynamic.ResourceProvider {
  private config?: ConfigLookup;

  constructor(private readonly pool: SessionPool = new SessionPool()) {}

  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.config = (key) => {
      const value: unknown = req.config.get(`ovh:${key}`);
      return value === undefined || value === null ? undefined : String(value);
    };
  }

  async diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    // Only pending deletions make a change: the held ids change with every new record and mean nothing alone.
    const pending = Array.isArray(news.deletions) && news.deletions.length > 0;
    return { changes: pending || olds.zoneName !== news.zoneName, replaces: [], deleteBeforeReplace: false };
  }

  async create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    return { id: String(inputs.zoneName), outs: { ...inputs, deleted: await this.prune(inputs) } };
  }

  async read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    return { id, props };
  }

  async update(_id: string, _olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    return { outs: { ...news, deleted: await this.prune(news) } };
  }

  async delete(): Promise<void> {
    // Removing the Zone (or its `unmanaged: "delete"`) deletes nothing more: the records were already deleted.
  }

  /** Deletes the named undeclared records still there; returns the ids deleted. Fails naming any left. */
  private async prune(inputs: Props): Promise<string[]> {
    const zoneName = String(inputs.zoneName);
    const wanted = (Array.isArray(inputs.deletions) ? inputs.deletions : []) as PruneTarget[];
    if (wanted.length === 0) return [];
    const session = this.pool.sessionFor(this.config);
    const held = new Set((Array.isArray(inputs.heldIds) ? inputs.heldIds : []).map(String));
    const chosen = chooseRecords(wanted, (await fetchZoneRecords(session.api, zoneName)).filter((r) => !held.has(r.recordId)));
    const results = await Promise.allSettled(chosen.map((r) => deleteRecord(session, zoneName, r.recordId)));
    const failed = results.flatMap((r, i) => (r.status === "rejected" ? [`${describe(chosen[i])}: ${reasonOf(r.reason)}`] : []));
    if (failed.length > 0) {
      // The records deleted so far are gone; the next `pulumi up` lists the zone again and retries the rest.
      throw new ZoneRecordError(`zone ${zoneName}: ${failed.length} undeclared record(s) could not be deleted; run \`pulumi up\` again:\n  - ${failed.join("\n  - ")}`);
    }
    return chosen.map((r) => r.recordId);
  }
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

function deleteRecord(session: ZoneSession, zoneName: string, id: string): Promise<boolean> {
  return session.coalescer.run(zoneName, () => session.api.deleteRecord(zoneName, id));
}

function reasonOf(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

function describe(r: ZoneRecordInfo): string {
  return `${r.subDomain || "@"} ${r.fieldType} ${r.target} (id ${r.recordId})`;
}
