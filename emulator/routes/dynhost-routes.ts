/**
 * `/domain/zone/{zoneName}/dynHost/record[/{id}]` and `/dynHost/login[/{login}[/changePassword]]`
 * (docs/ovh-api.md §4, "DynHost"): bodies checked field by field as the schema's `domain.zone.dynHost.Record`,
 * `LoginCreate`, `Login` and `LoginChangePassword` describe them; every refusal is a 400 (or a 409 for a name
 * taken) before anything is stored. A login is `<zoneName>-<loginSuffix>`.
 */
import { isIPv4, isIPv6 } from "node:net";
import { asObject, parseJsonBody, rejectUnknown } from "../body";
import { ApiError, badRequest } from "../errors";
import { findControlCharacter } from "../records/characters";
import { checkSubDomainName } from "../records/names";
import { empty, json } from "../reply";
import type { HandlerContext, Route } from "../state";
import {
  checkDynHostName, DYNHOST_TTL, findDynHostLogin, findDynHostRecord, listDynHostRecords, markDynHostChanged, passwordDigest,
  type StoredDynHostRecord,
} from "../zones/dynhost";

/** Fields of the full Record object that a PUT body may repeat unchanged. */
const RECORD_READ_ONLY = ["id", "zone", "ttl"] as const;
const LOGIN_SUFFIX = /^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$/;

/** DynHost routes. */
export const dynHostRoutes: Route[] = [
  route("GET", "/domain/zone/{zoneName}/dynHost/record", "dnsZone:apiovh:dynHost/record/get", (ctx) => {
    rejectQuery(ctx, ["subDomain"]);
    return json(listDynHostRecords(ctx.state.zones.zone(ctx.params.zoneName), ctx.query.get("subDomain") ?? undefined));
  }),
  route("POST", "/domain/zone/{zoneName}/dynHost/record", "dnsZone:apiovh:dynHost/record/create", (ctx) => {
    const zone = ctx.state.zones.zone(ctx.params.zoneName); // 404 for an unknown zone before judging the body
    const object = asObject(parseJsonBody(ctx.body));
    rejectUnknown(object, ["ip", "subDomain"]);
    const subDomain = checkName(object.subDomain ?? "", zone.name);
    const ip = checkIp(object.ip);
    checkDynHostName(zone, subDomain);
    const record: StoredDynHostRecord = { id: ctx.state.zones.nextRecordId++, subDomain, ip };
    zone.dynHostRecords.set(record.id, record);
    markDynHostChanged(zone, ctx.now);
    return json(recordToApi(zone.name, record), 200, true);
  }),
  route("GET", "/domain/zone/{zoneName}/dynHost/record/{id}", "dnsZone:apiovh:dynHost/record/get", (ctx) => {
    const zone = ctx.state.zones.zone(ctx.params.zoneName);
    return json(recordToApi(zone.name, findDynHostRecord(zone, ctx.params.id)));
  }),
  route("PUT", "/domain/zone/{zoneName}/dynHost/record/{id}", "dnsZone:apiovh:dynHost/record/edit", (ctx) => {
    const zone = ctx.state.zones.zone(ctx.params.zoneName);
    const current = findDynHostRecord(zone, ctx.params.id);
    const object = asObject(parseJsonBody(ctx.body));
    const view: Record<string, unknown> = { id: current.id, zone: zone.name, ttl: DYNHOST_TTL };
    const readOnly = RECORD_READ_ONLY.filter((key) => key in object && object[key] !== view[key]);
    if (readOnly.length > 0) throw badRequest(`Try to alter read-only properties: ${readOnly.join(", ")}`);
    rejectUnknown(object, ["ip", "subDomain", ...RECORD_READ_ONLY]);
    const subDomain = object.subDomain === undefined ? current.subDomain : checkName(object.subDomain ?? "", zone.name);
    const ip = object.ip === undefined ? current.ip : checkIp(object.ip);
    if (subDomain.toLowerCase() !== current.subDomain.toLowerCase()) checkDynHostName(zone, subDomain, current.id);
    Object.assign(current, { subDomain, ip });
    markDynHostChanged(zone, ctx.now);
    return empty(204, true);
  }),
  route("DELETE", "/domain/zone/{zoneName}/dynHost/record/{id}", "dnsZone:apiovh:dynHost/record/delete", (ctx) => {
    const zone = ctx.state.zones.zone(ctx.params.zoneName);
    zone.dynHostRecords.delete(findDynHostRecord(zone, ctx.params.id).id);
    markDynHostChanged(zone, ctx.now);
    return empty(204, true);
  }),
  route("GET", "/domain/zone/{zoneName}/dynHost/login", "dnsZone:apiovh:dynHost/login/get", (ctx) => {
    rejectQuery(ctx, ["login", "subDomain"]);
    const zone = ctx.state.zones.zone(ctx.params.zoneName);
    const [login, subDomain] = [ctx.query.get("login")?.toLowerCase(), ctx.query.get("subDomain")?.toLowerCase()];
    return json([...zone.dynHostLogins.values()]
      .filter((l) => (login === undefined || l.login.toLowerCase() === login) && (subDomain === undefined || l.subDomain.toLowerCase() === subDomain))
      .map((l) => l.login));
  }),
  route("POST", "/domain/zone/{zoneName}/dynHost/login", "dnsZone:apiovh:dynHost/login/create", (ctx) => {
    const zone = ctx.state.zones.zone(ctx.params.zoneName);
    const object = asObject(parseJsonBody(ctx.body));
    rejectUnknown(object, ["loginSuffix", "password", "subDomain"]);
    for (const key of ["loginSuffix", "password", "subDomain"]) if (object[key] === undefined || object[key] === null) throw badRequest(`Missing parameter: ${key}`);
    if (typeof object.loginSuffix !== "string" || !LOGIN_SUFFIX.test(object.loginSuffix)) {
      throw badRequest("Invalid loginSuffix: 1 to 31 letters, digits, '.', '_' or '-', starting with a letter or a digit");
    }
    const subDomain = checkLoginSubDomain(object.subDomain, zone.name);
    const digest = passwordDigest(checkPassword(object.password));
    const login = `${zone.name}-${object.loginSuffix}`;
    if (zone.dynHostLogins.has(login.toLowerCase())) throw new ApiError(409, `The login ${login} already exists`);
    const stored = { login, subDomain, passwordDigest: digest };
    zone.dynHostLogins.set(login.toLowerCase(), stored);
    return json(loginToApi(zone.name, stored), 200, true);
  }),
  route("GET", "/domain/zone/{zoneName}/dynHost/login/{login}", "dnsZone:apiovh:dynHost/login/get", (ctx) => {
    const zone = ctx.state.zones.zone(ctx.params.zoneName);
    return json(loginToApi(zone.name, findDynHostLogin(zone, ctx.params.login)));
  }),
  route("PUT", "/domain/zone/{zoneName}/dynHost/login/{login}", "dnsZone:apiovh:dynHost/login/edit", (ctx) => {
    const zone = ctx.state.zones.zone(ctx.params.zoneName);
    const current = findDynHostLogin(zone, ctx.params.login);
    const object = asObject(parseJsonBody(ctx.body));
    const view: Record<string, unknown> = { login: current.login, zone: zone.name };
    const readOnly = ["login", "zone"].filter((key) => key in object && object[key] !== view[key]);
    if (readOnly.length > 0) throw badRequest(`Try to alter read-only properties: ${readOnly.join(", ")}`);
    rejectUnknown(object, ["subDomain", "login", "zone"]);
    if (object.subDomain !== undefined) current.subDomain = checkLoginSubDomain(object.subDomain, zone.name);
    return empty(204, true);
  }),
  route("POST", "/domain/zone/{zoneName}/dynHost/login/{login}/changePassword", "dnsZone:apiovh:dynHost/login/changePassword", (ctx) => {
    const zone = ctx.state.zones.zone(ctx.params.zoneName);
    const current = findDynHostLogin(zone, ctx.params.login);
    const object = asObject(parseJsonBody(ctx.body));
    rejectUnknown(object, ["password"]);
    if (object.password === undefined || object.password === null) throw badRequest("Missing parameter: password");
    current.passwordDigest = passwordDigest(checkPassword(object.password));
    return empty(204, true);
  }),
  route("DELETE", "/domain/zone/{zoneName}/dynHost/login/{login}", "dnsZone:apiovh:dynHost/login/delete", (ctx) => {
    const zone = ctx.state.zones.zone(ctx.params.zoneName);
    zone.dynHostLogins.delete(findDynHostLogin(zone, ctx.params.login).login.toLowerCase());
    return empty(204, true);
  }),
];

