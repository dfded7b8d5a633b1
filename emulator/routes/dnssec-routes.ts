/** `/domain/zone/{zoneName}/dnssec` (docs/ovh-api.md §4 "DNSSEC"): a zone's DNSSEC status, enable and disable. */
import { refuseBody } from "../body";
import { json } from "../reply";
import type { HandlerContext, Route } from "../state";
import { disableDnssec, dnssecStatus, enableDnssec } from "../zones/dnssec";

/** DNSSEC routes; the IAM actions are the schema's. */
export const dnssecRoutes: Route[] = [
  { method: "GET", pattern: "/domain/zone/{zoneName}/dnssec", auth: "signed", rules: true, iamAction: "dnsZone:apiovh:dnssec/get", handle: getDnssec },
  { method: "POST", pattern: "/domain/zone/{zoneName}/dnssec", auth: "signed", rules: true, iamAction: "dnsZone:apiovh:dnssec/create", handle: postDnssec },
  { method: "DELETE", pattern: "/domain/zone/{zoneName}/dnssec", auth: "signed", rules: true, iamAction: "dnsZone:apiovh:dnssec/delete", handle: deleteDnssec },
];

function getDnssec(ctx: HandlerContext): ReturnType<Route["handle"]> {
  const zone = ctx.state.zones.zone(ctx.params.zoneName);
  return json({ status: dnssecStatus(zone.dnssec, ctx.now, ctx.state.options.dnssecDelayMs) });
}

/** The schema's answer is `void`: 200 `null`, as a record PUT's. */
function postDnssec(ctx: HandlerContext): ReturnType<Route["handle"]> {
  const zone = ctx.state.zones.zone(ctx.params.zoneName); // 404 for an unknown zone before judging the body
  refuseBody(ctx.body);
  zone.dnssec = enableDnssec(zone.dnssec, zone.dnssecSupported, ctx.now, ctx.state.options.dnssecDelayMs);
  return json(null, 200, true);
}

function deleteDnssec(ctx: HandlerContext): ReturnType<Route["handle"]> {
  const zone = ctx.state.zones.zone(ctx.params.zoneName);
  zone.dnssec = disableDnssec(zone.dnssec, ctx.now, ctx.state.options.dnssecDelayMs);
  return json(null, 200, true);
}
