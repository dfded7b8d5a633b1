/**
 * `GET /` at the origin: a read-only, plain-text view of every zone for a person testing a stack on the
 * emulator (a browser or `curl`). Each record is marked against what the zone serves (the records as of its last
 * refresh): new, changed or deleted since, and not served until a refresh. The API itself is under `/1.0`.
 */
import { text, type Reply } from "../reply";
import type { EmulatorState } from "../state";
import type { StoredRecord, StoredZone } from "../zones/store";

/** `GET /`: the zones, as text. */
export function showZonesPage(state: EmulatorState): Reply {
  const zones = [...state.zones.zones.values()].sort((a, b) => a.name.localeCompare(b.name));
  const lines = [
    `OVH API emulator: ${zones.length === 1 ? "1 zone" : `${zones.length} zones`} (a read-only view; the API is under /1.0)`,
  ];
  for (const zone of zones) lines.push("", ...zoneLines(zone));
  return text(`${lines.join("\n")}\n`);
}

/** One zone: a heading line, then one line a record (those deleted since the last refresh included). */
function zoneLines(zone: StoredZone): string[] {
  const served = new Map(zone.deployed.map((r) => [r.id, r]));
  const rows: { record: StoredRecord; mark: string }[] = [];
  for (const record of zone.records.values()) {
    const before = served.get(record.id);
    const mark = before === undefined ? "new, not served yet" : same(before, record) ? "" : "changed, not served yet";
    rows.push({ record, mark });
  }
  for (const record of zone.deployed) if (!zone.records.has(record.id)) rows.push({ record, mark: "deleted, still served" });
  rows.sort((a, b) => a.record.subDomain.localeCompare(b.record.subDomain) || a.record.fieldType.localeCompare(b.record.fieldType) || a.record.id - b.record.id);
  const waiting = rows.filter((r) => r.mark !== "").length;
  const heading = `${zone.name}: ${zone.records.size} ${zone.records.size === 1 ? "record" : "records"}, serial ${zone.serial}, ` +
    (waiting === 0 ? "all served" : `${waiting} ${waiting === 1 ? "change" : "changes"} waiting for a refresh (POST /domain/zone/${zone.name}/refresh)`);
  const table = [["id", "name", "type", "ttl", "target", ""], ...rows.map(({ record: r, mark }) => [String(r.id), r.subDomain || "@", r.fieldType, String(r.ttl), r.target, mark])];
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  return [heading, ...table.map((row) => `  ${row.map((cell, column) => cell.padEnd(column < 4 ? widths[column] : 0)).join("  ").trimEnd()}`)];
}

function same(a: StoredRecord, b: StoredRecord): boolean {
  return a.subDomain === b.subDomain && a.fieldType === b.fieldType && a.target === b.target && a.ttl === b.ttl;
}
