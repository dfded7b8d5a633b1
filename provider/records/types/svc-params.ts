/**
 * The SvcParams of an SVCB or HTTPS target (RFC 9460 §2.1, §7, Appendix A): reading them from presentation
 * syntax, every reason a list is not usable, and one spelling per meaning for the diff. Kept apart from
 * svcb.ts because the rules about keys and values are the bulk of the two types (docs/ovh-api.md §5 "SVCB and
 * HTTPS").
 */
import { canonicalUint, checkUint, quote } from "../fields";
import { canonicalIPv6, isPlainIPv4, isPlainIPv6 } from "../ip";

/** The named keys and their numbers (RFC 9460 §14.3.2). `ech` (5) is known so that it can be refused by name. */
const NAMED_KEYS: Readonly<Record<string, number>> = {
  mandatory: 0,
  alpn: 1,
  "no-default-alpn": 2,
  port: 3,
  ipv4hint: 4,
  ech: 5,
  ipv6hint: 6,
};

const KEY_NAMES = Object.fromEntries(Object.entries(NAMED_KEYS).map(([name, n]) => [n, name])) as Record<number, string>;

/** The keys OVH accepts, for messages. */
export const OFFERED_KEYS = "mandatory, alpn, no-default-alpn, port, ipv4hint, ipv6hint, keyNNNN";

/** One `key[=value]` as written: the key as spelled, its value with quotes removed and escapes resolved. */
export interface SvcParam {
  key: string;
  value: string | undefined;
}

/** The params of `text` (everything after the target), or a reason when a quoted value is not closed. */
export function readParams(text: string): SvcParam[] | string {
  const params: SvcParam[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i += 1;
      continue;
    }
    let end = i;
    while (end < text.length && !/[\s=]/.test(text[end])) end += 1;
    const key = text.slice(i, end);
    if (text[end] !== "=") {
      params.push({ key, value: undefined });
      i = end;
      continue;
    }
    const read = readValue(text, end + 1);
    if (read === undefined) return `the value of SvcParam "${key}" opens a quote that is not closed`;
    params.push({ key, value: read.value });
    i = read.end;
  }
  return params;
}

function readValue(text: string, start: number): { value: string; end: number } | undefined {
  const quoted = text[start] === '"';
  let value = "";
  for (let i = quoted ? start + 1 : start; i < text.length; i += 1) {
    const c = text[i];
    if (c === "\\" && i + 1 < text.length) {
      value += text[i + 1] === "," ? "\\," : text[i + 1];
      i += 1;
    } else if (quoted && c === '"') {
      return { value, end: i + 1 };
    } else if (!quoted && /\s/.test(c)) {
      return { value, end: i };
    } else {
      value += c;
    }
  }
  return quoted ? undefined : { value, end: text.length };
}

/** The number of `key` (any case), or `undefined` when it is neither a named key nor `keyNNNN`. */
export function keyNumber(key: string): number | undefined {
  const lower = key.toLowerCase();
  if (lower in NAMED_KEYS) return NAMED_KEYS[lower];
  const generic = /^key([0-9]{1,5})$/.exec(lower);
  return generic ? Number(generic[1]) : undefined;
}

/** Every reason the params of a `fieldType` record with `priority` are not usable (RFC 9460). */
export function checkParams(fieldType: string, priority: number | undefined, params: SvcParam[]): string[] {
  if (priority === 0 && params.length > 0) {
    const written = params.map((p) => p.key).join(", ");
    return [`a ${fieldType} record with priority 0 is in AliasMode and takes no SvcParams (RFC 9460 §2.4.2); remove ${written}, or use priority 1 or more for ServiceMode`];
  }
  const reasons: string[] = [];
  const seen = new Map<number, SvcParam>();
  for (const param of params) {
    const keyReasons = checkKey(param.key);
    if (keyReasons.length > 0) {
      reasons.push(...keyReasons);
      continue;
    }
    const n = keyNumber(param.key) as number;
    if (seen.has(n)) reasons.push(`SvcParam "${nameOf(n)}" is given twice; a key may appear once (RFC 9460 §2.1): merge the values`);
    seen.set(n, param);
    reasons.push(...checkValue(n, param));
  }
  return [...reasons, ...checkMandatory(seen), ...checkNoDefaultAlpn(seen)];
}

function checkKey(key: string): string[] {
  const lower = key.toLowerCase();
  if (lower === "ech" || lower === "key5") {
    return [`SvcParam "${key}": OVH refuses it with "Invalid SvcParam key 'ech'" (docs/ovh-api.md §5); publish the record without ech`];
  }
  if (lower in NAMED_KEYS) return [];
  const generic = /^key([0-9]+)$/.exec(lower);
  if (generic === null) return [`SvcParam key "${key}" is not one OVH accepts; use one of ${OFFERED_KEYS}`];
  const digits = generic[1];
  if (digits.length > 1 && digits.startsWith("0")) return [`SvcParam key "${key}" has leading zeros; write it "key${canonicalUint(digits)}" (RFC 9460 §2.1)`];
  const n = Number(digits);
  if (digits.length > 5 || n > 65534) return [`SvcParam key "${key}" is out of range; keyNNNN goes from key0 to key65534 (key65535 is reserved, RFC 9460 §14.3.2)`];
  if (n in KEY_NAMES) return [`SvcParam key "${key}" has a name: write "${KEY_NAMES[n]}" instead of "${key}"`];
  return [];
}

