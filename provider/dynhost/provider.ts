/**
 * The DynHostRecord and DynHostLogin dynamic providers: thin adapters from Pulumi's provider interface to check and
 * diff (pure) and the lifecycles over the OVH API. They share the records' session pool (zone-record/connection.ts):
 * one client, one pacing and one refresh coalescer per set of credentials, so a DynHost record's zone refresh is
 * shared with the record changes of its zone. A failing step ends with doctor's words for a zone the account lacks
 * or a call the key may not make, and an OVH refusal names the field it refused.
 */
import type * as pulumi from "@pulumi/pulumi";
import { configLookup, SessionPool, type ConfigLookup } from "../zone-record/connection";
import { holderOf, RecordOwnership } from "../zone-record/ownership";
import { withRunSummary } from "../zone-record/run-report";
import { isUnknownValue } from "../zone-record/unknown";
import { withZoneDiagnosis } from "../zone-record/zone-access";
import { checkDynHostLogin, checkDynHostRecord } from "./check";
import { diffDynHostLogin, diffDynHostRecord } from "./diff";
import { createDynHostLogin, deleteDynHostLogin, readDynHostLogin, updateDynHostLogin } from "./login-lifecycle";
import { describeDynHostRecord, dynHostRecordSpecOf, loginOf } from "./model";
import { createDynHostRecord, deleteDynHostRecord, readDynHostRecord, updateDynHostRecord, type DynHostContext } from "./record-lifecycle";
import { refusalOf, type RefusalHints } from "./refusals";

type Props = Record<string, unknown>;

const RECORD_HINTS: RefusalHints = {
  fallback: "subDomain",
  hints: {
    ip: "give one IPv4 address, e.g. \"203.0.113.7\"",
    subDomain: "OVH keeps one DynHost record per name, and none beside an A record of that name: delete the A record " +
      "(or adopt the DynHost record with adopt: true), or choose another subDomain",
  },
};

const LOGIN_HINTS: RefusalHints = {
  fallback: "loginSuffix",
  hints: {
    password: "choose another password (8 to 64 characters, no control character)",
    subDomain: "give the name the login may update, e.g. \"home\", or \"*\"",
    loginSuffix: "a login of that name exists: choose another loginSuffix, or delete that login in the OVH console",
  },
};

/** The pieces both providers share: configuration, sessions, and the zone diagnosis of a failing step. */
abstract class DynHostProviderBase {
  private config?: ConfigLookup;
  /** Which resource holds which DynHost record, for the whole process. */
  protected readonly owners = new RecordOwnership();

  constructor(private readonly pool: SessionPool = new SessionPool()) {}

  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.config = configLookup(req.config);
  }

  protected context(): DynHostContext {
    return { session: this.pool.sessionFor(this.config), owners: this.owners };
  }

  /** Runs a step on `zoneName`: a refusal names its field, a failure on the zone itself is diagnosed. */
  protected async step<T>(ctx: DynHostContext, zoneName: unknown, what: string, hints: RefusalHints, run: () => Promise<T>): Promise<T> {
    return withRunSummary(ctx.session.report, zoneName, () => withZoneDiagnosis(ctx.session.api, zoneName, async () => {
      try {
        return await run();
      } catch (err) {
        throw refusalOf(err, what, hints);
      }
    }));
  }
}

/** Implements `pulumi.dynamic.ResourceProvider` for OVH DynHost records. */
export class DynHostRecordProvider extends DynHostProviderBase implements pulumi.dynamic.ResourceProvider {
  async check(_olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
    return checkDynHostRecord(news);
  }

  async diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    const { changes, replaces, deleteBeforeReplace } = diffDynHostRecord(olds, news, isUnknownValue);
    // Every resource of the program holds its record for the rest of the run (zone-record/ownership.ts).
    if (typeof olds.zoneName === "string") this.owners.hold(olds.zoneName, id, holderOf(olds));
    return { changes, replaces, deleteBeforeReplace };
  }

  async create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    const ctx = this.context();
    return this.step(ctx, inputs.zoneName, this.what(inputs), RECORD_HINTS, () => createDynHostRecord(ctx, inputs));
  }

  async read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    const ctx = this.context();
    return withZoneDiagnosis(ctx.session.api, props.zoneName, () => readDynHostRecord(ctx, id, props));
  }

  async update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const ctx = this.context();
    return this.step(ctx, news.zoneName, this.what(news), RECORD_HINTS, () => updateDynHostRecord(ctx, id, olds, news));
  }

  async delete(id: string, props: Props): Promise<void> {
    const ctx = this.context();
    await this.step(ctx, props.zoneName, this.what(props), RECORD_HINTS, () => deleteDynHostRecord(ctx, id, props));
  }

  private what(props: Props): string {
    const spec = dynHostRecordSpecOf(props);
    return `${describeDynHostRecord(spec)} in zone ${spec.zoneName}`;
  }
}

/** Implements `pulumi.dynamic.ResourceProvider` for OVH DynHost logins. */
export class DynHostLoginProvider extends DynHostProviderBase implements pulumi.dynamic.ResourceProvider {
  async check(_olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
    return checkDynHostLogin(news);
  }

  async diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    const { changes, replaces, deleteBeforeReplace } = diffDynHostLogin(olds, news, isUnknownValue);
    return { changes, replaces, deleteBeforeReplace };
  }

  async create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    const ctx = this.context();
    return this.step(ctx, inputs.zoneName, this.what(inputs), LOGIN_HINTS, () => createDynHostLogin(ctx, inputs));
  }

  async read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    const ctx = this.context();
    return withZoneDiagnosis(ctx.session.api, props.zoneName, () => readDynHostLogin(ctx, id, props));
  }

  async update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const ctx = this.context();
    return this.step(ctx, news.zoneName, this.what(news), LOGIN_HINTS, () => updateDynHostLogin(ctx, id, olds, news));
  }

  async delete(id: string, props: Props): Promise<void> {
    const ctx = this.context();
    await this.step(ctx, props.zoneName, this.what(props), LOGIN_HINTS, () => deleteDynHostLogin(ctx, id, props));
  }

  private what(props: Props): string {
    return `DynHost login ${loginOf(String(props.zoneName ?? ""), String(props.loginSuffix ?? ""))}`;
  }
}
