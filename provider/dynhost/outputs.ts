/**
 * The outputs of a DynHostRecord and of a DynHostLogin. Like a ZoneRecord's (zone-record/outputs.ts), they never
 * hold `undefined`: the plugin host cannot pack it.
 */
import { fqdnOf } from "../records";
import { loginOf, type ApiDynHostRecord, type DynHostLoginSpec, type DynHostRecordSpec } from "./model";

/** What a DynHostRecord resource exposes once it exists. */
export interface DynHostRecordOutputs extends DynHostRecordSpec {
  /** The OVH DynHost record id, as a decimal string. Also the resource id. */
  dynHostId: string;
  /** The full name, e.g. `home.example.com` (the zone name at the apex). */
  fqdn: string;
  /** The TTL OVH gives it (read only; 0 when OVH gives none). */
  ttl: number;
  /** This resource's holder id (zone-record/ownership.ts); absent for a record only read. */
  instanceId?: string;
}

/** The outputs of `spec`, whose OVH id is `dynHostId`, held by `instanceId` ("": read only). */
export function toDynHostRecordOutputs(spec: DynHostRecordSpec, dynHostId: string, ttl: number | null | undefined, instanceId: string): DynHostRecordOutputs {
  return {
    zoneName: spec.zoneName,
    subDomain: spec.subDomain,
    ip: spec.ip,
    dynHostId,
    fqdn: fqdnOf(spec.zoneName, spec.subDomain),
    ttl: typeof ttl === "number" ? ttl : 0,
    ...(instanceId === "" ? {} : { instanceId }),
  };
}

/** The record as the API has it, written as `prior` wrote it where both mean the same (the name's letter case). */
export function observedDynHostRecord(prior: DynHostRecordSpec, api: ApiDynHostRecord): DynHostRecordSpec {
  const subDomain = (api.subDomain ?? "").toLowerCase();
  return { zoneName: prior.zoneName, subDomain: subDomain === prior.subDomain.toLowerCase() ? prior.subDomain : subDomain, ip: api.ip ?? "" };
}

/**
 * What a DynHostLogin resource exposes. `password` is the one given (OVH never returns it); the SDK makes the input a
 * secret and the engine keeps the output of that name secret, so the state holds it encrypted only (sdk/dynhost.ts).
 */
export interface DynHostLoginOutputs extends DynHostLoginSpec {
  /** The login a DynHost client signs in with: `<zoneName>-<loginSuffix>`. Also the resource id. */
  login: string;
}

/** The outputs of `spec`, whose login OVH named `login` (when it answered one). */
export function toDynHostLoginOutputs(spec: DynHostLoginSpec, login = loginOf(spec.zoneName, spec.loginSuffix)): DynHostLoginOutputs {
  return { zoneName: spec.zoneName, loginSuffix: spec.loginSuffix, subDomain: spec.subDomain, password: spec.password, login };
}
