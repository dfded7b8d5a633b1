/**
 * `/domain/zone/{zoneName}/redirection[/{id}]` (docs/ovh-api.md §4): bodies checked field by field as the
 * schema's `domain.zone.RedirectionCreate` and `RedirectionUpdate` describe them; every refusal is a 400 before
 * anything is stored.
 */
import { asObject, parseJsonBody, rejectUnknown } from "../body";
import { badRequest } from "../errors";
import { checkSubDomainName } from "../records/names";
import { findControlCharacter } from "../records/characters";
import { empty, json } from "../reply";
import type { HandlerContext, Route } from "../state";
import {
  addRedirection, changeRedirection, findRedirection, listRedirections, removeRedirection, REDIRECTION_TYPES,
  type RedirectionInput, type RedirectionType, type StoredRedirection,
} from "../zones/redirections";

const CREATE_FIELDS = ["subDomain", "type", "target", "title", "keywords", "description"];
const UPDATE_FIELDS = ["type", "target", "title", "keywords", "description"];
/** Fields of the full object that an update body may repeat unchanged, as a pre-2024 client sent them. */
const READ_ONLY_FIELDS = ["id", "zone", "subDomain"] as const;
const FRAME_FIELDS = ["title", "keywords", "description"] as const;

/** Redirection routes. */
export const redirectionRoutes: Route[] = [
  route("GET", "/domain/zone/{zoneName}/redirection", "dnsZone:apiovh:redirection/get", (ctx) => {
    const unknown = [...ctx.query.keys()].filter((key) => key !== "subDomain");
    if (unknown.length > 0) throw badRequest(`Unknown query parameter(s): ${unknown.join(", ")}`);
    return json(listRedirections(ctx.state.zones.zone(ctx.params.zoneName), ctx.query.get("subDomain") ?? undefined));
  }),
  route("POST", "/domain/zone/{zoneName}/redirection", "dnsZone:apiovh:redirection/create", (ctx) => {
    const zone = ctx.state.zones.zone(ctx.params.zoneName); // 404 for an unknown zone before judging the body
    const input = parseCreate(parseJsonBody(ctx.body), zone.name);
    return json(toApi(zone.name, addRedirection(ctx.state.zones, zone, input, ctx.now)), 200, true);
  }),
  route("GET", "/domain/zone/{zoneName}/redirection/{id}", "dnsZone:apiovh:redirection/get", (ctx) => {
    const zone = ctx.state.zones.zone(ctx.params.zoneName);
    return json(toApi(zone.name, findRedirection(zone, ctx.params.id)));
  }),
  route("PUT", "/domain/zone/{zoneName}/redirection/{id}", "dnsZone:apiovh:redirection/edit", updateRedirection),
  route("DELETE", "/domain/zone/{zoneName}/redirection/{id}", "dnsZone:apiovh:redirection/delete", (ctx) => {
    const zone = ctx.state.zones.zone(ctx.params.zoneName);
    removeRedirection(ctx.state.zones, zone, findRedirection(zone, ctx.params.id), ctx.now);
    return empty(204, true);
  }),
];

function route(method: Route["method"], pattern: string, iamAction: string, handle: Route["handle"]): Route {
  return { method, pattern, auth: "signed", rules: true, iamAction, handle };
}

/** The wire shape (`domain.zone.Redirection`), keys in alphabetical order as the API writes them. */
function toApi(zone: string, r: StoredRedirection): Record<string, unknown> {
  return { description: r.description, id: r.id, keywords: r.keywords, subDomain: r.subDomain, target: r.target, title: r.title, type: r.type, zone };
}

function updateRedirection(ctx: HandlerContext): ReturnType<Route["handle"]> {
  const zone = ctx.state.zones.zone(ctx.params.zoneName);
  const current = findRedirection(zone, ctx.params.id);
  const object = asObject(parseJsonBody(ctx.body));
  const view: Record<string, unknown> = { id: current.id, zone: zone.name, subDomain: current.subDomain };
  const readOnly = READ_ONLY_FIELDS.filter((key) => key in object && object[key] !== view[key]);
  if (readOnly.length > 0) throw badRequest(`Try to alter read-only properties: ${readOnly.join(", ")}`);
  rejectUnknown(object, [...UPDATE_FIELDS, ...READ_ONLY_FIELDS]);
  const patch: Partial<RedirectionInput> = {};
  if (object.type !== undefined) patch.type = checkType(object.type);
  if (object.target !== undefined) patch.target = checkTarget(object.target);
  for (const field of FRAME_FIELDS) if (field in object) patch[field] = checkFrame(field, object[field]);
  checkFrameUse({ ...current, ...patch });
  changeRedirection(ctx.state.zones, zone, current, patch, ctx.now);
  return empty(204, true);
}

function parseCreate(body: unknown, zoneName: string): RedirectionInput {
  const object = asObject(body);
  rejectUnknown(object, CREATE_FIELDS);
  if (object.type === undefined || object.type === null) throw badRequest("Missing parameter: type");
  if (object.target === undefined || object.target === null) throw badRequest("Missing parameter: target");
  const subDomain = object.subDomain ?? "";
  if (typeof subDomain !== "string") throw badRequest("Body parameter subDomain isn't formated correctly: expected a string");
  checkSubDomainName(subDomain, zoneName);
  const input: RedirectionInput = {
    subDomain,
    type: checkType(object.type),
    target: checkTarget(object.target),
    title: checkFrame("title", object.title),
    keywords: checkFrame("keywords", object.keywords),
    description: checkFrame("description", object.description),
  };
  checkFrameUse(input);
  return input;
}

function checkType(value: unknown): RedirectionType {
  if (typeof value !== "string" || !(REDIRECTION_TYPES as readonly string[]).includes(value)) {
    throw badRequest(`Invalid type "${String(value)}": must be one of ${REDIRECTION_TYPES.join(", ")}`);
  }
  return value as RedirectionType;
}

function checkTarget(value: unknown): string {
  if (typeof value !== "string") throw badRequest("Body parameter target isn't formated correctly: expected a string");
  if (value.trim() === "") throw badRequest("Invalid target: it must not be empty");
  if (/\s/.test(value) || findControlCharacter(value) !== undefined) throw badRequest("Invalid target: a URL holds no space nor control character");
  return value;
}

function checkFrame(field: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw badRequest(`Body parameter ${field} isn't formated correctly: expected a string`);
  if (findControlCharacter(value) !== undefined) throw badRequest(`Invalid ${field}: it holds a control character`);
  return value === "" ? null : value;
}

/** The frame fields belong to an invisible redirection (the schema: "for the invisible redirection"). */
function checkFrameUse(r: { type: RedirectionType; title: string | null; keywords: string | null; description: string | null }): void {
  const set = FRAME_FIELDS.filter((f) => r[f] !== null);
  if (r.type !== "invisible" && set.length > 0) {
    throw badRequest(`Invalid ${set.join(", ")}: only an invisible redirection has a title, keywords or a description`);
  }
}
