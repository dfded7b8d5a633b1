/**
 * The ZoneRedirection dynamic provider: a thin adapter from Pulumi's provider interface to check and diff (pure)
 * and the lifecycle over the OVH API. It shares the records' session pool (zone-record/connection.ts): one
 * client, one pacing and one refresh coalescer per set of credentials for records and redirections alike. A
 * failing step ends, as a record's does, with what the run did to the zone and doctor's words for a zone the
 * account lacks or a call the key may not make.
 */
import type * as pulumi from "@pulumi/pulumi";
import { SessionPool, type ConfigLookup } from "../zone-record/connection";
import { holderOf, RecordOwnership } from "../zone-record/ownership";
import { withRunSummary } from "../zone-record/run-report";
import { isUnknownValue } from "../zone-record/unknown";
import { withZoneDiagnosis } from "../zone-record/zone-access";
import { checkZoneRedirection } from "./check";
import { diffZoneRedirection } from "./diff";
import { createRedirection, deleteRedirection, readRedirection, updateRedirection, type RedirectionContext } from "./lifecycle";

type Props = Record<string, unknown>;

/** Implements `pulumi.dynamic.ResourceProvider` for OVH web redirections. */
export class ZoneRedirectionProvider implements pulumi.dynamic.ResourceProvider {
  private config?: ConfigLookup;
  /** Which resource holds which redirection, for the whole process. */
  private readonly owners = new RecordOwnership();

  constructor(private readonly pool: SessionPool = new SessionPool()) {}

  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.config = (key) => {
      const value: unknown = req.config.get(`ovh:${key}`);
      return value === undefined || value === null ? undefined : String(value);
    };
  }

  async check(_olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
    return checkZoneRedirection(news);
  }

  async diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    const { changes, replaces, deleteBeforeReplace } = diffZoneRedirection(olds, news, isUnknownValue);
    // Every resource of the program holds its redirection for the rest of the run (zone-record/ownership.ts).
    if (typeof olds.zoneName === "string") this.owners.hold(olds.zoneName, id, holderOf(olds));
    return { changes, replaces, deleteBeforeReplace };
  }

  async create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    const ctx = this.context();
    return this.step(ctx, inputs.zoneName, () => createRedirection(ctx, inputs));
  }

  async read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    const ctx = this.context();
    return withZoneDiagnosis(ctx.session.api, props.zoneName, () => readRedirection(ctx, id, props));
  }

  async update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const ctx = this.context();
    return this.step(ctx, news.zoneName, () => updateRedirection(ctx, id, olds, news));
  }

  async delete(id: string, props: Props): Promise<void> {
    const ctx = this.context();
    await this.step(ctx, props.zoneName, () => deleteRedirection(ctx, id, props));
  }

  private step<T>(ctx: RedirectionContext, zoneName: unknown, run: () => Promise<T>): Promise<T> {
    return withRunSummary(ctx.session.report, zoneName, () => withZoneDiagnosis(ctx.session.api, zoneName, run));
  }

  private context(): RedirectionContext {
    return { session: this.pool.sessionFor(this.config), owners: this.owners };
  }
}
