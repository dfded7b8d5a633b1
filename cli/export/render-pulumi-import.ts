/**
 * The zone as a bulk import file of the `ovhdns` plugin, for `pulumi import -f <file>`
 * (its JSON format: https://www.pulumi.com/docs/iac/cli/commands/pulumi_import/): one `ovhdns:index:ZoneRecord`
 * per record, named as the other formats name it, with the id `<zoneName>/<recordId>` the plugin's read takes.
 * JSON holds no comment: a record the provider's check would refuse is left out (the command says how many),
 * since the program that declares it after the import could not.
 */
import type { ExportedZone } from "./exported-zone";

/** The type token of a record in the plugin's schema. */
const ZONE_RECORD_TOKEN = "ovhdns:index:ZoneRecord";

/** One resource of the import file. */
export interface PulumiImportResource {
  type: string;
  name: string;
  id: string;
}

/** The file text. */
export function renderPulumiImport(zone: ExportedZone): string {
  const resources: PulumiImportResource[] = zone.records
    .filter((r) => r.problems.length === 0)
    .map((r) => ({ type: ZONE_RECORD_TOKEN, name: r.name, id: `${zone.zoneName}/${r.recordId}` }));
  return `${JSON.stringify({ resources }, null, 2)}\n`;
}
