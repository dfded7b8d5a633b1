/**
 * The zone as a BIND zone file (RFC 1035 master file) that `Zone.fromBind` reads back into the same records:
 * the Zone's own writer (sdk/zone/bind-writer.ts), with the apex NS records and the records a Zone would
 * refuse written as comments.
 */
import { writeBindZone } from "../../sdk/zone/bind-writer";
import type { ExportedZone } from "./exported-zone";
import { dynHostComments } from "./dynhost";
import { leftOutBecause, redirectionComments, zoneProblemsNote } from "./render-yaml";

/** The zone file text. */
export function renderBind(zone: ExportedZone): string {
  const comments = [`The records of ${zone.zoneName}, exported by \`pulumi-ovh-dns export\`.`];
  if (zone.skippedNameServers.length > 0) {
    comments.push("The apex NS records, which OVH manages itself:", ...zone.skippedNameServers.map((ns) => `@\tIN NS\t${ns}`));
  }
  comments.push(...zoneProblemsNote(zone), ...redirectionComments(zone), ...dynHostComments(zone.dynHostRecords));
  const declared = zone.records.flatMap((r) => (leftOutBecause(r) === undefined && r.declared ? [r.declared] : []));
  const leftOut = zone.records.flatMap((r) => {
    const reason = leftOutBecause(r);
    return reason === undefined ? [] : [{ record: r, reason }];
  });
  return writeBindZone(zone.zoneName, declared, { comments, leftOut });
}
