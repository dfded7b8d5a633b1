/**
 * The zone as a records file that `Zone.fromYaml` reads (the shape of examples/gitops/records.yaml):
 * `zoneName`, `adopt` (the Zone-level setting), then a `records:` map keyed by the Zone's child keys. Strings
 * are double-quoted with every line terminator escaped ({@link quotedString}); comments go through
 * {@link commentText}. A record a Zone would refuse (the provider's check, or an exact copy) is commented out.
 */
import { commentText, quotedString } from "../../sdk/zone/text-escape";
import { dynHostComments } from "./dynhost";
import { frameFieldsOf, type ExportedRecord, type ExportedZone } from "./exported-zone";
import type { Adoption } from "./render-ts";

/** The file text. */
export function renderYaml(zone: ExportedZone, adoption: Adoption): string {
  const lines = [`# The records of ${commentText(zone.zoneName)}, exported by \`pulumi-ovh-dns export\`.`];
  if (zone.skippedNameServers.length > 0) {
    lines.push(`# Not declared: the apex NS records (${commentText(zone.skippedNameServers.join(", "))}), which OVH manages itself.`);
  }
  lines.push(...zoneProblemsNote(zone).map((l) => `# ${commentText(l)}`), `zoneName: ${quotedString(zone.zoneName)}`);
  if (adoption === "adopt") lines.push("# The first `pulumi up` takes each existing record over (no POST); it has no effect afterwards.", "adopt: true");
  lines.push("records:");
  for (const r of zone.records) {
    const entry = [
      `  ${quotedString(r.name)}:`,
      `    subDomain: ${quotedString(r.subDomain)}`,
      `    fieldType: ${quotedString(r.fieldType)}`,
      `    target: ${quotedString(r.target)}`,
      `    ttl: ${r.ttl}`,
    ];
    const why = leftOutBecause(r);
    if (why === undefined) lines.push(...entry);
    else lines.push(`  # Left out: ${commentText(why)}:`, ...entry.map((l) => `  #${l}`));
  }
  return `${[...lines, ...redirectionSection(zone), ...dynHostComments(zone.dynHostRecords).map((l) => `# ${l}`)].join("\n")}\n`;
}

/** The `redirections:` map `Zone.fromYaml` reads (a redirection the provider would refuse is commented out). */
function redirectionSection(zone: ExportedZone): string[] {
  if (zone.redirections.length === 0) return [];
  const lines = [`# Web redirections; the ${zone.redirectionRecords} A/TXT record(s) OVH keeps for them are theirs, not declared above.`, "redirections:"];
  for (const r of zone.redirections) {
    const entry = [
      `  ${quotedString(r.name)}:`,
      `    subDomain: ${quotedString(r.subDomain)}`,
      `    type: ${quotedString(r.type)}`,
      `    target: ${quotedString(r.target)}`,
      ...frameFieldsOf(r).map(([f, value]) => `    ${f}: ${quotedString(value)}`),
    ];
    if (r.problems.length === 0) lines.push(...entry);
    else lines.push(`  # Left out: the provider would refuse this redirection (${commentText(r.problems.join("; "))}):`, ...entry.map((l) => `  #${l}`));
  }
  return lines;
}

/**
 * The web redirections, as comment lines of a BIND file, which has no way to declare one. Each line is a
 * ZoneRedirection's arguments (`export --format ts` and `--format yaml` declare them).
 */
export function redirectionComments(zone: ExportedZone): string[] {
  if (zone.redirections.length === 0) return [];
  return [
    `Web redirections (declare each as a ZoneRedirection; the ${zone.redirectionRecords} A/TXT record(s) OVH keeps for them are theirs, not declared above):`,
    ...zone.redirections.map((r) => commentText(`  ${r.name}: ${JSON.stringify({ subDomain: r.subDomain, type: r.type, target: r.target,
      ...Object.fromEntries(frameFieldsOf(r)) })}`)),
  ];
}

/** The whole-zone problems a Zone would refuse the file for, as comment lines (none when there are none). */
export function zoneProblemsNote(zone: ExportedZone): string[] {
  if (zone.zoneProblems.length === 0) return [];
  return ["A Zone refuses these records as they stand: fix them in the zone (or here) before using this file:", ...zone.zoneProblems.map((p) => `  - ${p}`)];
}

/** Why a Zone cannot declare this record, or `undefined` when it can. */
export function leftOutBecause(r: ExportedRecord): string | undefined {
  if (r.problems.length > 0) return `the provider would refuse this record (${r.problems.join("; ")})`;
  if (r.copyOf !== undefined) return `an exact copy of ${r.copyOf}, which a Zone declares once (delete the copy in the zone, or keep it out of the Zone)`;
  return undefined;
}
