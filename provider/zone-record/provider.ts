/**
 * The ZoneRecord dynamic provider: a thin adapter from Pulumi's provider interface to the pure functions of
 * this folder (check, diff) and the lifecycle over the OVH API (create, read, update, delete). The error of a
 * failed create, update or delete ends with what this run did to the record's zone (run-report.ts); a step that
 * failed on the zone itself (not in the account, a call the key may not make) says so as doctor does (zone-access.ts).
 */
import type * as pulumi from "@pulumi/pulumi";
import { checkZoneRecord } from "./check";
import { configLookup, SessionPool, type ConfigLookup } from "./connection";
import { diffZoneRecord } from "./diff";
import { createZoneRecord, deleteZoneRecord, RecordInitError, updateZoneRecord } from "./lifecycle";
import { specOf, stackIn } from "./outputs";
import { readZoneRecord } from "./read";
import { holderOf, type RecordOwnership } from "./ownership";
import { withRunSummary } from "./run-report";
import { isUnknownValue } from "./unknown";
import { isUnsettled, recordIdOf } from "./unsettled";
import { withZoneDiagnosis } from "./zone-access";

type Props = Record<string, unknown>;

/** Implements `pulumi.dynamic.ResourceProvider` for OVH DNS records. */
export class ZoneRecordProvider implements pulumi.dynamic.ResourceProvider {
  private config?: ConfigLookup;

  constructor(private readonly pool: SessionPool = new SessionPool()) {}

  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.config = configLookup(req.config);
  }

  async check(_olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
    return checkZoneRecord(news);
  }

  async diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    const { changes, replaces, deleteBeforeReplace } = diffZoneRecord(olds, news, isUnknownValue);
    // A record an earlier run deleted without publishing the deletion (its refresh failed): the state still holds
    // it, and the program declares it again. Replaced: made anew, then the old id's delete publishes the deletion.
    if (!isUnsettled(id, olds) && this.deletedEarlier(olds, recordIdOf(id, olds))) return { changes: true, replaces: ["recordId"], deleteBeforeReplace: false };
    // Every resource of the program holds its record for the rest of the run (ownership.ts).
    holdStored(this.pool.owners, id, olds);
    return { changes, replaces, deleteBeforeReplace };
  }

  async create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    const session = this.session();
    return keepStack(inputs, () => withRunSummary(session.report, inputs.zoneName, () => withZoneDiagnosis(session.api, inputs.zoneName, () => createZoneRecord(session, inputs))));
  }

  async read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    const session = this.session();
    const read = await withZoneDiagnosis(session.api, props.zoneName, () => readZoneRecord(session, id, props));
    if (read.id === "") return read;
    return { ...read, props: withStack(read.props ?? {}, props), ...(read.inputs === undefined ? {} : { inputs: withStack(read.inputs, props) }) };
  }

  async update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const session = this.session();
    return keepStack(news, () => withRunSummary(session.report, news.zoneName, () => withZoneDiagnosis(session.api, news.zoneName, () => updateZoneRecord(session, id, olds, news))));
  }

  async delete(id: string, props: Props): Promise<void> {
    const session = this.session();
    await withRunSummary(session.report, props.zoneName, () => withZoneDiagnosis(session.api, props.zoneName, () => deleteZoneRecord(session, id, props)));
  }

  private session() {
    return this.pool.sessionFor(this.config);
  }

  /** Whether this machine's journal says an earlier delete step removed record `recordId` without publishing it. */
  private deletedEarlier(olds: Props, recordId: string): boolean {
    try {
      return this.session().journal.wasDeleted(specOf(olds).zoneName, recordId);
    } catch {
      // No credentials to key the journal with: the diff stands on the state alone.
      return false;
    }
  }
}

/** `outs` with the stack key of `props` (`__stack`, registry-codec.ts), so that a later delete knows its stack. */
function withStack<T extends object>(outs: T, props: Props): T {
  const stack = stackIn(props);
  return stack === undefined ? outs : { ...outs, __stack: stack };
}

/** Runs a create or update, its outputs (or those of its RecordInitError) carrying the stack key of `inputs`. */
async function keepStack<T extends { outs?: object }>(inputs: Props, step: () => Promise<T>): Promise<T> {
  try {
    const result = await step();
    return result.outs === undefined ? result : { ...result, outs: withStack(result.outs, inputs) };
  } catch (err) {
    if (err instanceof RecordInitError) Object.assign(err.properties, withStack({}, inputs));
    throw err;
  }
}

/** Holds the record a resource's stored outputs name, when they name one. */
function holdStored(owners: RecordOwnership, id: string, olds: Props): void {
  if (typeof olds.zoneName !== "string" || isUnsettled(id, olds)) return;
  owners.hold(olds.zoneName, recordIdOf(id, olds), holderOf(olds));
}
