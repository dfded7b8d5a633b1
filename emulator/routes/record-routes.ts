/** `/domain/zone/{zoneName}/record[/{id}]` (docs/ovh-api.md §4-§5). */
import { parseJsonBody } from "../body";
import { badRequest } from "../errors";
import { isFieldType } from "../records/field-types";
import { parseRecordCreate, parseRecordPatch } from "../records/validate";
import { empty, json } from "../reply";
import type { HandlerContext, Route } from "../state";
import type { StoredRecord } from "../zones/store";

const LIST_QUERY = ["fieldType", "subDomain"];

/** Record routes. */
export const recordRoutes: Route[] = [
  route("GET", "/domain/zone/{zoneName}/record", "dnsZone:apiovh:record/get", listRecords),
  route("POST", "/domain/zone/{zoneName}/record", "dnsZone:apiovh:record/create", createRecord),
  route("GET", "/domain/zone/{zoneName}/record/{id}", "dnsZone:apiovh:record/get", (ctx) =>
    json(toApiRecord(ctx.state.zones.zone(ctx.params.zoneName).name, ctx.state.zones.record(ctx.params.zoneName, ctx.params.id))),
  ),
  route("PUT", "/domain/zone/{zoneName}/record/{id}", "dnsZone:apiovh:record/edit", updateRecord),
  route("DELETE", "/domain/zone/{zoneName}/record/{id}", "dnsZone:apiovh:record/delete", (ctx) => {
    ctx.state.zones.remove(ctx.params.zoneName, ctx.params.id, ctx.now);
    return empty(204, true); // 204 since ~Oct 2023 (docs/ovh-api.md §4)
  }),
];

function route(method: Route["method"], pattern: string, iamAction: string, handle: Route["handle"]): Route {
  return { method, pattern, auth: "signed", rules: true, iamAction, handle };
}

/** The wire shape: keys in alphabetical order, as the real API sends them (docs/ovh-api.md §5). */
function toApiRecord(zone: string, record: StoredRecord): Record<string, unknown> {
  return {
    fieldType: record.fieldType,
    id: record.id,
    subDomain: record.subDomain,
    target: record.target,
    ttl: record.ttl,
    zone,
  };
}

function listRecords(ctx: HandlerContext): ReturnType<Route["handle"]> {
  const unknown = [...ctx.query.keys()].filter((key) => !LIST_QUERY.includes(key));
  if (unknown.length > 0) throw badRequest(`Unknown query parameter(s): ${unknown.join(", ")}`);
  // An empty value is treated as "no filter" (a guess: docs/ovh-api.md §4 leaves it open).
  const fieldType = ctx.query.get("fieldType") || undefined;
  if (fieldType !== undefined && !isFieldType(fieldType)) {
    throw badRequest(`Invalid value for query parameter fieldType: "${fieldType}"`);
  }
  let subDomain = ctx.query.get("subDomain") ?? undefined;
  // `subDomain=` selects the apex by default (exact match); an option makes it "no filter" (a guess, docs/ovh-api.md §8).
  if (subDomain === "" && ctx.state.options.emptySubDomainFilter === "any") subDomain = undefined;
  return json(ctx.state.zones.list(ctx.params.zoneName, { fieldType, subDomain }));
}

function createRecord(ctx: HandlerContext): ReturnType<Route["handle"]> {
  const zone = ctx.state.zones.zone(ctx.params.zoneName); // 404 for an unknown zone before judging the body
  const input = parseRecordCreate(parseJsonBody(ctx.body), zone.name, ctx.state.options.txtQuoting);
  return json(toApiRecord(zone.name, ctx.state.zones.create(zone.name, input, ctx.now)), 200, true);
}

/** 200 with body `null` historically, 204 by option (docs/ovh-api.md §4, §8). */
function updateRecord(ctx: HandlerContext): ReturnType<Route["handle"]> {
  const { zoneName, id } = ctx.params;
  const current = ctx.state.zones.record(zoneName, id);
  const patch = parseRecordPatch(parseJsonBody(ctx.body), { ...current, zone: zoneName }, ctx.state.options.txtQuoting);
  ctx.state.zones.update(zoneName, id, patch, ctx.now);
  return ctx.state.options.putRecordStatus === 204 ? empty(204, true) : json(null, 200, true);
}
