/**
 * What the lifecycles of the zone's other objects (web redirections, DynHost records) share with each other: a typed
 * API per session, the publication a step asks for, and the two steps that write an existing object and publish
 * the write with the zone's refresh (an update in place, a delete), each noted in the run's report.
 */
import { ZoneRefreshError, type RunOptions } from "./refresh-coalescer";
import { idempotentWriteFailure, type ChangeKind } from "./run-report";
import type { ZoneSession } from "./session";
import { isNotFound, type OvhRequester } from "./zone-api";
import { isRecordIdText, RecordIdError } from "../records";

type Props = Record<string, unknown>;

/** How the run's report names an object: its name, a kind in place of a record type, and what it holds. */
export interface ReportEntry {
  subDomain: string;
  fieldType: string;
  target: string;
}

/** A function giving each session its one typed API of `make`'s kind, over the session's signed client. */
export function sessionApi<T>(make: (client: OvhRequester) => T): (session: ZoneSession) => T {
  const apis = new WeakMap<ZoneSession, T>();
  return (session) => {
    let api = apis.get(session);
    if (!api) apis.set(session, (api = make(session.api.client)));
    return api;
  };
}

/** How a step waits for its zone refresh: handed off to the next step unless `waitUntilPublished` is true. */
export function publication(inputs: Props): RunOptions {
  return { handOff: inputs.waitUntilPublished !== true };
}

/** Outputs with the inputs' `__provider`, as an init failure must carry them. */
export function withProvider(outs: object, props: Props): Props {
  const copy: Props = { ...outs };
  return props.__provider === undefined ? copy : { ...copy, __provider: props.__provider };
}

/**
 * One idempotent write (a PUT) of object `label` of `zoneName`, noted in the run's report and published by the
 * zone's refresh; a failed refresh becomes `initError(message)`, which keeps the object in the state.
 */
export async function writeInPlace(session: ZoneSession, kind: ChangeKind, zoneName: string, entry: ReportEntry, label: string,
  write: () => Promise<void>, inputs: Props, initError: (message: string) => Error): Promise<void> {
  const change = session.report.begin(zoneName, kind, entry, label);
  try {
    await session.coalescer.run(zoneName, () => change.write(write, idempotentWriteFailure), publication(inputs));
  } catch (err) {
    change.failed();
    if (err instanceof ZoneRefreshError) throw initError(err.message);
    throw err;
  } finally {
    change.ended();
  }
}

/**
 * Deletes object `label` of `zoneName` with `remove`, published by the zone's refresh. One already gone (404)
 * counts as deleted, and the zone is refreshed all the same; a zone gone (404 on its refresh) took it with it.
 * `then` runs after the delete, in the same zone change (a redirection's owner claims released).
 */
export async function deletePublished(session: ZoneSession, zoneName: string, entry: ReportEntry, label: string, remove: () => Promise<void>,
  then?: () => Promise<void>): Promise<void> {
  const change = session.report.begin(zoneName, "delete", entry, label);
  try {
    await session.coalescer.run(zoneName, async () => {
      await change.write(async () => {
        await remove().catch((err: unknown) => {
          if (!isNotFound(err)) throw err;
        });
      }, idempotentWriteFailure);
      await then?.();
    });
  } catch (err) {
    if (err instanceof ZoneRefreshError && isNotFound(err.cause)) return change.forget();
    change.failed();
    throw err;
  } finally {
    change.ended();
  }
}

/**
 * The OVH id and the zone of an object read by id (`pulumi refresh`, `.get()`, an import): `id` alone with the zone
 * in `props`, or `<id>.<zoneName>`. `resource` and `what` name the resource type and its id in the refusals.
 */
export function parseObjectId(id: string, props: Props, resource: string, what: string): { objectId: string; zoneName: string } {
  const dot = id.indexOf(".");
  const objectId = dot > 0 ? id.slice(0, dot) : id;
  const zoneName = dot > 0 ? id.slice(dot + 1).toLowerCase() : String(props.zoneName ?? "").toLowerCase();
  if (!isRecordIdText(objectId)) throw new RecordIdError(`cannot read ${resource} "${id}": the id must be ${what}, or <id>.<zoneName>`);
  if (!zoneName) throw new RecordIdError(`cannot read ${resource} ${id}: no zoneName; give it in the resource's inputs or read it as ${objectId}.<zoneName>`);
  return { objectId, zoneName };
}
