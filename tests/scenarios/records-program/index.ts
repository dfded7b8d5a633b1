// The scenario tests' program: one ZoneRecord per entry of the records file (examples/gitops before it became a Zone).
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import * as ovhdns from "pulumi-ovh-dns";

interface RecordEntry {
  subDomain?: string;
  fieldType: string;
  target: string;
  ttl?: number;
  /** The OVH id of an existing record to adopt (Pulumi's `import` option): no duplicate is made. */
  importId?: string;
}

interface RecordsFile {
  zoneName: string;
  records: Record<string, RecordEntry>;
}

const config = new pulumi.Config();
const file = path.resolve(__dirname, config.get("recordsFile") ?? "records.yaml");
const declared = parse(fs.readFileSync(file, "utf8")) as RecordsFile;
if (!declared || typeof declared.zoneName !== "string" || typeof declared.records !== "object") {
  throw new Error(`${file}: expected "zoneName: <zone>" and a "records:" map`);
}

const fqdns: Record<string, pulumi.Output<string>> = {};
for (const [key, entry] of Object.entries(declared.records)) {
  const { importId, ...args } = entry;
  const record = new ovhdns.ZoneRecord(key, { zoneName: declared.zoneName, ...args }, importId ? { import: importId } : {});
  fqdns[key] = record.fqdn;
}

export const names = fqdns;
