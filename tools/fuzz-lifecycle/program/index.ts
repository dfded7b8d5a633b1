// The lifecycle fuzzer's program: top-level ZoneRecords and zero or one Zone, as the JSON file named by the
// `programFile` config key declares them (tools/fuzz-lifecycle/program-file.ts writes it before each run).
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import * as ovhdns from "pulumi-ovh-dns";

interface DeclaredRecord {
  subDomain: string;
  fieldType: string;
  target: string;
  ttl: number;
}

interface ProgramFile {
  zoneName: string;
  records: (DeclaredRecord & { name: string; adopt?: boolean })[];
  zone?: { name: string; adopt?: boolean; unmanaged: "warn" | "delete"; records: DeclaredRecord[] };
  owner?: string;
}

const file = new pulumi.Config().require("programFile");
const declared = JSON.parse(fs.readFileSync(file, "utf8")) as ProgramFile;

for (const { name, adopt, ...record } of declared.records) {
  // `adopt` is written only when set, as a user deletes the line rather than writing `adopt: false`.
  new ovhdns.ZoneRecord(name, { zoneName: declared.zoneName, ...record, ...(adopt ? { adopt: true } : {}), ...(declared.owner ? { owner: declared.owner } : {}) });
}
if (declared.zone) {
  const { name, adopt, ...options } = declared.zone;
  new ovhdns.Zone(name, { zoneName: declared.zoneName, ...options, ...(adopt ? { adopt: true } : {}), ...(declared.owner ? { owner: declared.owner } : {}) });
}
