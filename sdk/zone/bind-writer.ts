/**
 * `zoneFile`: the BIND text of what a Zone declares, sorted by name and type, for review in pull requests.
 * It reads back with `Zone.fromBind` into the same records (tests/zone/bind-round-trip.test.ts), and so does
 * what `pulumi-ovh-dns export --format bind` writes with it: OVH's own types are kept (`IN DKIM`, as OVH's
 * export writes them), `$TTL` is stated first (without it, a record with no TTL column would take the last
 * TTL stated before it, RFC 1035 §5.1), and line terminators and controls in data are `\DDD` escapes.
 */
import { encodeTxt, TEXT_FIELD_TYPES, type FieldType } from "../../provider/records";
import { textValue } from "./records";
import { bindEscape, commentText } from "./text-escape";

/** The zone default TTL written as `$TTL` (OVH's; a record with ttl 0 has no TTL column). */
const ZONE_DEFAULT_TTL = 3600;

/** What a line is written from (a declared record, or an exported one). */
export interface BindRecord {
  subDomain: string;
  fieldType: string;
  /** As declared: TXT decoded (or quoted, as OVH stores it). */
  target: string;
  ttl: number;
}

/** Text before the records, and records written commented out with the reason. */
export interface BindNotes {
  /** Comment lines after `$ORIGIN`, any text: each is escaped into one line. */
  comments?: readonly string[];
  /** Records left out, each as a comment saying why, then its line commented out. */
  leftOut?: readonly { record: BindRecord; reason: string }[];
}

/** Renders `records` of `zoneName` as a zone file with `$ORIGIN` and `$TTL`, records sorted by name, type and target. */
export function writeBindZone(zoneName: string, records: readonly (BindRecord & { canonical: string })[], notes: BindNotes = {}): string {
  const sorted = [...records].sort((a, b) => a.subDomain.localeCompare(b.subDomain) || a.fieldType.localeCompare(b.fieldType) || a.canonical.localeCompare(b.canonical));
  const lines = [`$ORIGIN ${zoneName}.`, `$TTL ${ZONE_DEFAULT_TTL}`, ...(notes.comments ?? []).map((c) => `; ${commentText(c)}`)];
  for (const { record, reason } of notes.leftOut ?? []) lines.push(`; Left out: ${commentText(reason)}:`, `; ${bindLine(record)}`);
  for (const r of sorted) lines.push(bindLine(r));
  return `${lines.join("\n")}\n`;
}

/** `www\t300 IN A\t203.0.113.10`: TTL column only when not the zone default. */
function bindLine(r: BindRecord): string {
  const ttl = r.ttl > 0 ? `${r.ttl} ` : "";
  return `${bindEscape(r.subDomain || "@")}\t${ttl}IN ${bindEscape(r.fieldType)}\t${data(r)}`;
}

/** Text types (TXT, SPF, DKIM, DMARC) as quoted 255-byte strings, escaped; other types as declared, escaped. */
function data(r: BindRecord): string {
  if (!TEXT_FIELD_TYPES.includes(r.fieldType as FieldType)) return bindEscape(r.target);
  return bindEscape(encodeTxt(textValue(r)));
}
