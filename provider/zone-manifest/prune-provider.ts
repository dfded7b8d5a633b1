/**
 * The dynamic provider that deletes a zone's undeclared records for a Zone with `unmanaged: "delete"`.
 * Its inputs name each record by id and content, as the program's listing saw it; create and update delete
 * exactly those that still exist unchanged, never any other (docs/zone.md, "Unmanaged records").
 */
import type * as pulumi from "@pulumi/pulumi";
import { targetsEqual } from "../records";
import { SessionPool, type ConfigLookup } from "../zone-record/connection";
import type { ZoneSession } from "../zone-record/session";

type Props = Record<string, unknown>;

/** One record to delete, as the listing saw it. */
export interface PruneTarget {
  recordId: string;
  subDomain: string;
  fieldType: string;
  target: string;
}

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

  /** Deletes each listed record still there unchanged; returns the ids deleted. Fails naming any left. */
  private async prune(inputs: Props): Promise<string[]> {
    const zoneName = String(inputs.zoneName);
    const targets = (Array.isArray(inputs.deletions) ? inputs.deletions : []) as PruneTarget[];
    const session = this.pool.sessionFor(this.config);
    const results = await Promise.allSettled(targets.map((t) => deleteIfUnchanged(session, zoneName, t)));
    const failed = results.flatMap((r, i) => (r.status === "rejected" ? [`${describe(targets[i])}: ${String(r.reason?.message ?? r.reason)}`] : []));
    if (failed.length > 0) {
      // The records deleted so far are gone; the next `pulumi up` lists the zone again and retries the rest.
      throw new Error(`zone ${zoneName}: ${failed.length} undeclared record(s) could not be deleted (run \`pulumi up\` again):\n  - ${failed.join("\n  - ")}`);
    }
    return results.flatMap((r, i) => (r.status === "fulfilled" && r.value ? [targets[i].recordId] : []));
  }
}

/** Deletes record `t` if it still holds what the listing saw; `false` when it is gone or was changed since. */
async function deleteIfUnchanged(session: ZoneSession, zoneName: string, t: PruneTarget): Promise<boolean> {
  const now = await session.api.getRecord(zoneName, t.recordId);
  if (!now) return false;
  const same = (now.subDomain ?? "") === t.subDomain && now.fieldType === t.fieldType && targetsEqual(t.fieldType, now.target, t.target);
  if (!same) return false;
  return session.coalescer.run(zoneName, () => session.api.deleteRecord(zoneName, t.recordId));
}

function describe(t: PruneTarget): string {
  return `${t.subDomain || "@"} ${t.fieldType} ${t.target} (id ${t.recordId})`;
}
