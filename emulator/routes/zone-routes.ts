/** `/domain`, `/domain/zone` and the zone-level routes (docs/ovh-api.md §4). */
import { refuseBody } from "../body";
import { empty, json } from "../reply";
import type { HandlerContext, Route } from "../state";
import { dnssecStatus } from "../zones/dnssec";
import { exportZone, NAME_SERVERS } from "../zones/export";

/** Zone-level routes. Listing routes carry no IAM action: IAM filters them per resource. */
export const zoneRoutes: Route[] = [
  { method: "GET", pattern: "/domain", auth: "signed", rules: true, handle: (ctx) => json([...ctx.state.zones.domains]) },
  {
    method: "GET",
    pattern: "/domain/zone",
    auth: "signed",
    rules: true,
    handle: (ctx) => json(ctx.state.zones.names()),
  },
  {
    method: "GET",
    pattern: "/domain/zone/{zoneName}",
    auth: "signed",
    rules: true,
    iamAction: "dnsZone:apiovh:get",
    handle: getZone,
  },
  {
    method: "POST",
    pattern: "/domain/zone/{zoneName}/refresh",
    auth: "signed",
    rules: true,
    iamAction: "dnsZone:apiovh:refresh",
    handle: refreshZone,
  },
  {
    method: "GET",
    pattern: "/domain/zone/{zoneName}/status",
    auth: "signed",
    rules: true,
    iamAction: "dnsZone:apiovh:status/get",
    handle: (ctx) =>
      json({ errors: null, isDeployed: ctx.state.zones.isDeployed(ctx.params.zoneName, ctx.now), warnings: null }),
  },
  {
    method: "GET",
    pattern: "/domain/zone/{zoneName}/export",
    auth: "signed",
    rules: true,
    iamAction: "dnsZone:apiovh:export/get",
    // A JSON string holding BIND text (docs/ovh-api.md §4).
    handle: (ctx) => json(exportZone(ctx.state.zones.zone(ctx.params.zoneName))),
  },
];

function getZone(ctx: HandlerContext): ReturnType<Route["handle"]> {
  const zone = ctx.state.zones.zone(ctx.params.zoneName);
  return json({
    dnssecActivated: dnssecStatus(zone.dnssec, ctx.now, ctx.state.options.dnssecDelayMs) === "enabled",
    dnssecSupported: zone.dnssecSupported,
    hasDnsAnycast: false,
    lastUpdate: new Date(zone.lastUpdate).toISOString(),
    name: zone.name,
    nameServers: NAME_SERVERS,
  });
}

/** 204 since Oct 2023 (docs/ovh-api.md §4); the route takes no body. */
function refreshZone(ctx: HandlerContext): ReturnType<Route["handle"]> {
  refuseBody(ctx.body);
  ctx.state.zones.refresh(ctx.params.zoneName, ctx.now, ctx.state.options.refreshDurationMs, ctx.refreshOverlapped === true);
  return empty(204, true);
}
