/**
 * The zone as a `records.yaml` for the GitOps example (examples/gitops/records.yaml): `zoneName`, then a
 * `records:` map keyed by resource name. Strings are written as JSON strings, which are valid YAML and need
 * no further quoting rules.
 */
import type { ExportedZone } from "./exported-zone";
import type { Adoption } from "./render-ts";

/** The file text. */
export function renderYaml(zone: ExportedZone, adoption: Adoption): string {
  const lines = [`# The records of ${zone.zoneName}, exported by \`pulumi-ovh-dns export\`.`];
  if (zone.skippedNameServers.length > 0) {
    lines.push(`# Not declared: the apex NS records (${zone.skippedNameServers.join(", ")}), which OVH manages itself.`);
  }
  lines.push(`zoneName: ${JSON.stringify(zone.zoneName)}`, "records:");
  for (const r of zone.records) {
    const entry = [
      `  ${JSON.stringify(r.name)}:`,
      `    subDomain: ${JSON.stringify(r.subDomain)}`,
      `    fieldType: ${r.fieldType}`,
      `    target: ${JSON.stringify(r.target)}`,
      `    ttl: ${r.ttl}`,
      ...(adoption === "adopt" ? ["    adopt: true"] : []),
    ];
    if (r.problems.length === 0) lines.push(...entry);
    else lines.push(`  # Left out: the provider would refuse this record (${r.problems.join("; ")}):`, ...entry.map((l) => `  #${l}`));
  }
  return `${lines.join("\n")}\n`;
}
