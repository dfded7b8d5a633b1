/**
 * create, read, update and delete of one web redirection, over the records' {@link ZoneSession}: the same
 * signed client and pacing, and the same refresh coalescer, so that the refresh publishing a redirection is
 * shared with the record changes of its zone made at the same time (zone-record/refresh-coalescer.ts). Each
 * change is noted in the run's report (zone-record/run-report.ts), so a failing `up` names it with the records.
 * With an owner, each redirection is claimed in the zone's owner registry as records are (claims.ts), and another
 * owner's redirection is never adopted, updated or deleted.
 */
import { isRecordId, ApiRecordError } from "../records";
import { classifyFailure } from "../ovh/outcome";
import { holderOf, holderOrNew, newInstanceId } from "../zone-record/ownership";
import { OwnerConflictError } from "../zone-record/owner-registry";
import { ownerIn } from "../zone-record/outputs";
import { ZoneRefreshError } from "../zone-record/refresh-coalescer";
import { deletePublished, parseObjectId, publication, withProvider, writeInPlace } from "../zone-record/published-steps";
import { isNotFound } from "../zone-record/zone-api";
import { findTakeable } from "./adopt";
import { assertRedirectionId } from "./api";
import {
  claimRedirection, foreignRedirectionOwner, ownClaimNames, redirectionClaimHolds, redirectionManagedElsewhere, releaseRedirection, settleRedirectionClaim,
} from "./claims";
import { redirectionApiOf, type RedirectionContext } from "./context";
import { diffZoneRedirection } from "./diff";
import { RedirectionGoneError, RedirectionInitError } from "./errors";
import { describeRedirection, redirectionSpecOf, toApiRedirectionCreate, toApiRedirectionUpdate, type ApiRedirection, type RedirectionSpec } from "./model";
import { observedRedirection, toRedirectionOutputs, type ZoneRedirectionOutputs } from "./outputs";

export { redirectionApiOf, type RedirectionContext } from "./context";

type Props = Record<string, unknown>;


/** How the run's report names a redirection (its ids are not record ids: they are kept apart). */
function reportEntry(spec: RedirectionSpec) {
  return { subDomain: spec.subDomain, fieldType: "redirection", target: `${spec.type} ${spec.target}` };
}

