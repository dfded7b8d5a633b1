/**
 * create, read, update and delete of one record, over a {@link ZoneSession}. Each mutation returns only once
 * a zone refresh covering it has succeeded. A record that was made or changed but whose refresh failed is
 * reported with its id (Pulumi's "created but failed to initialise"), so nothing is orphaned and the next
 * `pulumi up` finishes the job.
 */
import { toApiRecordCreate, toApiRecordUpdate, type ApiRecord, type RecordSpec } from "../records";
import { adoptExistingRecord } from "./adopt-record";
import { createRecordOnce } from "./create-record";
import { ZoneRefreshError } from "./refresh-coalescer";
import { isNotFound } from "./zone-api";
import { toOutputs, observedSpec, specOf, type ZoneRecordOutputs } from "./outputs";
import type { ZoneSession } from "./session";

/** An error the plugin host reports as ErrorResourceInitFailed: the record exists and stays in the state. */
export class RecordInitError extends Error {
  readonly reasons: string[];
  constructor(message: string, readonly id: string, readonly properties: ZoneRecordOutputs & { __provider?: unknown }) {
    super(message);
    this.name = "RecordInitError";
    this.reasons = [message];
  }
}

/** `outs` with the `__provider` of `props`, when there is one (never an undefined value: see outputs.ts). */
function withProvider(outs: ZoneRecordOutputs, props: Record<string, unknown>): ZoneRecordOutputs & { __provider?: unknown } {
  return props.__provider === undefined ? outs : { ...outs, __provider: props.__provider };
}

/**
 * Creates the record of the checked `inputs`, or with `adopt: true` takes over the identical record that
 * already exists (see adopt-record.ts), setting its TTL in place when it differs.
 */
export async function createZoneRecord(session: ZoneSession, inputs: Record<string, unknown>) {
  const spec = specOf(inputs);
  try {
    if (inputs.adopt === true) {
      const adopted = await adoptExistingRecord(session.api, session.ledger, spec);
      if (adopted) return await takeOver(session, spec, adopted);
    }
    const made = await session.coalescer.run(spec.zoneName, () =>
      createRecordOnce(session.api, session.ledger, spec, toApiRecordCreate(spec), { sleep: session.options.sleep }));
    const id = String(made.id);
    return { id, outs: toOutputs(observedSpec(spec, made), id) };
  } catch (err) {
    if (err instanceof ZoneRefreshError) {
      const made = err.mutationResult as { id: number | string };
      const id = String(made.id);
      // The plugin host does not add `__provider` to the properties of a failed create: carry it, so that a
      // `destroy` run before the next `up` can still load the provider for this record.
      throw new RecordInitError(err.message, id, withProvider(toOutputs(spec, id), inputs));
    }
    throw err;
  }
}

/** An adopted record: unchanged when it already is as declared, else its TTL is set (and published) in place. */
async function takeOver(session: ZoneSession, spec: RecordSpec, found: ApiRecord) {
  const id = String(found.id);
  if ((found.ttl ?? 0) !== spec.ttl) {
    await session.coalescer.run(spec.zoneName, async () => {
      await session.api.updateRecord(spec.zoneName, id, toApiRecordUpdate(spec));
      return found;
    });
  }
  return { id, outs: toOutputs(observedSpec(spec, { ...found, ttl: spec.ttl }), id) };
}

/** Changes `subDomain`, `target` and `ttl` of record `id` in place. */
export async function updateZoneRecord(session: ZoneSession, id: string, news: Record<string, unknown>) {
  const spec = specOf(news);
  const outs = toOutputs(spec, id);
  try {
    await session.coalescer.run(spec.zoneName, () => session.api.updateRecord(spec.zoneName, id, toApiRecordUpdate(spec)));
  } catch (err) {
    if (err instanceof ZoneRefreshError) throw new RecordInitError(err.message, id, withProvider(outs, news));
    if (isNotFound(err)) {
      throw new Error(
        `record ${id} of zone ${spec.zoneName} no longer exists: it was deleted or renumbered outside Pulumi ` +
          "(editing a zone as text in the OVH console renumbers its records). Run `pulumi refresh` to re-bind " +
          "or drop it, then `pulumi up` again.",
        { cause: err },
      );
    }
    throw err;
  }
  return { outs };
}

/** Deletes record `id`; a record already gone (404) is deleted. */
export async function deleteZoneRecord(session: ZoneSession, id: string, props: Record<string, unknown>) {
  const { zoneName } = specOf(props);
  await session.coalescer.run(zoneName, () => session.api.deleteRecord(zoneName, id));
}
