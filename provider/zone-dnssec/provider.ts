/**
 * The ZoneDnssec dynamic provider: a zone's DNSSEC (`GET`/`POST`/`DELETE /domain/zone/{zoneName}/dnssec`), one
 * resource per zone. Create enables it (or takes over a DNSSEC already enabled, output `adopted`), delete disables
 * it, refresh reads the status; each enable and disable waits for OVH's task, bounded by `timeoutSeconds`, with a
 * line per poll on the provider's log (docs/zone-dnssec.md).
 */
import type * as pulumi from "@pulumi/pulumi";
import { configLookup, SessionPool, type ConfigLookup } from "../zone-record/connection";
import { withZoneDiagnosis } from "../zone-record/zone-access";
import { checkZoneDnssec, DEFAULT_TIMEOUT_SECONDS, diffZoneDnssec } from "./check";
import { DnssecSteps, stderrLog, type DnssecContext } from "./lifecycle";

type Props = Record<string, unknown>;

/** What tests change: where progress goes and how the wait is paced. */
export type DnssecProviderOptions = Partial<Pick<DnssecContext, "log" | "wait">>;

/** Implements `pulumi.dynamic.ResourceProvider` for the DNSSEC of a zone. */
export class ZoneDnssecProvider implements pulumi.dynamic.ResourceProvider {
  private config?: ConfigLookup;

  constructor(private readonly pool: SessionPool = new SessionPool(), private readonly options: DnssecProviderOptions = {}) {}

  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.config = configLookup(req.config);
  }

  async check(_olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
    return checkZoneDnssec(news);
  }

  async diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    return diffZoneDnssec(olds, news);
  }

  async create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    const zoneName = String(inputs.zoneName);
    const outs = await this.run(inputs, (steps) => steps.enable({ ...inputs, status: undefined, adopted: false }));
    return { id: zoneName, outs: { ...inputs, ...outs } };
  }

  async read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    // What OVH says now: a disable made elsewhere shows as drift, and the next up enables again.
    const status = await this.run(props, (steps) => steps.status(), id);
    return { id, props: { ...props, status } };
  }

  /** Enables again after a drift, or finishes waiting; `adopted` keeps what the create found. */
  async update(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const { status } = await this.run(news, (steps) => steps.enable({ ...news, status: olds.status, adopted: olds.adopted }));
    return { outs: { ...news, status, adopted: olds.adopted ?? false } };
  }

  /** Disables DNSSEC (docs/zone-dnssec.md "Delete disables"), waiting for the task. */
  async delete(id: string, props: Props): Promise<void> {
    await this.run(props, (steps) => steps.disable(), id);
  }

  private async run<T>(props: Props, step: (steps: DnssecSteps) => Promise<T>, id?: string): Promise<T> {
    const zoneName = String(props.zoneName ?? id);
    const session = this.pool.sessionFor(this.config);
    const timeout = typeof props.timeoutSeconds === "number" ? props.timeoutSeconds : DEFAULT_TIMEOUT_SECONDS;
    const steps = new DnssecSteps({ zones: session.api, log: this.options.log ?? stderrLog, wait: this.options.wait }, zoneName, timeout);
    return withZoneDiagnosis(session.api, zoneName, () => step(steps));
  }
}
