/**
 * The zone as a Pulumi TypeScript program: one `new ovhdns.ZoneRecord(name, {...})` per record, each with
 * the adoption setting, so the first `pulumi up` takes the existing records over instead of creating copies.
 * Every value is written through {@link quotedString} or {@link commentText}: record data stays data.
 */
import { commentText, quotedString } from "../../sdk/zone/text-escape";
import { dynHostDeclarations } from "./dynhost";
import { frameFieldsOf, type ExportedRecord, type ExportedRedirection, type ExportedZone } from "./exported-zone";

/**
 * How a record is taken over: `adopt` (the `adopt: true` input: create adopts an identical record in place), or
 * `none` (plain declarations). Not Pulumi's `import` option: the real engine cannot run a dynamic provider's
 * import (see the `adopt` input in sdk/zone-record.ts).
 */
export type Adoption = "adopt" | "none";

/** The program text. */
export function renderTypeScript(zone: ExportedZone, adoption: Adoption): string {
  const lines = [
    `// The records of ${commentText(zone.zoneName)}, exported by \`pulumi-ovh-dns export\`.`,
    adoptionComment(adoption),
    `import * as ovhdns from "pulumi-ovh-dns";`,
    "",
    `const zoneName = ${quotedString(zone.zoneName)};`,
    "",
  ];
  if (zone.skippedNameServers.length > 0) {
    lines.push(`// Not declared: the apex NS records (${commentText(zone.skippedNameServers.join(", "))}), which OVH manages itself.`, "");
  }
  for (const record of zone.records) lines.push(...declaration(record, adoption));
  if (zone.redirectionRecords > 0) {
    lines.push("", `// Not declared: the ${zone.redirectionRecords} A and TXT record(s) OVH keeps for the web redirections below, which are theirs.`);
  }
  for (const redirection of zone.redirections) lines.push(...redirectionDeclaration(redirection, adoption));
  lines.push(...dynHostDeclarations(zone.dynHostRecords, adoption === "adopt"));
  return `${lines.join("\n")}\n`;
}

/** `new ovhdns.ZoneRedirection(...)`, the frame fields only where set; commented out when the check refuses it. */
function redirectionDeclaration(r: ExportedRedirection, adoption: Adoption): string[] {
  const args = [
    "zoneName",
    `subDomain: ${quotedString(r.subDomain)}`,
    `type: ${quotedString(r.type)}`,
    `target: ${quotedString(r.target)}`,
    ...frameFieldsOf(r).map(([f, value]) => `${f}: ${quotedString(value)}`),
    ...(adoption === "adopt" ? ["adopt: true"] : []),
  ];
  const line = `new ovhdns.ZoneRedirection(${quotedString(r.name)}, { ${args.join(", ")} });`;
  if (r.problems.length === 0) return [line];
  return [`// Left out: the provider would refuse this redirection (${commentText(r.problems.join("; "))}):`, `// ${line}`];
}

function adoptionComment(adoption: Adoption): string {
  if (adoption === "adopt") return "// `adopt: true`: the first `pulumi up` takes each existing record over (no POST); it has no effect afterwards.";
  return "// No adoption setting: `pulumi up` would create a second copy of every record.";
}

function declaration(record: ExportedRecord, adoption: Adoption): string[] {
  const args = [
    "zoneName",
    `subDomain: ${quotedString(record.subDomain)}`,
    `fieldType: ${quotedString(record.fieldType)}`,
    `target: ${quotedString(record.target)}`,
    `ttl: ${record.ttl}`,
    ...(adoption === "adopt" ? ["adopt: true"] : []),
  ];
  // Made of quoted strings only, so it holds no line terminator and no `*/`: commenting it out is safe.
  const line = `new ovhdns.ZoneRecord(${quotedString(record.name)}, { ${args.join(", ")} });`;
  if (record.problems.length === 0) return [line];
  return [`// Left out: the provider would refuse this record (${commentText(record.problems.join("; "))}):`, `// ${line}`];
}
