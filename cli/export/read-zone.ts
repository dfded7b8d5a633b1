/**
 * Reads every record of a zone (`GET /domain/zone/<zone>/record`, then one GET per id, as the provider
 * reads them) into the record model, showing progress: a 500-record zone is 501 calls; and its web
 * redirections the same way.
 */
import type { OvhClient } from "../../provider/ovh";
import { fromApiRecord, type ReadRecord } from "../../provider/records";
import { ZoneApi } from "../../provider/zone-record/zone-api";
import { fromApiRedirection, RedirectionApi, type RedirectionSpec } from "../../provider/zone-redirection";
import { DynHostApi } from "../../provider/dynhost/api";
import { CommandFailure } from "../cli-errors";
import { Progress, type ProgressStream } from "../progress";

/** Every record of `zone`, in id order; a record deleted while reading is left out. */
export async function readZoneRecords(client: OvhClient, zone: string, stream?: ProgressStream): Promise<ReadRecord[]> {
  const api = new ZoneApi(client);
  await api.getZone(zone).catch((err: { status?: number; message: string }) => {
    if (err.status === 404) throw new CommandFailure(`no zone ${zone} in this account: check the name and the endpoint (\`pulumi-ovh-dns doctor --zone ${zone}\`)`);
    throw err;
  });
  const ids = await api.listRecordIds(zone);
  const progress = new Progress(`reading ${zone}`, ids.length, stream);
  // The client paces these (8 in flight at most, ovh:apiRateLimit when set) and retries the GETs it may.
  const records = await Promise.all(
    ids.map(async (id) => {
      const api_record = await api.getRecord(zone, id);
      progress.tick();
      return api_record === undefined ? undefined : fromApiRecord(api_record);
    }),
  );
  progress.finish();
  return records.filter((r): r is ReadRecord => r !== undefined);
}

/** A redirection as read, in the provider's model (null frame fields read as ""). */
export interface ReadRedirection extends Omit<RedirectionSpec, "zoneName"> {
  redirectionId: string;
}

/** What {@link readZoneRedirections} found: the redirections, or why they could not be read (the export goes on). */
export interface RedirectionReading {
  redirections: ReadRedirection[];
  /** Set when the key may not list redirections (403): the export then holds the records alone, and says so. */
  unreadable?: string;
}

/**
 * Every object a listing of `zone` names, each read by its id, in id order: `undefined` when the key may not call the
 * listing (403; the message is returned as `unreadable`, the export goes on), objects gone meanwhile left out.
 */
async function readListed<A, T>(list: () => Promise<string[]>, get: (id: string) => Promise<A | undefined>, read: (id: string, api: A) => T): Promise<{ found: T[]; unreadable?: string }> {
  let ids: string[];
  try {
    ids = await list();
  } catch (err) {
    if ((err as { status?: number }).status === 403) return { found: [], unreadable: (err as Error).message };
    throw err;
  }
  const answers = await Promise.all(ids.map(async (id) => ({ id, api: await get(id) })));
  return { found: answers.flatMap(({ id, api }) => (api === undefined ? [] : [read(id, api)])) };
}

/** Every web redirection of `zone` (`GET .../redirection`, then one GET per id), in id order. */
export async function readZoneRedirections(client: OvhClient, zone: string): Promise<RedirectionReading> {
  const api = new RedirectionApi(client);
  const { found, unreadable } = await readListed(() => api.listIds(zone), (id) => api.get(zone, id), (id, r) => {
    const { zoneName: _z, ...spec } = fromApiRedirection(zone, r);
    return { redirectionId: id, ...spec };
  });
  return unreadable === undefined ? { redirections: found } : { redirections: found, unreadable };
}

/** A DynHost record as read. */
export interface ReadDynHostRecord {
  dynHostId: string;
  subDomain: string;
  ip: string;
}

/** What {@link readZoneDynHostRecords} found: the DynHost records, or why they could not be read (the export goes on). */
export interface DynHostReading {
  dynHostRecords: ReadDynHostRecord[];
  /** Set when the key may not list DynHost records (403). */
  unreadable?: string;
}

/** Every DynHost record of `zone` (`GET .../dynHost/record`, then one GET per id), in id order. */
export async function readZoneDynHostRecords(client: OvhClient, zone: string): Promise<DynHostReading> {
  const api = new DynHostApi(client);
  const { found, unreadable } = await readListed(() => api.listRecordIds(zone), (id) => api.getRecord(zone, id),
    (id, r) => ({ dynHostId: id, subDomain: (r.subDomain ?? "").toLowerCase(), ip: r.ip }));
  return unreadable === undefined ? { dynHostRecords: found } : { dynHostRecords: found, unreadable };
}
