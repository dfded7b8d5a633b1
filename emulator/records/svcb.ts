/**
 * The emulator's checks of RP, SVCB and HTTPS targets, written apart from the provider's so that the two can
 * disagree in a test (docs/ovh-api.md §5 "RP", "SVCB and HTTPS"). OVH's one known refusal, "Invalid SvcParam key
 * 'ech'", is answered word for word; the other rules are RFC 9460's, each a 400 naming the param.
 */
import { isIPv4, isIPv6 } from "node:net";
import { badRequest } from "../errors";
import { checkTargetHost, quoted } from "./names";

/** SvcParamKey numbers of RFC 9460 §14.3.2, by name. */
const KEYS: Readonly<Record<string, number>> = { mandatory: 0, alpn: 1, "no-default-alpn": 2, port: 3, ipv4hint: 4, ech: 5, ipv6hint: 6 };

/** `mbox-dname txt-dname` (RFC 1183 §2.2), each a name or `.`. */
export function checkRp(target: string): void {
  const parts = target.trim().split(/\s+/);
  if (parts.length !== 2) throw badRequest(`Invalid RP target ${quoted(target)}: expected "mbox-dname txt-dname", e.g. "hostmaster.example.com. ."`);
  if (parts[0] !== "." && parts[0].includes("@")) throw badRequest(`Invalid RP mbox-dname ${quoted(parts[0])}: a mailbox is written as a name, its "@" a dot`);
  if (parts[0] !== ".") checkTargetHost("RP mbox-dname", parts[0], false);
  if (parts[1] !== ".") checkTargetHost("RP txt-dname", parts[1], false);
}

/** `priority target [key[=value]...]` (RFC 9460 §2.1), for SVCB and HTTPS alike. */
export function checkSvcb(fieldType: string, target: string): void {
  const match = /^\s*(\S+)\s+(\S+)(.*)$/s.exec(target);
  if (match === null) throw badRequest(`Invalid ${fieldType} target ${quoted(target)}: expected "priority target [params]", e.g. "1 . alpn=h2"`);
  const [, priority, host, rest] = match;
  if (!/^\d{1,5}$/.test(priority) || Number(priority) > 65535) throw badRequest(`Invalid ${fieldType} priority ${quoted(priority)}: a number from 0 to 65535`);
  if (host !== ".") checkTargetHost(`${fieldType} target`, host, false);
  const params = parseParams(rest);
  if (Number(priority) === 0 && params.size > 0) throw badRequest(`Invalid ${fieldType} target: AliasMode (priority 0) takes no SvcParams`);
  for (const [n, value] of params) checkValue(n, value, params);
}

/** The params by key number; throws on an unknown, refused or repeated key, or an unclosed quote. */
function parseParams(text: string): Map<number, string | undefined> {
  const params = new Map<number, string | undefined>();
  const re = /\s*([^\s=]+)(?:=("(?:[^"\\]|\\.)*"|[^\s"]*))?/gy;
  let rest = text;
  while (rest.trim() !== "") {
    re.lastIndex = 0;
    const m = re.exec(rest);
    if (m === null || m[0].trim() === "") throw badRequest(`Invalid SvcParams ${quoted(text)}: a quoted value is not closed`);
    const key = m[1].toLowerCase();
    const n = keyNumber(key);
    if (n === 5) throw badRequest("Invalid SvcParam key 'ech'");
    if (n === undefined) throw badRequest(`Invalid SvcParam key '${m[1]}'`);
    if (params.has(n)) throw badRequest(`Invalid SvcParams: key '${key}' appears twice`);
    const raw = m[2];
    params.set(n, raw === undefined ? undefined : raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw);
    rest = rest.slice(m[0].length);
    if (rest !== "" && !/^\s/.test(rest)) throw badRequest(`Invalid SvcParams ${quoted(text)}: a quoted value is not closed`);
  }
  return params;
}

/** A named key's number, `keyNNNN` for 0-65534 written without leading zeros and not a named key, else undefined. */
function keyNumber(key: string): number | undefined {
  if (key in KEYS) return KEYS[key];
  const m = /^key(0|[1-9]\d{0,4})$/.exec(key);
  if (m === null) return undefined;
  const n = Number(m[1]);
  if (n === 5) return 5;
  return n > 6 && n < 65535 ? n : undefined;
}

function checkValue(n: number, value: string | undefined, params: Map<number, string | undefined>): void {
  if (n > 6) return;
  if (n === 2) {
    if (value !== undefined && value !== "") throw badRequest("Invalid SvcParam 'no-default-alpn': it takes no value");
    if (!params.has(1)) throw badRequest("Invalid SvcParams: 'no-default-alpn' requires 'alpn'");
    return;
  }
  const name = Object.keys(KEYS)[n];
  if (value === undefined || value === "") throw badRequest(`Invalid SvcParam '${name}': a value is required`);
  if (n === 3) {
    if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw badRequest(`Invalid SvcParam 'port' ${quoted(value)}: a number from 0 to 65535`);
    return;
  }
  const items = value.split(",");
  if (items.includes("")) throw badRequest(`Invalid SvcParam '${name}' ${quoted(value)}: an item is empty`);
  const bad = n === 4 ? items.find((ip) => !isIPv4(ip)) : n === 6 ? items.find((ip) => !isIPv6(ip)) : undefined;
  if (bad !== undefined) throw badRequest(`Invalid SvcParam '${name}': ${quoted(bad)} is not an ${n === 4 ? "IPv4" : "IPv6"} address`);
  if (n === 0) checkMandatory(items, params);
}

/** RFC 9460 §8: known keys, not itself, once each, each present. */
function checkMandatory(items: string[], params: Map<number, string | undefined>): void {
  const seen = new Set<number>();
  for (const item of items) {
    const n = keyNumber(item.toLowerCase());
    if (n === undefined) throw badRequest(`Invalid SvcParam 'mandatory': ${quoted(item)} is not a key`);
    if (n === 0) throw badRequest("Invalid SvcParam 'mandatory': it cannot list itself");
    if (seen.has(n)) throw badRequest(`Invalid SvcParam 'mandatory': ${quoted(item)} is listed twice`);
    if (!params.has(n)) throw badRequest(`Invalid SvcParam 'mandatory': ${quoted(item)} is not in the record`);
    seen.add(n);
  }
}
