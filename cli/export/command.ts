/**
 * `pulumi-ovh-dns export <zone>`: reads every record of a zone and writes a Pulumi program, a records.yaml
 * or a BIND file declaring them, with the adoption setting so the first `pulumi up` creates nothing. Names
 * are a Zone's child keys; YAML and BIND are what Zone.fromYaml and Zone.fromBind read.
 */
import { existsSync } from "node:fs";
import { Command, Option } from "commander";
import { OvhClient, resolveCredentials } from "../../provider/ovh";
import { UsageError, zoneName } from "../cli-errors";
import { exportedZone, type ExportedZone } from "./exported-zone";
import { readZoneDynHostRecords, readZoneRecords, readZoneRedirections, type DynHostReading, type RedirectionReading } from "./read-zone";
import { renderBind } from "./render-bind";
import { renderPulumiImport } from "./render-pulumi-import";
import { type Adoption, renderTypeScript } from "./render-ts";
import { renderYaml } from "./render-yaml";
import { checkWriteTarget, writeFileSafely } from "../safe-write";

interface ExportFlags {
  format: "ts" | "yaml" | "bind" | "pulumi-import";
  output?: string;
  force?: boolean;
  adoption: Adoption;
  namePrefix: string;
  json?: boolean;
}

/** The `export` command. */
export function exportCommand(): Command {
  return new Command("export")
    .description("write every record of a zone as a Pulumi program (ts), a records.yaml (yaml), a BIND file (bind) or a bulk import file of the ovhdns plugin for `pulumi import -f` (pulumi-import)")
    .argument("<zone>", "the zone, e.g. example.com")
    .addOption(new Option("--format <format>", "what to write").choices(["ts", "yaml", "bind", "pulumi-import"]).default("ts"))
    .option("-o, --output <file>", "write to <file> instead of stdout")
    .option("--force", "overwrite --output if it exists")
    .addOption(
      new Option("--adoption <how>", "adopt: the first up takes the records over (`adopt: true` on each ZoneRecord, or on the Zone in YAML); none: plain declarations")
        .choices(["adopt", "none"])
        .default("adopt"),
    )
    .option("--name-prefix <prefix>", "prefix of every resource name (to export several zones into one stack)", "")
    .option("--json", "print the records read as JSON instead")
    .action(async (zone: string, flags: ExportFlags) => runExport(zoneName("<zone>", zone), flags));
}

async function runExport(zone: string, flags: ExportFlags): Promise<void> {
  if (flags.namePrefix && !/^[A-Za-z0-9_-]+$/.test(flags.namePrefix)) {
    throw new UsageError(`--name-prefix "${flags.namePrefix}" may hold only letters, digits, "-" and "_"`);
  }
  // A link (dangling or not) is refused before the zone is read; then `existsSync` sees the file itself.
  if (flags.output) checkWriteTarget(flags.output, "--output");
  if (flags.output && existsSync(flags.output) && !flags.force) {
    throw new UsageError(`--output ${flags.output} exists: give another path, or --force to overwrite it`);
  }
  // As the provider resolves them, without a stack config: environment, then ovh.conf.
  const client = new OvhClient({ credentials: resolveCredentials({ env: process.env }) });
  let exported: ExportedZone;
  let reading: RedirectionReading;
  let dynHost: DynHostReading;
  try {
    const records = await readZoneRecords(client, zone);
    reading = await readZoneRedirections(client, zone);
    dynHost = await readZoneDynHostRecords(client, zone);
    exported = exportedZone(zone, records, flags.namePrefix, reading.redirections, dynHost.dynHostRecords);
  } finally {
    client.close();
  }
  // `declared` is the normalised form the names come from; the JSON shows the records as read.
  const text = flags.json ? `${JSON.stringify(exported, (key, value: unknown) => (key === "declared" ? undefined : value), 2)}\n` : render(exported, flags);
  if (flags.output) {
    writeFileSafely(flags.output, text, { replace: flags.force === true, flag: "--output" });
  } else {
    process.stdout.write(text);
  }
  const left = exported.records.filter((r) => r.problems.length > 0).length;
  process.stderr.write(
    `${exported.records.length - left} record(s) of ${zone} written${flags.output ? ` to ${flags.output}` : ""}` +
      `${exported.skippedNameServers.length ? `; ${exported.skippedNameServers.length} apex NS left to OVH` : ""}` +
      `${left ? `; ${left} left out as the provider would refuse them (${flags.format === "pulumi-import" ? "--format ts says why" : "see the comments"})` : ""}` +
      `${redirectionNote(exported, flags, reading)}` +
      `${dynHostNote(exported, flags, dynHost)}` +
      `${(flags.format === "yaml" || flags.format === "bind") && exported.zoneProblems.length ? `; a Zone refuses them as they stand: ${exported.zoneProblems.length} whole-zone problem(s) (see the comments)` : ""}\n`,
  );
}

/** What became of the web redirections, for the closing line. */
function redirectionNote(zone: ExportedZone, flags: ExportFlags, reading: RedirectionReading): string {
  if (reading.unreadable !== undefined) return `; web redirections not read (${reading.unreadable}): export with a key that may GET /domain/zone/${zone.zoneName}/redirection`;
  if (zone.redirections.length === 0) return "";
  const kept = `${zone.redirections.length} web redirection(s)${flags.format !== "bind" ? " written" : " written as comments (declare each as a ZoneRedirection)"}`;
  return `; ${kept}, their ${zone.redirectionRecords} A/TXT record(s) left to them`;
}

/** What became of the DynHost records, for the closing line. */
function dynHostNote(zone: ExportedZone, flags: ExportFlags, reading: DynHostReading): string {
  if (reading.unreadable !== undefined) return `; DynHost records not read (${reading.unreadable}): export with a key that may GET /domain/zone/${zone.zoneName}/dynHost/record`;
  if (zone.dynHostRecords.length === 0) return "";
  return `; ${zone.dynHostRecords.length} DynHost record(s) written${flags.format === "ts" ? "" : " as comments (declare each as a DynHostRecord)"}`;
}

function render(zone: ExportedZone, flags: ExportFlags): string {
  if (flags.format === "yaml") return renderYaml(zone, flags.adoption);
  if (flags.format === "bind") return renderBind(zone);
  if (flags.format === "pulumi-import") return renderPulumiImport(zone);
  return renderTypeScript(zone, flags.adoption);
}
