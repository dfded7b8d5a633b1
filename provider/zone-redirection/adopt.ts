/**
 * Adoption of a web redirection (`adopt: true`), and the look-up after an ambiguous POST: the existing redirection of a
 * name and target that no resource of the run holds and no other stack's owner claims (claims.ts).
 */
import { foreignRedirectionOwner, redirectionManagedElsewhere } from "./claims";
import { redirectionApiOf, type RedirectionContext } from "./context";
import type { ApiRedirection, RedirectionSpec } from "./model";

/**
 * The redirection of `spec`'s name and target (type and frame fields may differ: they are set in place) that no
 * resource of the run holds and no other stack's owner claims, now held; `undefined` when there is none. Never one
 * of another target: that would silently send someone else's visitors elsewhere. When the only such redirection is
 * another owner's, that is an {@link OwnerConflictError}: OVH keeps one redirection per name, so a create would fail.
 */
export async function findTakeable(ctx: RedirectionContext, spec: RedirectionSpec, holder: string, inputs: Record<string, unknown>): Promise<ApiRedirection | undefined> {
  const api = redirectionApiOf(ctx.session);
  let elsewhere: { id: string; owner: string } | undefined;
  for (const id of await api.listIds(spec.zoneName, spec.subDomain)) {
    if (ctx.owners.isHeld(spec.zoneName, id)) continue;
    const found = await api.get(spec.zoneName, id);
    if (!found || (found.subDomain ?? "").toLowerCase() !== spec.subDomain.toLowerCase() || found.target !== spec.target) continue;
    const other = await foreignRedirectionOwner(ctx.session, spec.zoneName, id, inputs);
    if (other !== undefined) {
      elsewhere ??= { id, owner: other };
      continue;
    }
    // The test and the claim follow the last await: two adoptions in parallel never take one redirection.
    if (ctx.owners.claim(spec.zoneName, id, holder)) return found;
  }
  if (elsewhere) throw redirectionManagedElsewhere(spec, elsewhere.id, elsewhere.owner);
  return undefined;
}

