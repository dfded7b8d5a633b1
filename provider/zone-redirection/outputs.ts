/**
 * The outputs of a ZoneRedirection, and how an API answer is folded into them. Like a ZoneRecord's
 * (zone-record/outputs.ts), they never hold `undefined`: the plugin host cannot pack it.
 */
import { fqdnOf } from "../records";
import { FRAME_FIELDS, fromApiRedirection, type ApiRedirection, type RedirectionSpec } from "./model";

/** What a ZoneRedirection resource exposes once it exists. */
export interface ZoneRedirectionOutputs extends RedirectionSpec {
  /** The OVH redirection id, as a decimal string. Also the resource id. */
  redirectionId: string;
  /** The full name redirected, e.g. `www.example.com` (the zone name at the apex). */
  fqdn: string;
  /** This resource's holder id (zone-record/ownership.ts); absent for a redirection only read. */
  instanceId?: string;
  /** The owner whose claim of the redirection the owner registry holds (claims.ts); absent without one. */
  owner?: string;
}

/**
 * The outputs of `spec`, whose OVH id is `redirectionId`, held by `instanceId` ("": read only), claimed in the owner
 * registry by `owner` ("": no claim).
 */
export function toRedirectionOutputs(spec: RedirectionSpec, redirectionId: string, instanceId: string, owner = ""): ZoneRedirectionOutputs {
  return {
    zoneName: spec.zoneName,
    subDomain: spec.subDomain,
    type: spec.type,
    target: spec.target,
    title: spec.title,
    keywords: spec.keywords,
    description: spec.description,
    redirectionId,
    fqdn: fqdnOf(spec.zoneName, spec.subDomain),
    ...(instanceId === "" ? {} : { instanceId }),
    ...(owner === "" ? {} : { owner }),
  };
}

/**
 * The redirection as the API has it, written as `prior` wrote it where both mean the same (the sub-domain's
 * letter case; the frame fields of a type that has no frame, which OVH keeps empty), so that a refresh shows a
 * change only where there is one.
 */
export function observedRedirection(prior: RedirectionSpec, api: ApiRedirection): RedirectionSpec {
  const live = fromApiRedirection(prior.zoneName, api);
  const spec = { ...live, subDomain: live.subDomain === prior.subDomain.toLowerCase() ? prior.subDomain : live.subDomain };
  if (live.type !== "invisible") for (const field of FRAME_FIELDS) spec[field] = "";
  return spec;
}
