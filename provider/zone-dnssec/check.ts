/**
 * check and diff of a ZoneDnssec: pure, no API call. Whether the zone can have DNSSEC is OVH's to say
 * (`dnssecSupported`), so it is asked at `up`, before anything is sent (provider.ts).
 */
import { checkZoneName, normaliseZoneName } from "../records";
import { isUnknownValue } from "../zone-record/unknown";

/** A refusal of one input, in the shape of Pulumi's `CheckFailure`. */
export interface DnssecFailure {
  property: string;
  reason: string;
}

/** How long an `up` waits for OVH's DNSSEC task by default, and the bounds of `timeoutSeconds`. */
export const DEFAULT_TIMEOUT_SECONDS = 600;
const MIN_TIMEOUT = 10;
const MAX_TIMEOUT = 86_400;

const KNOWN_KEYS: readonly string[] = ["zoneName", "timeoutSeconds", "__provider", "status", "adopted"];

/** Checks a ZoneDnssec's inputs: every failure against its property, with the fix. */
export function checkZoneDnssec(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: DnssecFailure[] } {
  const failures: DnssecFailure[] = [];
  const inputs: Record<string, unknown> = {};
  for (const key of Object.keys(news).filter((k) => !KNOWN_KEYS.includes(k) && news[k] !== undefined)) {
    failures.push({ property: key, reason: `unknown property "${key}": a ZoneDnssec takes zoneName and timeoutSeconds` });
  }
  const zoneName = news.zoneName;
  if (isUnknownValue(zoneName)) inputs.zoneName = zoneName;
  else if (typeof zoneName !== "string" || zoneName.trim() === "") {
    failures.push({ property: "zoneName", reason: "zoneName is required: the zone to sign with DNSSEC, e.g. example.com" });
  } else {
    failures.push(...checkZoneName(normaliseZoneName(zoneName)).map((reason) => ({ property: "zoneName", reason })));
    inputs.zoneName = normaliseZoneName(zoneName);
  }
  const timeout = news.timeoutSeconds;
  if (isUnknownValue(timeout)) inputs.timeoutSeconds = timeout;
  else if (timeout !== undefined && timeout !== null) {
    if (typeof timeout !== "number" || !Number.isInteger(timeout) || timeout < MIN_TIMEOUT || timeout > MAX_TIMEOUT) {
      failures.push({
        property: "timeoutSeconds",
        reason: `timeoutSeconds ${JSON.stringify(timeout)} is not a whole number from ${MIN_TIMEOUT} to ${MAX_TIMEOUT}: it bounds how long an up waits for OVH's DNSSEC task (default ${DEFAULT_TIMEOUT_SECONDS}); choose one in that range`,
      });
    } else inputs.timeoutSeconds = timeout;
  }
  return { inputs, failures };
}

/**
 * The diff of a ZoneDnssec: another zone replaces it (the old zone's DNSSEC is disabled, the new one's enabled);
 * a status other than `enabled` in the state (a disable made elsewhere, shown by `pulumi refresh`, or a task that
 * had not ended) is an update, which enables again or waits; so is a new `timeoutSeconds`.
 */
export function diffZoneDnssec(olds: Record<string, unknown>, news: Record<string, unknown>): { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean } {
  const replaces = olds.zoneName !== news.zoneName ? ["zoneName"] : [];
  const drifted = olds.status !== undefined && olds.status !== "enabled";
  const timeout = (olds.timeoutSeconds ?? null) !== (news.timeoutSeconds ?? null);
  return { changes: replaces.length > 0 || drifted || timeout, replaces, deleteBeforeReplace: false };
}
