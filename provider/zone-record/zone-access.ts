/**
 * What a missing zone or a refused call means, worded once for `doctor` (cli/doctor) and for a failing ZoneRecord
 * step alike: the calls the provider makes on a zone and why (the table the access rules are computed from), the
 * message naming a zone the account does not have with the zones it has, and the message naming a missing access
 * rule. A step's 404 on the zone itself ("This service does not exist", docs/ovh-api.md §2) then reads as well as
 * doctor's finding, instead of as the API's words. cli/ imports this; nothing here imports cli/.
 */
import { OvhApiError } from "../ovh";
import { ZoneRecordError } from "../records";
import { RecordInitError } from "./lifecycle";
import type { ZoneApi } from "./zone-api";

/** A method of an access rule. */
export type RuleMethod = "GET" | "POST" | "PUT" | "DELETE";

/** A call the provider makes on a zone, with a record id where the path has one. */
export interface ZoneCall {
  method: RuleMethod;
  /** Path under `/domain/zone/<zone>`, `""` for the zone itself. */
  suffix: string;
  /** Why the provider makes it, to say what breaks without it. */
  purpose: string;
  write: boolean;
}

/** Every call the provider and the data sources make under one zone (zone-api.ts). */
export const ZONE_CALLS: readonly ZoneCall[] = [
  { method: "GET", suffix: "", purpose: "getZone", write: false },
  { method: "GET", suffix: "/record", purpose: "list records (getZoneRecords, create)", write: false },
  { method: "GET", suffix: "/record/1", purpose: "read a record (refresh, import)", write: false },
  { method: "POST", suffix: "/record", purpose: "create a record", write: true },
  { method: "PUT", suffix: "/record/1", purpose: "update a record", write: true },
  { method: "DELETE", suffix: "/record/1", purpose: "delete a record", write: true },
  { method: "POST", suffix: "/refresh", purpose: "apply changes (zone refresh)", write: true },
];

/**
 * The calls a ZoneRedirection makes under one zone (zone-redirection/api.ts), besides the zone refresh. Their
 * rules are asked for only with `credentials --redirections`: a key for records alone has none of them.
 */
export const REDIRECTION_CALLS: readonly ZoneCall[] = [
  { method: "GET", suffix: "/redirection", purpose: "list redirections (adopt, export)", write: false },
  { method: "GET", suffix: "/redirection/1", purpose: "read a redirection (refresh)", write: false },
  { method: "POST", suffix: "/redirection", purpose: "create a redirection", write: true },
  { method: "PUT", suffix: "/redirection/1", purpose: "update a redirection", write: true },
  { method: "DELETE", suffix: "/redirection/1", purpose: "delete a redirection", write: true },
];

/**
 * The calls a ZoneDnssec makes under one zone (zone-dnssec/api.ts), besides `GET` of the zone itself (is DNSSEC
 * supported). Their write rules are asked for only with `credentials --with-dnssec`.
 */
export const DNSSEC_CALLS: readonly ZoneCall[] = [
  { method: "GET", suffix: "/dnssec", purpose: "read the DNSSEC status (refresh, waiting for a task)", write: false },
  { method: "POST", suffix: "/dnssec", purpose: "enable DNSSEC", write: true },
  { method: "DELETE", suffix: "/dnssec", purpose: "disable DNSSEC", write: true },
];

/**
 * The calls a ZoneSoa makes under one zone (zone-soa/provider.ts), besides the zone refresh. Reading is granted by
 * any key's `GET <zone>/*`; the `PUT` is asked for only with `credentials --with-soa`.
 */
export const SOA_CALLS: readonly ZoneCall[] = [
  { method: "GET", suffix: "/soa", purpose: "read the zone's SOA (ZoneSoa)", write: false },
  { method: "PUT", suffix: "/soa", purpose: "change the zone's SOA (ZoneSoa)", write: true },
];

/**
 * The calls a DynHostRecord and a DynHostLogin make under one zone (dynhost/api.ts), besides the zone refresh. Their
 * rules are asked for only with `credentials --with-dynhost`.
 */
export const DYNHOST_CALLS: readonly ZoneCall[] = [
  { method: "GET", suffix: "/dynHost/record", purpose: "list DynHost records (adopt, export)", write: false },
  { method: "GET", suffix: "/dynHost/record/1", purpose: "read a DynHost record (refresh)", write: false },
  { method: "POST", suffix: "/dynHost/record", purpose: "create a DynHost record", write: true },
  { method: "PUT", suffix: "/dynHost/record/1", purpose: "update a DynHost record", write: true },
  { method: "DELETE", suffix: "/dynHost/record/1", purpose: "delete a DynHost record", write: true },
  { method: "GET", suffix: "/dynHost/login/1", purpose: "read a DynHost login (refresh)", write: false },
  { method: "POST", suffix: "/dynHost/login", purpose: "create a DynHost login", write: true },
  { method: "PUT", suffix: "/dynHost/login/1", purpose: "change a DynHost login's sub-domain", write: true },
  { method: "POST", suffix: "/dynHost/login/1/changePassword", purpose: "change a DynHost login's password", write: true },
  { method: "DELETE", suffix: "/dynHost/login/1", purpose: "delete a DynHost login", write: true },
];

