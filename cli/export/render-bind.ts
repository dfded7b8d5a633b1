/**
 * The zone as a BIND zone file (RFC 1035 master file): `$ORIGIN`, then one line per record, names relative
 * to the origin, TTL omitted for the zone default. OVH's text pseudo-types SPF, DKIM and DMARC are TXT
 * records on the wire, so they are written as TXT with a comment naming OVH's type.
 */
import { TEXT_FIELD_TYPES, encodeTxt } from "../../provider/records";
import type { ExportedZone } from "./exported-zone";

/** The zone file text. */
export function renderBind(zone: ExportedZone): string {
  const lines = [`; The records of ${zone.zoneName}, exported by \`pulumi-ovh-dns export\`.`, `$ORIGIN ${zone.zoneName}.`];
  if (zone.skippedNameServers.length > 0) {
    lines.push("; The apex NS records, which OVH manages itself:");
    for (const ns of zone.skippedNameServers) lines.push(`; @\tIN NS\t${ns}`);
  }
  for (const r of zone.records) {
    const name = r.subDomain === "" ? "@" : r.subDomain;
    const ttl = r.ttl > 0 ? `${r.ttl}\t` : "";
    const text = TEXT_FIELD_TYPES.includes(r.fieldType);
    // Text data in its quoted, 255-byte-split form, whatever form OVH returned it in.
    const data = text ? encodeTxt(r.target) : r.wireTarget;
    const note = text && r.fieldType !== "TXT" ? `\t; OVH type ${r.fieldType}` : "";
    lines.push(`${name}\t${ttl}IN ${text ? "TXT" : r.fieldType}\t${data}${note}`);
  }
  return `${lines.join("\n")}\n`;
}
