/**
 * `zoneFile`: the BIND text of what a Zone declares, sorted by name and type, for review in pull requests.
 * It reads back with `Zone.fromBind` into the same records (tests/zone/bind-round-trip.test.ts).
 */
import { encodeTxt, TEXT_FIELD_TYPES, type FieldType } from "../../provider/records";
import { textValue, type DeclaredRecord } from "./records";

/** The zone default TTL written as `$TTL` (OVH's; a record with ttl 0 has no TTL column). */
const ZONE_DEFAULT_TTL = 3600;

/** Renders `records` of `zoneName` as a zone file with `$ORIGIN` and `$TTL`. */
export function writeBindZone(zoneName: string, records: readonly DeclaredRecord[]): string {
  const sorted = [...records].sort((a, b) => a.subDomain.localeCompare(b.subDomain) || a.fieldType.localeCompare(b.fieldType) || a.canonical.localeCompare(b.canonical));
  const lines = [`$ORIGIN ${zoneName}.`, `$TTL ${ZONE_DEFAULT_TTL}`];
  for (const r of sorted) {
    const ttl = r.ttl > 0 ? `${r.ttl} ` : "";
    lines.push(`${r.subDomain || "@"}\t${ttl}IN ${r.fieldType}\t${data(r)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Text types (TXT, SPF, DKIM, DMARC) as quoted 255-byte strings, escaped; other types as declared. */
function data(r: DeclaredRecord): string {
  if (!TEXT_FIELD_TYPES.includes(r.fieldType as FieldType)) return r.target;
  return encodeTxt(textValue(r));
}
