/**
 * check and diff of a ZoneSoa: pure, no API call. The limits are this project's, on the safe side of the RFCs; OVH
 * publishes none for the SOA (docs/ovh-api.md §4 "SOA").
 */
import { checkZoneName, normaliseZoneName } from "../records";
import { isUnknownValue } from "../zone-record/unknown";
import { mailboxesEqual, mailboxProblem } from "./mailbox";

/** The SOA's timers a ZoneSoa manages, in seconds. */
export const SOA_NUMBERS = ["ttl", "nxDomainTtl", "refresh", "expire"] as const;
/** The SOA settings a ZoneSoa manages; each is optional, an absent one is left as OVH has it. */
export const SOA_FIELDS = [...SOA_NUMBERS, "email"] as const;
export type SoaField = (typeof SOA_FIELDS)[number];
type SoaNumber = (typeof SOA_NUMBERS)[number];

/** A refusal of one input, in the shape of Pulumi's `CheckFailure`. */
export interface SoaFailure {
  property: string;
  reason: string;
}

/** The range of each field, and why, for the messages. */
const LIMITS: Record<SoaNumber, { min: number; max: number; why: string }> = {
  ttl: { min: 60, max: 604_800, why: "the zone default TTL: OVH raises a record TTL under 60 to 60, and more than a week keeps a mistake cached for as long" },
  nxDomainTtl: {
    min: 60,
    max: 86_400,
    why: "how long resolvers cache that a name does not exist (RFC 2308); RFC 2308 §5 advises one to three hours and resolvers cap it (BIND at 3 hours), so more than a day only delays a new name",
  },
  refresh: { min: 60, max: 2_419_200, why: "seconds between zone transfers to secondary servers" },
  expire: { min: 60, max: 2_147_483_647, why: "seconds a secondary keeps answering without a transfer (an unsigned 32-bit count, RFC 1982)" },
};

const KNOWN_KEYS: readonly string[] = ["zoneName", ...SOA_FIELDS, "__provider", "serial", "server", "previous"];

/** Checks a ZoneSoa's inputs: every failure against its property, with the fix. */
export function checkZoneSoa(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: SoaFailure[] } {
  const failures: SoaFailure[] = [];
  const inputs: Record<string, unknown> = {};
  for (const key of Object.keys(news).filter((k) => !KNOWN_KEYS.includes(k) && news[k] !== undefined)) {
    failures.push({ property: key, reason: `unknown property "${key}": a ZoneSoa takes zoneName, ttl, nxDomainTtl, refresh, expire and email` });
  }
  const zoneName = news.zoneName;
  if (isUnknownValue(zoneName)) inputs.zoneName = zoneName;
  else if (typeof zoneName !== "string" || zoneName.trim() === "") failures.push({ property: "zoneName", reason: "zoneName is required: the zone whose SOA this is, e.g. example.com" });
  else {
    const problems = checkZoneName(normaliseZoneName(zoneName));
    failures.push(...problems.map((reason) => ({ property: "zoneName", reason })));
    inputs.zoneName = normaliseZoneName(zoneName);
  }
  for (const field of SOA_FIELDS) {
    const value = news[field];
    if (value === undefined || value === null) continue;
    if (isUnknownValue(value)) {
      inputs[field] = value;
      continue;
    }
    const reason = field === "email" ? mailboxProblem(value) : fieldProblem(field, value);
    if (reason === undefined) inputs[field] = value;
    else failures.push({ property: field, reason });
  }
  if (SOA_FIELDS.every((field) => news[field] === undefined || news[field] === null)) {
    failures.push({ property: "ttl", reason: "a ZoneSoa with none of ttl, nxDomainTtl, refresh, expire, email manages nothing: set the ones to manage" });
  }
  const { refresh, expire } = inputs;
  if (typeof refresh === "number" && typeof expire === "number" && expire <= refresh) {
    failures.push({ property: "expire", reason: `expire ${expire} is not above refresh ${refresh}: a secondary would stop answering before its next transfer (RFC 1912 §2.2); raise expire well above refresh` });
  }
  return { inputs, failures };
}

function fieldProblem(field: SoaNumber, value: unknown): string | undefined {
  const { min, max, why } = LIMITS[field];
  if (typeof value !== "number" || !Number.isInteger(value)) return `${field} must be a whole number of seconds, not ${JSON.stringify(value)}`;
  if (value < min || value > max) return `${field} ${value} is outside ${min}..${max} seconds (${why}); choose a value in that range`;
  return undefined;
}

/**
 * The diff of a ZoneSoa: another zone replaces it; a timer changed, added or dropped is an update in place. `email`
 * is compared by meaning (case aside, mailbox.ts); since the outputs always hold the `email` OVH publishes, one that
 * starts to be managed is told by `previous` (which holds every field the resource took over), and one dropped is
 * no change: the address stays as OVH has it, as it would after the update.
 */
export function diffZoneSoa(olds: Record<string, unknown>, news: Record<string, unknown>): { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean } {
  const replaces = olds.zoneName !== news.zoneName ? ["zoneName"] : [];
  const changed = SOA_NUMBERS.filter((field) => (olds[field] ?? null) !== (news[field] ?? null));
  const previous = (olds.previous ?? {}) as Record<string, unknown>;
  const emailChanged = news.email !== undefined && news.email !== null && (!("email" in previous) || !mailboxesEqual(olds.email, news.email));
  return { changes: replaces.length > 0 || changed.length > 0 || emailChanged, replaces, deleteBeforeReplace: false };
}
