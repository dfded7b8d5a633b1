import { domainToASCII } from "node:url";
import { checkLabels } from "./hostname";

const MAX_NAME = 253;

/**
 * A zone name as the API knows it: trimmed, lower case, without its trailing dot (`Example.COM.` ->
 * `example.com`). DNS names compare case-insensitively (RFC 4343); OVH's routes take the name without the dot.
 * The one normalisation of a zone name in provider/records, sdk/ and cli/.
 */
export function normaliseZoneName(zoneName: string): string {
  return zoneName.trim().toLowerCase().replace(/\.$/, "");
}

/**
 * Every reason `zoneName` (lower case, trailing dot already removed) is not a zone OVH can host: a
 * registered domain, so at least two labels of letters, digits and hyphens.
 */
export function checkZoneName(zoneName: string): string[] {
  if (zoneName === "") return ["zoneName is required, e.g. \"example.com\""];
  const ascii = punycodeFix("zoneName", zoneName);
  if (ascii) return [ascii];
  if (!zoneName.includes(".")) return [`zoneName "${zoneName}" is not a domain OVH can host: it needs at least two labels, e.g. "example.com"`];
  const reasons = checkLabels("zoneName", zoneName);
  if (reasons.length === 0 && zoneName.includes("_")) reasons.push(`zoneName "${zoneName}" has an underscore, which a domain name cannot have`);
  return reasons;
}

/**
 * Every reason `subDomain` (lower case; `""` is the apex) cannot name a record in `zoneName` (when
 * known). It is relative to the zone: a name that repeats the zone is refused, since OVH would create
 * `www.example.com.example.com`.
 */
export function checkSubDomain(subDomain: string, zoneName: string | undefined): string[] {
  if (subDomain === "") return [];
  const ascii = punycodeFix("subDomain", subDomain);
  if (ascii) return [ascii];
  const repeated = zoneName ? checkZoneRepeated(subDomain, zoneName) : [];
  if (repeated.length > 0) return repeated;
  if (subDomain.startsWith(".") || subDomain.endsWith(".")) {
    return [`subDomain "${subDomain}" starts or ends with a dot; it is relative to the zone: use "${subDomain.replace(/^\.+|\.+$/g, "")}"`];
  }
  return [...checkWildcard(subDomain), ...checkLabels("subDomain", subDomain.replace(/^\*(\.|$)/, "x$1")), ...checkLength(subDomain, zoneName)];
}

function checkZoneRepeated(subDomain: string, zoneName: string): string[] {
  const name = subDomain.replace(/\.$/, "");
  if (name === zoneName) return [`subDomain "${subDomain}" is the zone itself: OVH would create "${zoneName}.${zoneName}"; use "" for the apex`];
  if (!name.endsWith(`.${zoneName}`)) return [];
  const relative = name.slice(0, -zoneName.length - 1);
  return [`subDomain "${subDomain}" repeats the zone name: OVH would create "${name}.${zoneName}"; use "${relative}"`];
}

/** `*` is a wildcard only as the whole first label (RFC 4592). */
function checkWildcard(subDomain: string): string[] {
  if (!subDomain.includes("*")) return [];
  if (/^\*(\.[^*]*)?$/.test(subDomain)) return [];
  return [`subDomain "${subDomain}" has a "*" that is not the whole first label; a wildcard is written "*" or "*.name"`];
}

function checkLength(subDomain: string, zoneName: string | undefined): string[] {
  if (zoneName === undefined) return [];
  const fqdn = `${subDomain}.${zoneName}`;
  return fqdn.length > MAX_NAME ? [`the full name "${subDomain}.${zoneName}" is ${fqdn.length} characters long; DNS allows ${MAX_NAME}`] : [];
}

/** A reason with the punycode spelling when `name` has non-ASCII characters. */
function punycodeFix(property: string, name: string): string | undefined {
  if (/^[\x20-\x7e]*$/.test(name)) return undefined;
  const ascii = domainToASCII(name);
  return ascii ? `${property} "${name}" is not ASCII; write its punycode form "${ascii}"` : `${property} "${name}" is not a valid name`;
}

/** `www A 203.0.113.10` (`@` for the apex): how every message names a record; callers add where it comes from. */
export function describeRecord(r: { subDomain: string; fieldType: string; target: string }): string {
  return `${r.subDomain || "@"} ${r.fieldType} ${r.target}`;
}