function nameOf(n: number): string {
  return KEY_NAMES[n] ?? `key${n}`;
}

function checkValue(n: number, param: SvcParam): string[] {
  const name = nameOf(n);
  const { value } = param;
  if (n === 2) return value === undefined || value === "" ? [] : [`SvcParam "no-default-alpn" takes no value; write it alone, without "=${value}"`];
  if (n > 6) return [];
  if (value === undefined || value === "") return [`SvcParam "${name}" needs a value, e.g. ${exampleOf(n)}`];
  if (n === 3) return checkUint(`SvcParam "port"`, value, 0, 65535);
  const items = value.split(",");
  if (items.some((item) => item === "")) return [`SvcParam "${name}" has an empty item in "${value}"; remove the extra comma, e.g. ${exampleOf(n)}`];
  if (n === 4) return items.filter((ip) => !isPlainIPv4(ip)).map((ip) => `SvcParam "ipv4hint" holds "${ip}", which is not an IPv4 address; e.g. ${exampleOf(4)}`);
  if (n === 6) return items.filter((ip) => !isPlainIPv6(ip)).map((ip) => `SvcParam "ipv6hint" holds "${ip}", which is not an IPv6 address; e.g. ${exampleOf(6)}`);
  if (n === 0) return checkMandatoryList(items);
  return [];
}

function exampleOf(n: number): string {
  return ["mandatory=alpn,port", "alpn=h2,h3", "no-default-alpn", "port=8443", "ipv4hint=192.0.2.1,192.0.2.2", "", "ipv6hint=2001:db8::1"][n];
}

function checkMandatoryList(items: string[]): string[] {
  const reasons: string[] = [];
  const listed = new Set<number>();
  for (const item of items) {
    const n = keyNumber(item);
    if (n === undefined) reasons.push(`SvcParam "mandatory" lists "${item}", which is not a key; list keys such as alpn or port`);
    else if (n === 0) reasons.push(`SvcParam "mandatory" may not list itself (RFC 9460 §8); remove "${item}" from it`);
    else if (n === 5) reasons.push(`SvcParam "mandatory" lists "${item}", a key OVH refuses ("Invalid SvcParam key 'ech'"); remove it from mandatory`);
    else if (listed.has(n)) reasons.push(`SvcParam "mandatory" lists "${item}" twice; list each key once`);
    if (n !== undefined) listed.add(n);
  }
  return reasons;
}

/** Each key `mandatory` lists must be present (RFC 9460 §8). */
function checkMandatory(seen: Map<number, SvcParam>): string[] {
  const mandatory = seen.get(0)?.value;
  if (mandatory === undefined) return [];
  return mandatory
    .split(",")
    .map((item) => ({ item, n: keyNumber(item) }))
    .filter(({ n }) => n !== undefined && n !== 0 && n !== 5 && !seen.has(n))
    .map(({ item }) => `SvcParam "mandatory" lists "${item}", which the record does not have; add ${item} or remove it from mandatory (RFC 9460 §8)`);
}

/** `no-default-alpn` needs `alpn` beside it (RFC 9460 §7.1.1). */
function checkNoDefaultAlpn(seen: Map<number, SvcParam>): string[] {
  if (!seen.has(2) || seen.has(1)) return [];
  return [`SvcParam "no-default-alpn" needs "alpn" beside it (RFC 9460 §7.1.1); add e.g. alpn=h3, or remove no-default-alpn`];
}

/**
 * The params in a spelling of their own: each key by its name in lower case, in increasing key order (the
 * order of the wire form, RFC 9460 §2.2); values unquoted where they can be, quoted otherwise; `port` without
 * leading zeros; the lists RFC 9460 gives no order sorted: `alpn` ids (the endpoint's "set" of protocols, whose
 * order the client's negotiation disregards, §7.1), hints in canonical spelling ("an unordered collection", like
 * an A or AAAA RRset, §7.3) and the keys `mandatory` lists ("in any order", §8). Params that cannot be read come
 * back as written.
 */
export function canonicalParams(params: SvcParam[]): string {
  const known = params.map((p) => ({ p, n: keyNumber(p.key) }));
  if (known.some(({ n }) => n === undefined)) return params.map(render).join(" ");
  return known
    .sort((a, b) => (a.n as number) - (b.n as number))
    .map(({ p, n }) => render({ key: nameOf(n as number), value: canonicalValue(n as number, p.value) }))
    .join(" ");
}

function canonicalValue(n: number, value: string | undefined): string | undefined {
  if (value === undefined || (value === "" && (n === 2 || n > 6))) return undefined;
  const items = value.split(",");
  if (n === 0) return items.map((item) => ({ item, k: keyNumber(item) })).sort((a, b) => (a.k ?? -1) - (b.k ?? -1)).map(({ item, k }) => (k === undefined ? item : nameOf(k))).join(",");
  if (n === 1) return [...new Set(items)].sort().join(",");
  if (n === 3) return canonicalUint(value);
  if (n === 4) return [...new Set(items)].sort().join(",");
  if (n === 6) return [...new Set(items.map((ip) => canonicalIPv6(ip)))].sort().join(",");
  return value;
}

/** `key`, `key=value`, or `key="value"` when the value holds a space, a quote or nothing. */
export function render(param: SvcParam): string {
  if (param.value === undefined) return param.key;
  return /^[^\s"\\]+$/.test(param.value) ? `${param.key}=${param.value}` : `${param.key}=${quote(param.value)}`;
}
