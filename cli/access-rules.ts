/**
 * The consumer-key access rules this package needs, and how a rule matches a call (docs/cli.md
 * "Access rules"): a rule is a method and a path glob where `*` matches any characters, `/` included;
 * `/domain/zone/*` does not match `/domain/zone` itself.
 */
import { DNSSEC_CALLS, DYNHOST_CALLS, REDIRECTION_CALLS, ruleOf, SOA_CALLS, ZONE_CALLS, type RuleMethod } from "../provider/zone-record/zone-access";

/** One access rule, as `POST /auth/credential` takes it and `GET /auth/currentCredential` returns it. */
export interface AccessRule {
  method: RuleMethod;
  path: string;
}

/** What the rules are asked for. */
export interface RuleScope {
  /** Zones named with `--zone`; ignored when `allZones` is set. */
  zones: string[];
  /** Every zone of the account (`--all-zones`): the zone segment becomes `*`. */
  allZones: boolean;
  /** Only what data sources need (`--read-only`). */
  readOnly: boolean;
  /** Also what ZoneRedirection needs (`--with-redirections`): its create, update and delete routes. */
  redirections?: boolean;
  /** Also what ZoneDnssec needs (`--with-dnssec`): enabling and disabling DNSSEC. */
  dnssec?: boolean;
  /** Also what ZoneSoa needs (`--with-soa`): `PUT <zone>/soa` (its read is in `GET <zone>/*`). */
  soa?: boolean;
  /** Also what DynHostRecord and DynHostLogin need (`--with-dynhost`): their create, update and delete routes. */
  dynhost?: boolean;
}

/** What a stack needs of a zone beyond the records, as `credentials` and `doctor` take it from their flags. */
export type ZoneNeeds = Partial<Pick<RuleScope, "readOnly" | "redirections" | "dnssec" | "soa" | "dynhost">>;

/** Account-wide calls of the data sources `getDomains` and `getZones`. */
const ACCOUNT_RULES: AccessRule[] = [
  { method: "GET", path: "/domain" },
  { method: "GET", path: "/domain/zone" },
];

/**
 * The least-privilege rules for a scope: `GET /domain`, `GET /domain/zone`, then per zone the zone
 * itself and everything under it for reading, and only the record and refresh routes for writing
 * (not `POST /domain/zone/<zone>/*`, which would also grant imports, DNSSEC and zone resets).
 */
export function rulesFor(scope: RuleScope): AccessRule[] {
  const zones = scope.allZones ? ["*"] : scope.zones;
  const rules = [...ACCOUNT_RULES];
  for (const zone of zones) {
    const base = `/domain/zone/${zone}`;
    rules.push({ method: "GET", path: base }, { method: "GET", path: `${base}/*` });
    if (scope.readOnly) continue;
    rules.push(
      { method: "POST", path: `${base}/record` },
      { method: "PUT", path: `${base}/record/*` },
      { method: "DELETE", path: `${base}/record/*` },
      { method: "POST", path: `${base}/refresh` },
    );
    // Reading a redirection is already granted by `GET <zone>/*`; writing one is asked for only by name.
    if (scope.redirections) {
      rules.push(
        { method: "POST", path: `${base}/redirection` },
        { method: "PUT", path: `${base}/redirection/*` },
        { method: "DELETE", path: `${base}/redirection/*` },
      );
    }
    // Reading the status is already granted by `GET <zone>/*`; the enable and the disable are asked for by name.
    if (scope.dnssec) rules.push({ method: "POST", path: `${base}/dnssec` }, { method: "DELETE", path: `${base}/dnssec` });
    // The same for the SOA: its GET is granted above; the PUT, which changes the zone's TTLs, only by name.
    if (scope.soa) rules.push({ method: "PUT", path: `${base}/soa` });
    // Reading DynHost records and logins is granted by `GET <zone>/*` too; each write is asked for by name.
    if (scope.dynhost) {
      rules.push(...DYNHOST_CALLS.filter((c) => c.write).map((c) => ({ method: c.method, path: ruleOf(c, zone).slice(c.method.length + 1) })));
    }
  }
  return rules;
}

/** Whether a glob (only `*` is special) matches the whole path. */
function globMatches(glob: string, path: string): boolean {
  const source = glob
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`, "s").test(path);
}

/** Whether some rule grants `method path`. */
function isGranted(rules: readonly AccessRule[], method: string, path: string): boolean {
  return rules.some((rule) => rule.method === method && globMatches(rule.path, path));
}

/** A call the rules do not grant, with the rule that would. */
export interface MissingRule {
  /** The call, e.g. `POST /domain/zone/example.com/refresh`. */
  call: string;
  /** What the provider does with it. */
  purpose: string;
  /** The rule to add, e.g. `POST /domain/zone/example.com/refresh`. */
  rule: string;
}

/**
 * The calls on `zone` the rules do not grant (read-only checks skip the write calls; the redirection calls are
 * checked only with `redirections`, the DNSSEC calls only with `dnssec`, the SOA calls only with `soa`, the DynHost
 * calls only with `dynhost`).
 */
export function missingZoneRules(rules: readonly AccessRule[], zone: string, needs: ZoneNeeds = {}): MissingRule[] {
  const base = `/domain/zone/${zone}`;
  const calls = [
    ...ZONE_CALLS,
    ...(needs.redirections ? REDIRECTION_CALLS : []),
    ...(needs.dnssec ? DNSSEC_CALLS : []),
    ...(needs.soa ? SOA_CALLS : []),
    ...(needs.dynhost ? DYNHOST_CALLS : []),
  ];
  return calls.filter((c) => !needs.readOnly || !c.write)
    .filter((c) => !isGranted(rules, c.method, base + c.suffix))
    .map((c) => ({ call: `${c.method} ${base}${c.suffix}`, purpose: c.purpose, rule: ruleOf(c, zone) }));
}

/** The account-wide calls (data sources) the rules do not grant. */
export function missingAccountRules(rules: readonly AccessRule[]): MissingRule[] {
  return ACCOUNT_RULES.filter((r) => !isGranted(rules, r.method, r.path)).map((r) => ({
    call: `${r.method} ${r.path}`,
    purpose: r.path === "/domain" ? "getDomains" : "getZones",
    rule: `${r.method} ${r.path}`,
  }));
}
