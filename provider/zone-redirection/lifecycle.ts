/**
 * create, read, update and delete of one web redirection, over the records' {@link ZoneSession}: the same
 * signed client and pacing, and the same refresh coalescer, so that the refresh publishing a redirection is
 * shared with the record changes of its zone made at the same time (zone-record/refresh-coalescer.ts). Each
 * change is noted in the run's report (zone-record/run-report.ts), so a failing `up` names it with the records.
 */
import { isRecordId, ApiRecordError } from "../records";
import { classifyFailure } from "../ovh/outcome";
import { holderOf, holderOrNew, newInstanceId, type RecordOwnership } from "../zone-record/ownership";
import { deletePublished, parseObjectId, publication, sessionApi, withProvider, writeInPlace } from "../zone-record/published-steps";
import { ZoneRefreshError } from "../zone-record/refresh-coalescer";
import type { ZoneSession } from "../zone-record/session";
import { isNotFound } from "../zone-record/zone-api";
import { RedirectionApi } from "./api";
import { diffZoneRedirection } from "./diff";
import { RedirectionGoneError, RedirectionInitError } from "./errors";
import { describeRedirection, redirectionSpecOf, toApiRedirectionCreate, toApiRedirectionUpdate, type ApiRedirection, type RedirectionSpec } from "./model";
import { observedRedirection, toRedirectionOutputs, type ZoneRedirectionOutputs } from "./outputs";

/** What a redirection step works with: the session of its credentials, and which resource holds which redirection. */
export interface RedirectionContext {
  session: ZoneSession;
  /** Redirection ids held by the resources of this process (ids of another space than the records'). */
  owners: RecordOwnership;
}

type Props = Record<string, unknown>;

/** The redirection routes over the session's client. */
export const redirectionApiOf = sessionApi((client) => new RedirectionApi(client));

/** How the run's report names a redirection (its ids are not record ids: they are kept apart). */
function reportEntry(spec: RedirectionSpec) {
  return { subDomain: spec.subDomain, fieldType: "redirection", target: `${spec.type} ${spec.target}` };
}

/** Creates the redirection of the checked `inputs`, or with `adopt: true` takes over an existing one of that name and target. */
export async function createRedirection(ctx: RedirectionContext, inputs: Props, holder = newInstanceId()) {
  const spec = redirectionSpecOf(inputs);
  const { session } = ctx;
  if (inputs.adopt === true) {
    const found = await findTakeable(ctx, spec, holder);
    if (found) return takeOver(ctx, spec, found, holder, inputs);
  }
  const change = session.report.begin(spec.zoneName, "create", reportEntry(spec));
  let id: string | undefined;
  try {
    await session.coalescer.run(spec.zoneName, () => change.write(async () => {
      id = await postOnce(ctx, spec, holder);
      ctx.owners.hold(spec.zoneName, id, holder);
      change.id = `redirection ${id}`;
    }, (err) => (classifyFailure(err).applied === "not-applied" ? "not-written" : "may-exist")), publication(inputs));
    return { id: id!, outs: toRedirectionOutputs(spec, id!, holder) };
  } catch (err) {
    change.failed();
    if (err instanceof ZoneRefreshError && id !== undefined) {
      throw new RedirectionInitError(err.message, id, withProvider(toRedirectionOutputs(spec, id, holder), inputs));
    }
    throw err;
  } finally {
    change.ended();
  }
}

/**
 * One POST; when its answer is lost after it may have been applied (the client sends a POST again only when
 * it certainly was not: provider/ovh/outcome.ts), the redirection it may have made is looked for once: OVH
 * keeps one redirection per name, so an identical one at that name that no resource holds is this POST's.
 */
async function postOnce(ctx: RedirectionContext, spec: RedirectionSpec, holder: string): Promise<string> {
  const api = redirectionApiOf(ctx.session);
  let made: ApiRedirection;
  try {
    made = await api.create(spec.zoneName, toApiRedirectionCreate(spec));
  } catch (err) {
    if (classifyFailure(err).applied === "not-applied") throw err;
    const found = await findTakeable(ctx, spec, holder).catch(() => undefined);
    if (found) return String(found.id);
    throw err;
  }
  if (!isRecordId(made?.id)) {
    throw new ApiRecordError(`OVH answered the creation of redirection ${describeRedirection(spec)} in zone ${spec.zoneName} with id ` +
      `${JSON.stringify(made?.id)}, which is not a whole number from 1 to 2^53 - 1: delete it in the OVH console, then run \`pulumi up\` again.`);
  }
  return String(made.id);
}

/**
 * The redirection of `spec`'s name and target (type and frame fields may differ: they are set in place) that no
 * resource of the run holds, now held; `undefined` when there is none. Never one of another target: that would
 * silently send someone else's visitors elsewhere.
 */
