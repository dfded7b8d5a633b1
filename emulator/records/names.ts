/**
 * Name checks of record bodies: the `subDomain` a record lives at and the host names its target
 * points to (docs/ovh-api-emulator.md, "Record validation"). DNS limits a label to 63 octets and
 * a name to 253 characters (RFC 1035 §2.3.4); host names (A, AAAA, MX, CNAME) have labels that
 * neither start nor end with a hyphen (RFC 952, RFC 1123 §2.1).
 */
import { badRequest } from "../errors";
import { findControlCharacter } from "./characters";

const MAX_LABEL = 63;
const MAX_NAME = 253;

/** The types whose owner names and targets are host names, refused with a label like `-www`. */
export const HOST_NAME_TYPES: readonly string[] = ["A", "AAAA", "MX", "CNAME"];

/** `value` quoted for a message, cut so that a huge input does not make a huge answer. */
export function quoted(value: string, max = 80): string {
  return JSON.stringify(value.length <= max ? value : `${value.slice(0, max)}...`);
}

/**
 * Checks a `subDomain` (relative to `zoneName`, `""` for the apex): letters, digits, `_`, `-`, `*`
 * and dots between labels; every label at most 63 characters; the full name at most 253.
 */
export function checkSubDomainName(subDomain: string, zoneName: string): void {
  if (subDomain === "") return;
  const invalid = () => badRequest(`Invalid domain name ${quoted(subDomain)}`);
  const control = findControlCharacter(subDomain);
  if (control !== undefined) {
    throw badRequest(`Invalid domain name ${quoted(subDomain)}: it holds the control character ${control.code} at position ${control.position}`);
  }
  if (subDomain.length > MAX_NAME) {
    throw badRequest(`Invalid domain name ${quoted(subDomain)}: ${subDomain.length} characters, a name has at most ${MAX_NAME}`);
  }
  if (!/^[A-Za-z0-9_*.-]*$/.test(subDomain)) throw invalid();
  const labels = subDomain.split(".");
  if (labels.some((label) => label === "")) throw invalid();
  const long = labels.find((label) => label.length > MAX_LABEL);
  if (long !== undefined) {
    throw badRequest(`Invalid domain name ${quoted(subDomain)}: label ${quoted(long, 20)} has ${long.length} characters, at most ${MAX_LABEL}`);
  }
  const full = `${subDomain}.${zoneName}`;
  if (full.length > MAX_NAME) {
    throw badRequest(`Invalid domain name ${quoted(full)}: ${full.length} characters with the zone, a name has at most ${MAX_NAME}`);
  }
}

/** Refuses a host-name label that starts or ends with `-` (RFC 952 / RFC 1123). */
export function checkHostLabels(what: string, name: string): void {
  const bad = name
    .replace(/\.$/, "")
    .split(".")
    .find((label) => label.startsWith("-") || label.endsWith("-"));
  if (bad !== undefined) {
    throw badRequest(`Invalid ${what} ${quoted(name)}: label ${quoted(bad, 20)} starts or ends with a hyphen, which a host name cannot`);
  }
}

/**
 * Checks a host name in a target (`mail.example.com.`, or relative to the zone without the
 * trailing dot, which OVH accepts): labels of letters, digits, `_` and `-`, 1 to 63 characters,
 * at most 253 in all. `hostRules` adds the hyphen rule of host names.
 */
export function checkTargetHost(what: string, host: string, hostRules: boolean): void {
  const name = host.endsWith(".") ? host.slice(0, -1) : host;
  if (name.length > MAX_NAME) throw badRequest(`Invalid ${what} ${quoted(host)}: ${name.length} characters, a name has at most ${MAX_NAME}`);
  const labels = name.split(".");
  if (name === "" || labels.some((label) => label === "" || label.length > MAX_LABEL || !/^[A-Za-z0-9_-]+$/.test(label))) {
    throw badRequest(`Invalid ${what} ${quoted(host)}: a host name is made of labels of 1 to ${MAX_LABEL} letters, digits, "-" or "_"`);
  }
  if (hostRules) checkHostLabels(what, host);
}
