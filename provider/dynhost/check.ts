/**
 * check of a DynHostRecord and of a DynHostLogin: every input, each refusal naming its field and what to write
 * instead. Pure: no API call. Names go through the records' own checks (provider/records/names.ts). A password
 * is never written into a message: a refusal says what is wrong with it, not what it is.
 */
import { checkZoneName, normaliseZoneName } from "../records";
import { checkSubDomain } from "../records/names";
import { isPlainIPv4, isPlainIPv6 } from "../records/ip";
import { findCharacter, isControlCharacter } from "../text/characters";
import { flagInput, textInput, type Fail } from "../zone-record/input-checks";
import { isUnknownValue } from "../zone-record/unknown";

/** One refused input, in the shape of Pulumi's `CheckFailure`. */
export interface DynHostFailure {
  property: string;
  reason: string;
}

/** The result of a check, in the shape of Pulumi's `CheckResult`. */
export interface DynHostCheck {
  inputs: Record<string, unknown>;
  failures: DynHostFailure[];
}

/** The login suffix: letters, digits, `.`, `_` and `-`, starting with a letter or digit (docs/ovh-api.md §4: a guess). */
export const LOGIN_SUFFIX_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** The longest login suffix taken (docs/ovh-api.md §4: this project's bound, OVH publishes none). */
export const MAX_LOGIN_SUFFIX = 31;
/** The shortest and longest password taken (docs/ovh-api.md §4: this project's bounds, OVH publishes none). */
export const PASSWORD_LENGTH = { min: 8, max: 64 } as const;

const RECORD_FLAGS = {
  adopt: "true takes over the DynHost record of that name instead of creating one",
  waitUntilPublished: "true makes each change return only once a zone refresh covering it succeeded",
} as const;

/** Checks the inputs of a DynHostRecord. */
export function checkDynHostRecord(news: Record<string, unknown>): DynHostCheck {
  const { inputs, failures, fail } = start(news, ["zoneName", "subDomain", "ip", ...Object.keys(RECORD_FLAGS), "dynHostId", "fqdn", "ttl"],
    "a DynHostRecord takes zoneName, subDomain, ip, adopt and waitUntilPublished");
  const zoneName = checkZone(news, inputs, fail);
  const subDomain = textInput(news, "subDomain", fail, "");
  if (subDomain !== undefined) {
    const normal = subDomain.trim().toLowerCase();
    if (normal.includes("*")) fail("subDomain", `subDomain "${normal}" is a wildcard: a DynHost record is one host name's address; name the host, e.g. "home"`);
    else checkSubDomain(normal, zoneName).forEach((reason) => fail("subDomain", reason));
    inputs.subDomain = normal;
  } else inputs.subDomain = news.subDomain ?? "";
  inputs.ip = checkIp(news.ip, fail);
  for (const [flag, meaning] of Object.entries(RECORD_FLAGS)) flagInput(news, inputs, flag, meaning, fail);
  return { inputs, failures };
}

/** Checks the inputs of a DynHostLogin. */
export function checkDynHostLogin(news: Record<string, unknown>): DynHostCheck {
  const { inputs, failures, fail } = start(news, ["zoneName", "loginSuffix", "subDomain", "password", "login"],
    "a DynHostLogin takes zoneName, loginSuffix, subDomain and password");
  const zoneName = checkZone(news, inputs, fail);
  inputs.loginSuffix = checkLoginSuffix(news.loginSuffix, zoneName, fail);
  const subDomain = textInput(news, "subDomain", fail, "");
  if (subDomain === undefined) inputs.subDomain = news.subDomain;
  else {
    const normal = subDomain.trim().toLowerCase();
    if (normal === "") fail("subDomain", "subDomain is required: the name the login may update, e.g. \"home\", or \"*\" for every name of the zone (the apex included)");
    else if (normal !== "*") checkSubDomain(normal, zoneName).forEach((reason) => fail("subDomain", reason));
    inputs.subDomain = normal;
  }
  inputs.password = checkPassword(news.password, fail);
  return { inputs, failures };
}

function start(news: Record<string, unknown>, known: string[], takes: string) {
  const inputs: Record<string, unknown> = {};
  const failures: DynHostFailure[] = [];
  const fail: Fail = (property, reason) => failures.push({ property, reason });
  for (const key of Object.keys(news)) {
    if (key !== "__provider" && !known.includes(key) && news[key] !== undefined) fail(key, `unknown property "${key}": ${takes}`);
  }
  return { inputs, failures, fail };
}

/** zoneName, normalised; the zone when known, for the name checks. */
function checkZone(news: Record<string, unknown>, inputs: Record<string, unknown>, fail: Fail): string | undefined {
  const zoneName = textInput(news, "zoneName", fail, "");
  if (zoneName === undefined) {
    inputs.zoneName = news.zoneName ?? null;
    return undefined;
  }
  if (zoneName.trim() === "") {
    fail("zoneName", "zoneName is required: the DNS zone, e.g. \"example.com\"");
    inputs.zoneName = zoneName;
    return undefined;
  }
  const normal = normaliseZoneName(zoneName);
  const reasons = checkZoneName(normal);
  reasons.forEach((reason) => fail("zoneName", reason));
  inputs.zoneName = reasons.length === 0 ? normal : zoneName;
  return reasons.length === 0 ? normal : undefined;
}

/** The address: one IPv4 address (OVH's DynHost takes no IPv6, docs/ovh-api.md §4). */
function checkIp(value: unknown, fail: Fail): unknown {
  if (isUnknownValue(value)) return value;
  if (value === undefined || value === null || value === "") {
    fail("ip", "ip is required: the IPv4 address the name points to now, e.g. \"203.0.113.7\" (a DynHost client changes it later)");
    return null;
  }
  if (typeof value !== "string") {
    fail("ip", `ip must be a string, not ${JSON.stringify(value)}`);
    return value;
  }
  const ip = value.trim();
  if (isPlainIPv6(ip)) {
    fail("ip", `ip "${ip}" is an IPv6 address: OVH's DynHost holds one IPv4 address; for IPv6 declare a ZoneRecord of type AAAA`);
  } else if (!isPlainIPv4(ip)) {
    fail("ip", `ip "${ip}" is not an IPv4 address (four numbers 0-255 without leading zeros, e.g. "203.0.113.7")`);
  }
  return ip;
}

function checkLoginSuffix(value: unknown, zoneName: string | undefined, fail: Fail): unknown {
  if (isUnknownValue(value)) return value;
  if (value === undefined || value === null || value === "") {
    fail("loginSuffix", "loginSuffix is required: the part of the login after the zone, e.g. \"home\" (OVH names the login \"<zoneName>-home\")");
    return null;
  }
  if (typeof value !== "string") {
    fail("loginSuffix", `loginSuffix must be a string, not ${JSON.stringify(value)}`);
    return value;
  }
  const suffix = value.trim();
  const prefix = zoneName === undefined ? undefined : `${zoneName}-`;
  if (prefix !== undefined && suffix.toLowerCase().startsWith(prefix) && suffix.length > prefix.length) {
    fail("loginSuffix", `loginSuffix "${suffix}" repeats the zone: OVH prefixes it with "${prefix}" itself; write "${suffix.slice(prefix.length)}"`);
  } else if (!LOGIN_SUFFIX_PATTERN.test(suffix)) {
    const bad = [...suffix].find((c) => !/[A-Za-z0-9._-]/.test(c));
    const what = bad === undefined ? "starts with a dot, a dash or an underscore" : `holds ${JSON.stringify(bad)}`;
    fail("loginSuffix", `loginSuffix "${suffix}" ${what}: use letters, digits, ".", "_" and "-", starting with a letter or digit`);
  } else if (suffix.length > MAX_LOGIN_SUFFIX) {
    fail("loginSuffix", `loginSuffix is ${suffix.length} characters long: keep it to ${MAX_LOGIN_SUFFIX} (the login is "<zoneName>-<loginSuffix>")`);
  }
  return suffix;
}

/** The password: its value never appears in a reason. */
function checkPassword(value: unknown, fail: Fail): unknown {
  if (isUnknownValue(value)) return value;
  if (value === undefined || value === null || value === "") {
    fail("password", "password is required: the DynHost client's password; pass it as a secret, e.g. config.requireSecret(\"dynhostPassword\")");
    return null;
  }
  if (typeof value !== "string") {
    fail("password", `password must be a string, not a ${typeof value}`);
    return null;
  }
  const bad = findCharacter(value, isControlCharacter);
  if (bad) fail("password", `password holds ${bad.name} at position ${bad.position}: a DynHost client cannot send it; choose another password`);
  else if (value.length < PASSWORD_LENGTH.min || value.length > PASSWORD_LENGTH.max) {
    fail("password", `password is ${value.length} characters long: use ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max}`);
  }
  return value;
}
