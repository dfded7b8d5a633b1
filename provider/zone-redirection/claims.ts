/**
 * A redirection's claims in the zone's owner registry (zone-record/owner-registry.ts; docs/ownership.md, "Two
 * stacks on one zone"): the records' registry, protocol and batches, with the redirection's claim id
 * (registry-codec.ts `redirectionClaimId`, `r<id>`), so that a record and a redirection that OVH numbered alike
 * never share a claim. A stack with an owner claims the redirections it creates or adopts; no stack adopts, updates
 * or deletes a redirection another owner claims.
 */
import { ownerConflict } from "../zone-record/adopt-record";
import type { OwnerConflictError } from "../zone-record/owner-registry";
import { ownerIn, stackIn } from "../zone-record/outputs";
import type { RunOptions } from "../zone-record/refresh-coalescer";
import { redirectionClaimId } from "../zone-record/registry-codec";
import type { ZoneSession } from "../zone-record/session";
import { describeRedirection, type RedirectionSpec } from "./model";

type Props = Record<string, unknown>;

/** The error for redirection `id` of `spec`, which owner `other` manages: the records' wording. */
export function redirectionManagedElsewhere(spec: RedirectionSpec, id: string, other: string): OwnerConflictError {
  return ownerConflict(`web redirection ${describeRedirection(spec)}`, "redirection", id, spec.zoneName, other);
}

/**
 * The owner of another stack that claims redirection `id`, for the owner and stack key `props` carry (`formerly`: the
 * owner name this stack used before); `undefined` when it is no other stack's.
 */
export function foreignRedirectionOwner(session: ZoneSession, zoneName: string, id: string, props: Props, formerly?: string): Promise<string | undefined> {
  return session.registry.of(zoneName).foreignOwner(redirectionClaimId(id), ownerIn(props), stackIn(props), formerly || undefined);
}

/** Claims redirection `id` for the owner of `props`, inside a zone mutation: the other owner its claim met, if any. */
export async function claimRedirection(session: ZoneSession, zoneName: string, id: string, props: Props): Promise<string | undefined> {
  const owner = ownerIn(props);
  return owner === "" ? undefined : session.registry.of(zoneName).claim(owner, redirectionClaimId(id), undefined, stackIn(props));
}

/** The owner names under which this stack claims redirection `id`: the owner of `props` and former names. */
export async function ownClaimNames(session: ZoneSession, zoneName: string, id: string, props: Props): Promise<string[]> {
  const owner = ownerIn(props);
  const formers = await session.registry.of(zoneName).formerOwners(redirectionClaimId(id), owner, stackIn(props));
  return [...new Set([...(owner === "" ? [] : [owner]), ...formers])];
}

/** Releases this stack's claims of redirection `id` under `names`, inside a zone mutation. */
export async function releaseRedirection(session: ZoneSession, zoneName: string, id: string, names: readonly string[], props: Props): Promise<void> {
  for (const name of names) await session.registry.of(zoneName).release(name, redirectionClaimId(id), stackIn(props));
}

/**
 * Makes the registry say that the owner of `props` manages redirection `id` (none: no claim), where `before` (the
 * owner stored before, "" for none) or this stack under another name claimed it: claims under the new owner and
 * releases the others, in one zone change. Throws {@link OwnerConflictError} when another owner's claim came first.
 * Resolves the owner to store ("" for none).
 */
export async function settleRedirectionClaim(session: ZoneSession, spec: RedirectionSpec, id: string, props: Props, before: string, publication: RunOptions): Promise<string> {
  const owner = ownerIn(props);
  const formers = (await ownClaimNames(session, spec.zoneName, id, { ...props, owner: "" })).concat(before !== "" && before !== owner ? [before] : []);
  const released = [...new Set(formers)].filter((name) => name !== owner);
  if (owner === "" && released.length === 0) return "";
  const claims = session.registry.of(spec.zoneName);
  const lostTo = await session.coalescer.run(spec.zoneName, async () => {
    const lost = owner === "" ? undefined : await claims.claim(owner, redirectionClaimId(id), before || undefined, stackIn(props));
    if (lost === undefined) await releaseRedirection(session, spec.zoneName, id, released, props);
    return lost;
  }, publication);
  if (lostTo !== undefined) throw redirectionManagedElsewhere(spec, id, lostTo);
  return owner;
}

/** Whether the registry still holds `owner`'s claim of redirection `id` (a refresh drops an owner whose claim went). */
export async function redirectionClaimHolds(session: ZoneSession, zoneName: string, id: string, owner: string): Promise<boolean> {
  return owner !== "" && (await session.registry.of(zoneName).ownersOf(redirectionClaimId(id))).includes(owner);
}