async function findTakeable(ctx: RedirectionContext, spec: RedirectionSpec, holder: string): Promise<ApiRedirection | undefined> {
  const api = redirectionApiOf(ctx.session);
  for (const id of await api.listIds(spec.zoneName, spec.subDomain)) {
    if (ctx.owners.isHeld(spec.zoneName, id)) continue;
    const found = await api.get(spec.zoneName, id);
    // The test and the claim follow the last await: two adoptions in parallel never take one redirection.
    if (!found || (found.subDomain ?? "").toLowerCase() !== spec.subDomain.toLowerCase() || found.target !== spec.target) continue;
    if (ctx.owners.claim(spec.zoneName, id, holder)) return found;
  }
  return undefined;
}

/** An adopted redirection: unchanged when it is as declared, else set in place by one PUT, published like any change. */
async function takeOver(ctx: RedirectionContext, spec: RedirectionSpec, found: ApiRedirection, holder: string, inputs: Props) {
  const id = String(found.id);
  const outs = toRedirectionOutputs(spec, id, holder);
  const observed = observedRedirection(spec, found);
  if (diffZoneRedirection({ ...observed }, { ...spec }, () => false).changes) await putInPlace(ctx, "take over", spec, id, inputs, outs);
  return { id, outs };
}

/**
 * One PUT setting redirection `id` to `spec`, noted in the run's report and published by the zone's refresh; a
 * failed refresh keeps the redirection in the state (an init failure with `outs`).
 */
function putInPlace(ctx: RedirectionContext, kind: "take over" | "update", spec: RedirectionSpec, id: string, inputs: Props, outs: ZoneRedirectionOutputs): Promise<void> {
  return writeInPlace(ctx.session, kind, spec.zoneName, reportEntry(spec), `redirection ${id}`,
    () => redirectionApiOf(ctx.session).update(spec.zoneName, id, toApiRedirectionUpdate(spec)), inputs,
    (message) => new RedirectionInitError(message, id, withProvider(outs, inputs)));
}

/** What read answers: an empty id when the redirection no longer exists. */
export interface RedirectionRead {
  id: string;
  props: Props;
  inputs?: Props;
}

/**
 * Reads redirection `id` (`pulumi refresh`, `.get()`): its fields as OVH has them now, so a change made in the
 * console shows as drift. A 404 means it was deleted: refresh drops it. An id may be written `<id>.<zoneName>`.
 */
export async function readRedirection(ctx: RedirectionContext, id: string, props: Props): Promise<RedirectionRead> {
  const importing = props.redirectionId === undefined;
  const { objectId: redirectionId, zoneName } = parseObjectId(id, props, "ZoneRedirection", "an OVH redirection id (a whole number, such as 1342424242)");
  const found = await redirectionApiOf(ctx.session).get(zoneName, redirectionId);
  if (!found) return { id: "", props: {} };
  const holder = importing ? "" : holderOrNew(props);
  if (!importing) ctx.owners.hold(zoneName, redirectionId, holder);
  const prior = { ...redirectionSpecOf(props), zoneName };
  const outs = toRedirectionOutputs(observedRedirection(prior, found), redirectionId, holder);
  if (!importing) return { id: redirectionId, props: { ...outs } };
  const { redirectionId: _r, fqdn: _f, ...inputs } = outs;
  return { id: redirectionId, props: { ...outs }, inputs };
}

/** Sets `type`, `target` and the frame fields of redirection `id` in place: one PUT, published by the zone's refresh. */
export async function updateRedirection(ctx: RedirectionContext, id: string, olds: Props, news: Props) {
  const spec = redirectionSpecOf(news);
  const holder = holderOrNew(olds);
  const outs = toRedirectionOutputs(spec, id, holder);
  await putInPlace(ctx, "update", spec, id, news, outs).catch((err: unknown) => {
    if (!isNotFound(err)) throw err;
    throw new RedirectionGoneError(
      `redirection ${id} (${describeRedirection(spec)}) of zone ${spec.zoneName} no longer exists: it was deleted outside Pulumi. ` +
        "Run `pulumi refresh` to drop it from the state, then `pulumi up` to create it again.",
      { cause: err },
    );
  });
  ctx.owners.hold(spec.zoneName, id, holder);
  return { outs };
}

/**
 * Deletes redirection `id` (OVH removes the records it made with it), unless another resource of the run holds it
 * now (it was handed over: a renamed resource with `adopt`). One already gone (404) counts as deleted, and the
 * zone is refreshed all the same; a zone gone (404 on its refresh) took it with it.
 */
export async function deleteRedirection(ctx: RedirectionContext, id: string, props: Props): Promise<void> {
  const spec = redirectionSpecOf(props);
  if (ctx.owners.handedOver(spec.zoneName, id, holderOf(props))) return;
  await deletePublished(ctx.session, spec.zoneName, reportEntry(spec), `redirection ${id}`, () => redirectionApiOf(ctx.session).remove(spec.zoneName, id));
}
