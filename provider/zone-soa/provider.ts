/**
 * The ZoneSoa dynamic provider: a zone's SOA settings (`GET`/`PUT /domain/zone/{zoneName}/soa`). A zone has exactly
 * one SOA, which exists with the zone, so "create" takes it over and "delete" gives it back: create remembers the
 * values of the managed fields before changing them (output `previous`) and delete puts those back, so that
 * `pulumi destroy` leaves the zone as it found it (docs/zone-soa.md). Each write is published by a zone refresh shared
 * with the record changes of the same zone (the records' refresh coalescer).
 */
import type * as pulumi from "@pulumi/pulumi";
import { configLookup, SessionPool, type ConfigLookup } from "../zone-record/connection";
import { isNotFound, type ApiSoa } from "../zone-record/zone-api";
import { withZoneDiagnosis } from "../zone-record/zone-access";
import { checkZoneSoa, diffZoneSoa, SOA_FIELDS, type SoaField } from "./check";
import { mailboxesEqual } from "./mailbox";

type Props = Record<string, unknown>;
type SoaValues = Partial<Pick<ApiSoa, SoaField>>;

/** Implements `pulumi.dynamic.ResourceProvider` for the SOA of a zone. */
export class ZoneSoaProvider implements pulumi.dynamic.ResourceProvider {
  private config?: ConfigLookup;

  constructor(private readonly pool: SessionPool = new SessionPool()) {}

  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.config = configLookup(req.config);
  }

  async check(_olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
    return checkZoneSoa(news);
  }

  async diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    return diffZoneSoa(olds, news);
  }

  async create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    const zoneName = String(inputs.zoneName);
    const outs = await this.write(zoneName, managed(inputs), {});
    return { id: zoneName, outs: { ...inputs, ...outs } };
  }

  async read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    const zoneName = String(props.zoneName ?? id);
    const session = this.pool.sessionFor(this.config);
    const soa = await withZoneDiagnosis(session.api, zoneName, () => session.api.getSoa(zoneName));
    // What OVH holds now, for the fields this resource manages: a change made elsewhere shows as drift.
    const current = Object.fromEntries(SOA_FIELDS.filter((f) => props[f] !== undefined && props[f] !== null).map((f) => [f, soa[f]]));
    return { id, props: { ...props, ...current, ...unmanaged(soa) } };
  }

  async update(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const outs = await this.write(String(news.zoneName), managed(news), (olds.previous ?? {}) as SoaValues);
    return { outs: { ...news, ...outs } };
  }

  /** Puts back what the zone had before this resource changed it; a zone already gone has nothing to give back. */
  async delete(_id: string, props: Props): Promise<void> {
    const zoneName = String(props.zoneName);
    const previous = (props.previous ?? {}) as SoaValues;
    if (Object.keys(previous).length === 0) return;
    const session = this.pool.sessionFor(this.config);
    try {
      await withZoneDiagnosis(session.api, zoneName, () =>
        session.coalescer.run(zoneName, () => session.api.updateSoa(zoneName, previous), { handOff: false }),
      );
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  /**
   * Reads the SOA, remembers the value of each field managed for the first time, writes the fields that differ
   * (nothing when none does) and waits for the refresh that publishes them.
   */
  private async write(zoneName: string, wanted: SoaValues, previous: SoaValues): Promise<Props> {
    const session = this.pool.sessionFor(this.config);
    return withZoneDiagnosis(session.api, zoneName, async () => {
      const soa = await session.api.getSoa(zoneName);
      const remembered: SoaValues = { ...previous };
      for (const field of Object.keys(wanted) as SoaField[]) Object.assign(remembered, { [field]: remembered[field] ?? soa[field] });
      const body = Object.fromEntries(Object.entries(wanted).filter(([field, value]) => !sameValue(field as SoaField, soa[field as SoaField], value)));
      if (Object.keys(body).length > 0) {
        await session.coalescer.run(zoneName, () => session.api.updateSoa(zoneName, body), { handOff: false });
      }
      const after = Object.keys(body).length > 0 ? await session.api.getSoa(zoneName) : soa;
      return { ...wanted, ...unmanaged(after), previous: remembered };
    });
  }
}

/** The managed fields the inputs set. */
function managed(inputs: Props): SoaValues {
  return Object.fromEntries(SOA_FIELDS.filter((f) => typeof inputs[f] === (f === "email" ? "string" : "number")).map((f) => [f, inputs[f] as number | string]));
}

/** Whether OVH already holds the value: a mailbox spelt in another case is the same (mailbox.ts), so it is not sent. */
function sameValue(field: SoaField, held: unknown, wanted: unknown): boolean {
  return field === "email" ? mailboxesEqual(held, wanted) : held === wanted;
}

/**
 * The SOA's outputs as OVH holds them: its serial and primary server, and the administrator's address, managed or not
 * (a managed one as OVH spells it, which the diff compares by meaning).
 */
function unmanaged(soa: ApiSoa): Props {
  return { serial: soa.serial, server: soa.server, email: soa.email };
}
