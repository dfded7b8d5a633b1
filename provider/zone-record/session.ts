/**
 * Everything one provider process keeps per set of credentials: the typed API, the coalesced refresh, the
 * create ledger, the owner registry and the report of what the run did to each zone, with the process's record ownership. One session serves every resource of a `pulumi up` that uses the same credentials, so the
 * clock offset is fetched once, the pacing is shared, and refreshes of a zone are batched across resources.
 */
import { CreateLedger, type CreateOptions } from "./create-record";
import { OrphanJournal } from "./orphan-journal";
import { OwnerRegistry } from "./owner-registry";
import { RecordOwnership } from "./ownership";
import { RefreshCoalescer, type RefreshCoalescerOptions } from "./refresh-coalescer";
import { RunReport } from "./run-report";
import { ZoneApi, type OvhRequester } from "./zone-api";
import { refreshZoneWithRetry, type RefreshRetryOptions } from "./zone-refresh";

/** Tuning of a {@link ZoneSession}, for tests. */
export interface ZoneSessionOptions {
  refresh?: RefreshCoalescerOptions;
  refreshRetry?: RefreshRetryOptions;
  /** Sleep between create attempts, injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Tuning of record creates (waits after an ambiguous POST, lookup attempts), for tests. */
  create?: Omit<CreateOptions, "sleep">;
}

/** The per-credentials state of the record lifecycle. */
export class ZoneSession {
  readonly api: ZoneApi;
  readonly coalescer: RefreshCoalescer;
  readonly ledger: CreateLedger;
  /** Which stack's owner claims which record, per zone (owner-registry.ts). */
  readonly registry: OwnerRegistry;
  /** What this run did to each zone, for the errors of failing steps (run-report.ts). */
  readonly report = new RunReport();

  /**
   * `owners` is the provider process's one {@link RecordOwnership}, shared by every session; `journal` keeps the
   * records an interrupted run made (orphan-journal.ts).
   */
  constructor(
    client: OvhRequester,
    readonly options: ZoneSessionOptions = {},
    readonly owners = new RecordOwnership(),
    readonly journal = new OrphanJournal(""),
  ) {
    this.api = new ZoneApi(client);
    // Every zone refresh goes through the report, which marks the changes it covers served (or not).
    this.coalescer = new RefreshCoalescer(
      (zoneName) => this.report.refreshing(zoneName, () => refreshZoneWithRetry(this.api, zoneName, options.refreshRetry)),
      options.refresh,
    );
    this.ledger = new CreateLedger(this.api, owners);
    this.registry = new OwnerRegistry(this.api);
  }
}
