/**
 * The checks `doctor` makes against the API, each adding findings to a report: endpoint and clock
 * (`GET /auth/time`), the credential (`GET /auth/currentCredential`, or a token for OAuth2), its access
 * rules against the calls the provider makes on each zone, and each zone's existence.
 */
import { displayEndpoint, OvhApiError, type OvhClient, type ResolvedCredentials } from "../../provider/ovh";
import { type AccessRule, missingAccountRules, missingZoneRules } from "../access-rules";
import { missingRuleText, unknownZoneText } from "../../provider/zone-record/zone-access";
import type { CurrentCredential } from "../credentials/request";
import type { Report } from "./report";

/** Seconds of clock offset past which doctor warns (the provider corrects it; other OVH tools may not). */
const CLOCK_WARN_SECONDS = 30;

/** A URL endpoint that does not end in `/1.0`: every call would miss the API's version prefix. */
function endpointHint(found: ResolvedCredentials): string | undefined {
  if (!/^https?:\/\//.test(found.endpoint)) return undefined;
  const path = new URL(found.baseUrl).pathname.replace(/\/+$/, "");
  if (path.endsWith("/1.0")) return undefined;
  return `endpoint ${displayEndpoint(found.endpoint)} does not end in /1.0: OVH API URLs do (https://eu.api.ovh.com/1.0, http://127.0.0.1:<port>/1.0 for the emulator)`;
}

/** Endpoint reachable and clock offset, from unsigned `GET /auth/time`. False when the API cannot be reached. */
export async function checkEndpointAndClock(client: OvhClient, found: ResolvedCredentials, report: Report): Promise<boolean> {
  const hint = endpointHint(found);
  let serverTime: unknown;
  const before = Date.now();
  try {
    serverTime = await client.get("/auth/time", { signed: false });
  } catch (err) {
    const missing = err instanceof OvhApiError && err.status === 404 && hint ? ` (${hint})` : "";
    report.add("endpoint", "fail", `GET ${displayEndpoint(found.baseUrl)}/auth/time failed: ${(err as Error).message}${missing}`);
    return false;
  }
  if (typeof serverTime !== "number") {
    report.add("endpoint", "fail", `GET /auth/time answered ${JSON.stringify(serverTime)}, not a time: is ${displayEndpoint(found.baseUrl)} the OVH API?${hint ? ` ${hint}` : ""}`);
    return false;
  }
  report.add("endpoint", hint ? "warn" : "ok", hint ?? `${displayEndpoint(found.baseUrl)} answers`);
  const local = Math.round((before + Date.now()) / 2000);
  const offset = serverTime - local;
  const text = `the API's clock is ${Math.abs(offset)} s ${offset >= 0 ? "ahead of" : "behind"} this machine's`;
  report.add("clock", Math.abs(offset) > CLOCK_WARN_SECONDS ? "warn" : "ok", Math.abs(offset) > CLOCK_WARN_SECONDS ? `${text}: the provider corrects it, but fix the machine's clock (NTP)` : text);
  return true;
}

/** The credential's state and rules (application keys); undefined when it does not work. */
export async function checkConsumerKey(client: OvhClient, report: Report): Promise<AccessRule[] | undefined> {
  let current: CurrentCredential;
  try {
    current = await client.get<CurrentCredential>("/auth/currentCredential");
  } catch (err) {
    report.add("credential", "fail", apiFailure("GET /auth/currentCredential", err));
    return undefined;
  }
  if (current.status !== "validated") {
    report.add("credential", "fail", `the consumer key is ${current.status}: request a new one with \`pulumi-ovh-dns credentials\``);
    return undefined;
  }
  const days = current.expiration === null ? undefined : (Date.parse(current.expiration) - Date.now()) / 86_400_000;
  if (days !== undefined && days < 7) {
    report.add("credential", "warn", `valid, but expires at ${current.expiration} (in ${days.toFixed(1)} day(s))`);
  } else {
    report.add("credential", "ok", `valid consumer key, ${current.rules.length} rule(s), expires ${current.expiration ?? "never"}`);
  }
  return current.rules;
}

/** Rules against what the provider needs: account-wide for the data sources, then per zone. */
export function checkRules(rules: AccessRule[], zones: string[], readOnly: boolean, report: Report, redirections = false, dynhost = false): void {
  for (const missing of missingAccountRules(rules)) {
    report.add("rules", "warn", `${missing.call} is not granted: ${missing.purpose} will fail (add the rule ${missing.rule})`);
  }
  for (const zone of zones) {
    const missing = missingZoneRules(rules, zone, readOnly, redirections, dynhost);
    if (missing.length === 0) {
      report.add(`rules ${zone}`, "ok", `every call the provider makes on ${zone} is granted`);
      continue;
    }
    for (const m of missing) {
      report.add(`rules ${zone}`, "fail", missingRuleText(m.rule, m.purpose, zone));
    }
  }
}

/** Each zone exists in the account (`GET /domain/zone/<zone>`); for OAuth2 this also proves the token works. */
export async function checkZones(client: OvhClient, zones: string[], report: Report): Promise<void> {
  for (const zone of zones) {
    try {
      await client.get(`/domain/zone/${encodeURIComponent(zone)}`);
      report.add(`zone ${zone}`, "ok", "exists in the account");
    } catch (err) {
      if (err instanceof OvhApiError && err.status === 404) {
        const known = await client.get<string[]>("/domain/zone").catch(() => undefined);
        report.add(`zone ${zone}`, "fail", unknownZoneText(zone, known));
      } else {
        report.add(`zone ${zone}`, "fail", apiFailure(`GET /domain/zone/${zone}`, err));
      }
    }
  }
}

function apiFailure(call: string, err: unknown): string {
  return `${call} failed: ${(err as Error).message}`;
}
