/**
 * BIND text of a zone as `GET /domain/zone/{z}/export` returns it (docs/ovh-api.md §5 export head):
 * `$TTL 3600`, then the SOA, then the NS lines, then the records as of the last refresh. The `$TTL` and the SOA
 * carry the zone's SOA settings (soa.ts), 3600 and `(serial 86400 3600 3600000 60)` by default.
 */
import { DYNHOST_TTL } from "./dynhost";
import { soaMailbox } from "./soa";
import type { StoredZone } from "./store";

/** OVH name servers used for every emulated zone. */
export const NAME_SERVERS = ["dns112.ovh.net", "ns112.ovh.net"];

/** Renders the deployed records of a zone as BIND text. */
export function exportZone(zone: StoredZone): string {
  const lines = [
    `$TTL ${zone.soa.ttl}`,
    `@\tIN SOA ${zone.soa.server}. ${soaMailbox(zone.soa.email)} (${zone.serial} ${zone.soa.refresh} 3600 ${zone.soa.expire} ${zone.soa.nxDomainTtl})`,
    ...NAME_SERVERS.map((ns) => `\tIN NS\t${ns}.`),
  ];
  for (const record of zone.deployed) {
    // A TTL of 0 means the zone default: BIND omits the TTL column then.
    const ttl = record.ttl > 0 ? `${record.ttl} ` : "";
    lines.push(`${record.subDomain}\t${ttl}IN ${record.fieldType}\t${record.target}`);
  }
  // DynHost records are served as A records with OVH's DynHost TTL (dynhost.ts).
  for (const record of zone.deployedDynHost) lines.push(`${record.subDomain}\t${DYNHOST_TTL} IN A\t${record.ip}`);
  return `${lines.join("\n")}\n`;
}