function route(method: Route["method"], pattern: string, iamAction: string, handle: Route["handle"]): Route {
  return { method, pattern, auth: "signed", rules: true, iamAction, handle };
}

/** `domain.zone.dynHost.Record`, keys in alphabetical order as the API writes them. */
function recordToApi(zone: string, r: StoredDynHostRecord): Record<string, unknown> {
  return { id: r.id, ip: r.ip, subDomain: r.subDomain, ttl: DYNHOST_TTL, zone };
}

/** `domain.zone.dynHost.Login`: never the password. */
function loginToApi(zone: string, l: { login: string; subDomain: string }): Record<string, unknown> {
  return { login: l.login, subDomain: l.subDomain, zone };
}

function rejectQuery(ctx: HandlerContext, allowed: string[]): void {
  const unknown = [...ctx.query.keys()].filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw badRequest(`Unknown query parameter(s): ${unknown.join(", ")}`);
}

/** A DynHost record's name: one host (no wildcard). */
function checkName(value: unknown, zoneName: string): string {
  if (typeof value !== "string") throw badRequest("Body parameter subDomain isn't formated correctly: expected a string");
  if (value.includes("*")) throw badRequest(`Invalid subDomain "${value}": a DynHost record names one host`);
  checkSubDomainName(value, zoneName);
  return value;
}

/** The schema's `ip` type; OVH's DynHost takes IPv4 only (docs/ovh-api.md §4, its guide). */
function checkIp(value: unknown): string {
  if (value === undefined || value === null) throw badRequest("Missing parameter: ip");
  if (typeof value !== "string" || !(isIPv4(value) || isIPv6(value))) throw badRequest(`Invalid ip "${String(value)}": expected an IP address`);
  if (!isIPv4(value)) throw badRequest(`Invalid ip "${value}": DynHost supports IPv4 addresses only`);
  return value;
}

/** A login's names: `*` or a sub-domain (not the empty apex: `*` covers it). */
function checkLoginSubDomain(value: unknown, zoneName: string): string {
  if (typeof value !== "string" || value === "") throw badRequest("Invalid subDomain: give a sub-domain, or * to allow every name");
  if (value !== "*") checkSubDomainName(value, zoneName);
  return value;
}

function checkPassword(value: unknown): string {
  if (typeof value !== "string") throw badRequest("Body parameter password isn't formated correctly: expected a string");
  if (value.length < 8 || value.length > 64 || findControlCharacter(value) !== undefined) {
    throw badRequest("Invalid password: 8 to 64 characters, without control characters");
  }
  return value;
}
