import { isIP } from "node:net";
import { domainToASCII } from "node:url";

/** What a target's host name is checked against: the zone, to suggest the fully qualified name. */
export interface HostContext {
  /** The record's zone when known, e.g. `example.com`. */
  zoneName?: string;
}

const MAX_NAME = 253;
const MAX_LABEL = 63;

/**
 * Reasons the labels of `name` (no trailing dot) are not a usable DNS name. Underscores are allowed:
 * `_dmarc`, `_acme-challenge`, `sel._domainkey` targets are everyday names (docs/ovh-api.md §5 "Other rules").
 */
export function checkLabels(what: string, name: string): string[] {
  if (name.length > MAX_NAME) return [`${what} "${name}" is ${name.length} characters long; DNS allows ${MAX_NAME}`];
  const reasons: string[] = [];
  for (const label of name.split(".")) {
    if (label === "") {
      reasons.push(`${what} "${name}" has an empty label (a doubled or leading dot?)`);
    } else if (label.length > MAX_LABEL) {
      reasons.push(`${what} "${name}" has a label of ${label.length} characters ("${label.slice(0, 10)}..."); DNS allows ${MAX_LABEL}`);
    } else if (!/^[a-z0-9_-]+$/i.test(label)) {
      reasons.push(`${what} "${name}" has a label "${label}" with characters other than letters, digits, "-" and "_"`);
    }
  }
  return dedupe(reasons);
}

/** Removes repeated reasons (a name with two empty labels needs saying once). */
function dedupe(reasons: string[]): string[] {
  return [...new Set(reasons)];
}

/**
 * Reasons `host` cannot be the target of a record: it must be fully qualified, with a trailing dot,
 * because OVH reads a name without one as relative to the zone, so `mail.example.com` becomes
 * `mail.example.com.example.com.` (docs/other-tools.md §C.9, terraform-provider-ovh #252). The reason shows the fix.
 */
export function checkTargetHost(what: string, host: string, ctx: HostContext): string[] {
  if (host === "") return [`${what} is missing`];
  if (host === ".") return [`${what} "." (the root) is not a host name`];
  const ascii = asciiSuggestion(host);
  if (ascii !== undefined) return [`${what} "${host}" is not ASCII; write its punycode form "${ascii}"`];
  if (isIP(host)) return [`${what} "${host}" is an address; it must be a host name (with A/AAAA records of its own)`];
  if (host.endsWith("..")) return [`${what} "${host}" ends in a doubled dot; use "${host.replace(/\.+$/, ".")}"`];
  if (!host.endsWith(".")) return [missingDotReason(what, host, ctx)];
  return checkLabels(what, host.slice(0, -1));
}

function missingDotReason(what: string, host: string, ctx: HostContext): string {
  const zone = ctx.zoneName;
  const readAs = zone ? ` ("${host}.${zone}.")` : "";
  const fixed = !host.includes(".") && zone ? `${host}.${zone}.` : `${host}.`;
  return `${what} "${host}" has no trailing dot: OVH reads a name without one as relative to the zone${readAs}; use "${fixed}"`;
}

/** The punycode spelling of a name with non-ASCII letters, `undefined` for an ASCII name. */
function asciiSuggestion(host: string): string | undefined {
  if (/^[\x20-\x7e]*$/.test(host)) return undefined;
  const ascii = domainToASCII(host.replace(/\.$/, ""));
  return ascii === "" ? "a valid IDN" : `${ascii}${host.endsWith(".") ? "." : ""}`;
}

/** `host` in lower case: DNS names compare case-insensitively (RFC 4343), so this never changes meaning. */
export function normaliseHost(host: string): string {
  return host.toLowerCase();
}

/**
 * The form of `host` used for equality: lower case and without its trailing dot. Inputs are checked to
 * carry the dot, so a name without one can only come back from OVH, which may store it either way
 * (docs/ovh-api.md §5 "Targets"); the root `.` stays `.`.
 */
export function canonicalHost(host: string): string {
  if (host === ".") return host;
  return host.toLowerCase().replace(/\.$/, "");
}