/** The access rule granting `call` on `zone`: its path with the record id as `*`. */
export function ruleOf(call: ZoneCall, zone: string): string {
  return `${call.method} /domain/zone/${zone}${call.suffix.replace(/\/1(\/|$)/, "/*$1")}`;
}

/** Doctor's words for a rule the key lacks: the rule, what it is needed for, and how to get a key with it. */
export function missingRuleText(rule: string, purpose: string, zone: string): string {
  const flag = rule.includes("/redirection")
    ? " --with-redirections"
    : rule.endsWith("/dnssec")
      ? " --with-dnssec"
      : rule.endsWith("/soa")
        ? " --with-soa"
        : rule.includes("/dynHost/")
          ? " --with-dynhost"
          : "";
  return `missing rule ${rule} (needed to ${purpose}): request a key with \`pulumi-ovh-dns credentials --zone ${zone}${flag}\``;
}

/** Doctor's words for a zone the account does not have; `known` is `GET /domain/zone`, when it could be read. */
export function unknownZoneText(zone: string, known: readonly string[] | undefined): string {
  const list = known ? ` (the account has: ${known.slice(0, 10).join(", ") || "no zone"}${known.length > 10 ? ", ..." : ""})` : "";
  return `no zone ${zone} in this account${list}: check the spelling, or the endpoint`;
}

/** A ZoneRecord step failed on the zone itself: the zone is not in the account, or the key may not call it. */
export class ZoneAccessError extends ZoneRecordError {
  override readonly name: string = "ZoneAccessError";
}

/** The OVH API error in `err` or in its chain of causes (a RecordGoneError, a ZoneRefreshError carry one). */
function apiErrorIn(err: unknown): OvhApiError | undefined {
  for (let e = err, depth = 0; e !== undefined && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof OvhApiError) return e;
  }
  return undefined;
}

/** The call of the zone's table that `method path` is, when it is one. */
function zoneCallOf(method: string, path: string, zone: string): ZoneCall | undefined {
  const base = `/domain/zone/${encodeURIComponent(zone)}`;
  if (!path.startsWith(base)) return undefined;
  const suffix = path.slice(base.length).replace(/\/\d+$/, "/1").replace(/^(\/dynHost\/login\/)[^/]+/, (_, head: string) => `${head}1`);
  return [...ZONE_CALLS, ...REDIRECTION_CALLS, ...DNSSEC_CALLS, ...SOA_CALLS, ...DYNHOST_CALLS].find((c) => c.method === method && c.suffix === suffix);
}

/** A 403 that says the key's access rules do not cover the call (docs/ovh-api.md §2, "has not been granted"). */
function isNotGranted(e: OvhApiError): boolean {
  return e.status === 403 && (e.errorCode === "NOT_GRANTED_CALL" || /has not been granted/i.test(e.apiMessage));
}

/** `GET /domain/zone` once per client and zone listing asked: every step failing on a missing zone shares it. */
const listings = new WeakMap<ZoneApi, Promise<string[] | undefined>>();

function zonesOf(api: ZoneApi): Promise<string[] | undefined> {
  let listing = listings.get(api);
  if (!listing) {
    listing = api.listZones().then((zones) => (Array.isArray(zones) ? zones : undefined), () => undefined);
    listings.set(api, listing);
  }
  return listing;
}

/**
 * The error a ZoneRecord step on `zone` should end with, given the one it failed with: a {@link ZoneAccessError}
 * in doctor's words when the call was refused by the key's access rules, or answered 404 for a zone that
 * `GET /domain/zone` (one call, made only here) does not list; else `err` itself. A record's own 404 keeps its
 * meaning: the zone is listed, so `err` is returned.
 */
export async function explainZoneFailure(api: ZoneApi, zone: string, err: unknown): Promise<unknown> {
  // An init failure carries the record that stays in the state: it is never replaced.
  const cause = err instanceof RecordInitError ? undefined : apiErrorIn(err);
  if (!cause || !zone) return err;
  const call = zoneCallOf(cause.method, cause.path, zone);
  if (!call) return err;
  if (isNotGranted(cause)) {
    return new ZoneAccessError(`${cause.method} ${cause.path} was refused: ${missingRuleText(ruleOf(call, zone), call.purpose, zone)}`, { cause: err });
  }
  if (cause.status !== 404) return err;
  const known = await zonesOf(api);
  if (known?.includes(zone)) return err;
  // Without the listing (the key may not call GET /domain/zone), a 404 on a record's own path is the zone's only
  // when the API says so: "The requested object (id = N) does not exist" is the record's (docs/ovh-api.md §2).
  if (!known && call.suffix.endsWith("/1") && !/service does not exist/i.test(cause.apiMessage)) return err;
  return new ZoneAccessError(unknownZoneText(zone, known), { cause: err });
}

/** Runs a step on `zone`, ending a failure on the zone itself with {@link explainZoneFailure}'s error. */
export async function withZoneDiagnosis<T>(api: ZoneApi, zone: unknown, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    throw typeof zone === "string" ? await explainZoneFailure(api, zone, err) : err;
  }
}
