/**
 * Hand edits in the zone, as a person in the OVH console makes them: through the API (the console's own
 * backend), each followed by a zone refresh as the console applies them. `renumber` is the console's text
 * editor: the whole zone rewritten, every record deleted and made again under a new id.
 */
import type { Emulator, ZoneViewRecord } from "../../emulator";
import { OvhClient, resolveCredentials } from "../../provider/ovh";
import { FUZZ_ZONE, type FuzzRecord } from "./model";

const RECORDS = `/domain/zone/${FUZZ_ZONE}/record`;

/** The OVH console on the emulator's zone. */
export class ZoneConsole {
  private readonly client: OvhClient;

  constructor(private readonly emulator: Emulator) {
    const c = emulator.credentials;
    const explicit = { endpoint: emulator.url, applicationKey: c.applicationKey, applicationSecret: c.applicationSecret, consumerKey: c.consumerKey };
    this.client = new OvhClient({ credentials: resolveCredentials({ explicit, env: {}, confFiles: [] }) });
  }

  /** Adds a record. */
  async add(record: FuzzRecord): Promise<void> {
    await this.client.post(RECORDS, { subDomain: record.subDomain, fieldType: record.fieldType, target: record.target, ttl: record.ttl });
    await this.refresh();
  }

  /** Deletes a record. */
  async remove(record: ZoneViewRecord): Promise<void> {
    await this.client.delete(`${RECORDS}/${record.id}`);
    await this.refresh();
  }

  /** Sets a record's TTL. */
  async setTtl(record: ZoneViewRecord, ttl: number): Promise<void> {
    await this.client.put(`${RECORDS}/${record.id}`, { ttl });
    await this.refresh();
  }

  /** Rewrites the zone as text: the same records, every one under a new id. */
  async renumber(): Promise<void> {
    const records = this.emulator.zone(FUZZ_ZONE).records;
    for (const r of records) await this.client.delete(`${RECORDS}/${r.id}`);
    for (const r of records) await this.client.post(RECORDS, { subDomain: r.subDomain, fieldType: r.fieldType, target: r.target, ttl: r.ttl });
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    await this.client.post(`/domain/zone/${FUZZ_ZONE}/refresh`);
  }

  close(): void {
    this.client.close();
  }
}