/** Creates the redirection of the checked `inputs`, or with `adopt: true` takes over an existing one of that name and target. */
export async function createRedirection(ctx: RedirectionContext, inputs: Props, holder = newInstanceId()) {
  const spec = redirectionSpecOf(inputs);
  const { session } = ctx;
  if (inputs.adopt === true) {
    const found = await findTakeable(ctx, spec, holder, inputs);
    if (found) return takeOver(ctx, spec, found, holder, inputs);
  }
  const change = session.report.begin(spec.zoneName, "create", reportEntry(spec));
  let id: string | undefined;
  try {
    // The redirection and its owner's claim are written in one mutation, published by one refresh.
    const lostTo = await session.coalescer.run(spec.zoneName, async () => {
      await change.write(async () => {
        id = await postOnce(ctx, spec, holder, inputs);
        ctx.owners.hold(spec.zoneName, id, holder);
        change.id = `redirection ${id}`;
      }, (err) => (classifyFailure(err).applied === "not-applied" ? "not-written" : "may-exist"));
      return claimRedirection(session, spec.zoneName, id!, inputs);
    }, publication(inputs));
    if (lostTo !== undefined) throw redirectionManagedElsewhere(spec, id!, lostTo);
    return { id: id!, outs: toRedirectionOutputs(spec, id!, holder, ownerIn(inputs)) };
  } catch (err) {
    change.failed();
    if (err instanceof ZoneRefreshError && id !== undefined) {
      if (typeof err.mutationResult === "string") throw redirectionManagedElsewhere(spec, id, err.mutationResult);
      throw new RedirectionInitError(err.message, id, withProvider(toRedirectionOutputs(spec, id, holder, ownerIn(inputs)), inputs));
    }
    // Made, but its claim could not be written: kept in the state without an owner, so the next `up` claims it.
    if (id !== undefined && !(err instanceof OwnerConflictError)) {
      throw new RedirectionInitError(`web redirection ${describeRedirection(spec)} was created (redirection ${id}), but writing its owner claim failed: ` +
        `${err instanceof Error ? err.message : String(err)}. The next \`pulumi up\` writes it.`, id, withProvider(toRedirectionOutputs(spec, id, holder), inputs));
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
async function postOnce(ctx: RedirectionContext, spec: RedirectionSpec, holder: string, inputs: Props): Promise<string> {
  const api = redirectionApiOf(ctx.session);
  let made: ApiRedirection;
  try {
    made = await api.create(spec.zoneName, toApiRedirectionCreate(spec));
  } catch (err) {
    if (classifyFailure(err).applied === "not-applied") throw err;
    const found = await findTakeable(ctx, spec, holder, inputs).catch(() => undefined);
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
 * An adopted redirection: claimed for the inputs' owner first (nothing is changed in one another stack turns out to
 * manage); then unchanged when it is as declared, else set in place by one PUT, published like any change.
 */
async function takeOver(ctx: RedirectionContext, spec: RedirectionSpec, found: ApiRedirection, holder: string, inputs: Props) {
  const id = String(found.id);
  const owner = await settleRedirectionClaim(ctx.session, spec, id, inputs, "", publication(inputs)).catch((err: unknown) => {
    if (err instanceof ZoneRefreshError) throw new RedirectionInitError(err.message, id, withProvider(toRedirectionOutputs(spec, id, holder), inputs));
    throw err;
  });
  const outs = toRedirectionOutputs(spec, id, holder, owner);
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
  // The owner stays only while the registry holds its claim: a claim gone shows as a change the next `up` writes.
  const owner = importing ? "" : ownerIn(props);
  const claimed = await redirectionClaimHolds(ctx.session, zoneName, redirectionId, owner);
  const outs = toRedirectionOutputs(observedRedirection(prior, found), redirectionId, holder, claimed ? owner : "");
  if (!importing) return { id: redirectionId, props: { ...outs } };
  const { redirectionId: _r, fqdn: _f, ...inputs } = outs;
  return { id: redirectionId, props: { ...outs }, inputs };
}


/**
 * Sets `type`, `target` and the frame fields of redirection `id` in place: one PUT, published by the zone's refresh;
 * a new owner (or a claim gone) is claimed, and the old owner's claim released. Another owner's redirection is
 * never written.
 */
export async function updateRedirection(ctx: RedirectionContext, id: string, olds: Props, news: Props) {
  const spec = redirectionSpecOf(news);
  const holder = holderOrNew(olds);
  const [before, after] = [ownerIn(olds), ownerIn(news)];
  assertRedirectionId(spec.zoneName, id);
  const other = await foreignRedirectionOwner(ctx.session, spec.zoneName, id, news, before);
  if (other !== undefined) throw redirectionManagedElsewhere(spec, id, other);
  const outs = toRedirectionOutputs(spec, id, holder, before);
  // Only a new owner leaves the redirection alone; nothing to change is the engine finishing a failed init.
  const changed = diffZoneRedirection(olds, news, () => false).changed;
  if (changed.length === 0 || changed.some((key) => key !== "owner")) {
    await putInPlace(ctx, "update", spec, id, news, outs).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
      throw new RedirectionGoneError(
        `redirection ${id} (${describeRedirection(spec)}) of zone ${spec.zoneName} no longer exists: it was deleted outside Pulumi. ` +
          "Run `pulumi refresh` to drop it from the state, then `pulumi up` to create it again.",
        { cause: err },
      );
    });
  }
  ctx.owners.hold(spec.zoneName, id, holder);
  if (before === after) return { outs };
  const owner = await settleRedirectionClaim(ctx.session, spec, id, news, before, publication(news)).catch((err: unknown) => {
    if (err instanceof OwnerConflictError) throw err;
    throw new RedirectionInitError(err instanceof Error ? err.message : String(err), id, withProvider(outs, news));
  });
  return { outs: toRedirectionOutputs(spec, id, holder, owner) };
}

/**
 * Deletes redirection `id` (OVH removes the records it made with it), unless another resource of the run holds it
 * now (it was handed over: a renamed resource with `adopt`). One already gone (404) counts as deleted, and the
 * zone is refreshed all the same; a zone gone (404 on its refresh) took it with it.
 */
export async function deleteRedirection(ctx: RedirectionContext, id: string, props: Props): Promise<void> {
  const spec = redirectionSpecOf(props);
  if (ctx.owners.handedOver(spec.zoneName, id, holderOf(props))) return;
  assertRedirectionId(spec.zoneName, id);
  // Another stack's owner claims it (it adopted the redirection): it is that stack's now; this one lets go.
  if ((await foreignRedirectionOwner(ctx.session, spec.zoneName, id, props)) !== undefined) return;
  const released = await ownClaimNames(ctx.session, spec.zoneName, id, props);
  await deletePublished(ctx.session, spec.zoneName, reportEntry(spec), `redirection ${id}`, () => redirectionApiOf(ctx.session).remove(spec.zoneName, id),
    () => releaseRedirection(ctx.session, spec.zoneName, id, released, props));
}
