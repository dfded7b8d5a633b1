/** `/domain/zone/{zoneName}/soa` (docs/ovh-api.md §4): the zone's SOA settings. */
import { parseJsonBody } from "../body";
import { empty, json } from "../reply";
import type { HandlerContext, Route } from "../state";
import { applySoaUpdate } from "../zones/soa";

/** SOA routes. */
export const soaRoutes: Route[] = [
  { method: "GET", pattern: "/domain/zone/{zoneName}/soa", auth: "signed", rules: true, iamAction: "dnsZone:apiovh:soa/get", handle: getSoa },
  { method: "PUT", pattern: "/domain/zone/{zoneName}/soa", auth: "signed", rules: true, iamAction: "dnsZone:apiovh:soa/edit", handle: putSoa },
];

/** The wire shape (`domain.zone.Soa`), keys in alphabetical order as the API sends them. */
function getSoa(ctx: HandlerContext): ReturnType<Route["handle"]> {
  const zone = ctx.state.zones.zone(ctx.params.zoneName);
  const { email, expire, nxDomainTtl, refresh, server, ttl } = zone.soa;
  return json({ email, expire, nxDomainTtl, refresh, serial: zone.serial, server, ttl });
}

/** Answered as a record's PUT is: 200 `null`, or 204 by option (docs/ovh-api.md §4, §8). */
function putSoa(ctx: HandlerContext): ReturnType<Route["handle"]> {
  const zone = ctx.state.zones.zone(ctx.params.zoneName); // 404 for an unknown zone before judging the body
  ctx.state.zones.updateSoa(zone.name, applySoaUpdate(zone.soa, zone.serial, parseJsonBody(ctx.body)), ctx.now);
  return ctx.state.options.putRecordStatus === 204 ? empty(204, true) : json(null, 200, true);
}
