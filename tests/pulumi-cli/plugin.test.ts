/**
 * The `ovhdns` resource provider plugin (provider/plugin) through the real Pulumi CLI: installed by
 * `pulumi-ovh-dns plugin install`, serving its schema, taking existing records over with `pulumi import` (one
 * id, and the bulk file `export --format pulumi-import` writes) with no write and no change at the next preview,
 * and keeping the dynamic provider's guarantees, since it serves the same provider object: check's field-level
 * refusal before any write, no duplicate after an ambiguous POST, credentials from its config with the secrets
 * encrypted in the state, the owner registry.
 */
import * as fs from "node:fs";
import { PLUGIN_SCHEMA } from "../../provider/plugin/schema";
import { stackKeyOf } from "../../provider/zone-record/registry-codec";
import { changes } from "../../tools/pulumi-cli";
import { CliSandbox, emulatorEnv } from "../cli/cli-rig";
import { pluginStack, recordsRig, withCalls, writes, zoneLines } from "./support";

jest.setTimeout(900_000);

const existing = [
  { subDomain: "", fieldType: "A", target: "203.0.113.10", ttl: 3600 },
  { subDomain: "", fieldType: "TXT", target: '"v=spf1 include:mx.ovh.com -all"', ttl: 0 },
  { subDomain: "www", fieldType: "CNAME", target: "example.com.", ttl: 60 },
  { subDomain: "", fieldType: "MX", target: "10 mx.example.com.", ttl: 0 },
];

describe("the ovhdns plugin through the real Pulumi CLI", () => {
  const rig = recordsRig(existing);

  const idOf = (subDomain: string, fieldType: string) =>
    String(rig.emulator.zone("example.com").records.find((r) => r.subDomain === subDomain && r.fieldType === fieldType)!.id);

  it("plugin install puts it where the CLI finds it, and the CLI reads the package schema from it", async () => {
    rig.file.declare({});
    rig.ws = await pluginStack(rig.emulator, { config: { recordsFile: rig.file.path } });
    const listed = JSON.parse((await rig.ws.must(["plugin", "ls", "--json"])).stdout) as { name: string; kind: string; version: string }[];
    expect(listed.map((p) => `${p.kind} ${p.name} ${p.version}`)).toEqual(["resource ovhdns 0.1.0"]);
    const schema = JSON.parse((await rig.ws.must(["package", "get-schema", "ovhdns"])).stdout) as { resources: Record<string, unknown>; config: unknown };
    expect(schema.resources).toEqual(PLUGIN_SCHEMA.resources);
    expect(schema.config).toEqual(PLUGIN_SCHEMA.config);
  });

  it("pulumi import <zone>/<id>: no write, the next preview shows no change, and the record is managed from then on", async () => {
    rig.file.declare({ www: { subDomain: "www", fieldType: "CNAME", target: "example.com.", ttl: 60 } });
    rig.ws = await pluginStack(rig.emulator, { config: { recordsFile: rig.file.path } });
    const id = idOf("www", "CNAME");
    const imported = await withCalls(rig.emulator, () => rig.ws!.must(["import", "ovhdns:index:ZoneRecord", "www", `example.com/${id}`, "--yes", "--protect=false", "--generate-code=false"]));
    expect(writes(imported.calls)).toEqual([]);
    expect(imported.result.stdout).toMatch(/1 imported/);
    const preview = await withCalls(rig.emulator, () => rig.ws!.preview());
    expect(preview.result.code).toBe(0);
    expect(changes(preview.result)).toEqual([]);
    expect(writes(preview.calls)).toEqual([]);
    // Managed: a TTL change is one PUT of that record, destroy deletes it.
    rig.file.declare({ www: { subDomain: "www", fieldType: "CNAME", target: "example.com.", ttl: 3600 } });
    const up = await withCalls(rig.emulator, () => rig.ws!.up());
    expect(writes(up.calls).filter((c) => !c.endsWith("/refresh"))).toEqual([`PUT /domain/zone/example.com/record/${id}`]);
    await rig.ws.destroy();
    expect(zoneLines(rig.emulator)).toEqual(["@ A 203.0.113.10 3600", "@ MX 10 mx.example.com. 0", '@ TXT "v=spf1 include:mx.ovh.com -all" 0']);
  });

  it("export --format pulumi-import, then pulumi import -f: every record taken over with no write, no change at the next preview", async () => {
    const sandbox = new CliSandbox();
    try {
      const importFile = sandbox.file("import.json");
      const exported = await sandbox.run(["export", "example.com", "--format", "pulumi-import", "-o", importFile], emulatorEnv(rig.emulator));
      expect(exported.code).toBe(0);
      const doc = JSON.parse(fs.readFileSync(importFile, "utf8")) as { resources: { type: string; name: string; id: string }[] };
      expect(doc.resources.map((r) => `${r.type} ${r.name} ${r.id}`).sort()).toEqual([
        `ovhdns:index:ZoneRecord @-A example.com/${idOf("", "A")}`,
        `ovhdns:index:ZoneRecord @-MX example.com/${idOf("", "MX")}`,
        `ovhdns:index:ZoneRecord @-TXT example.com/${idOf("", "TXT")}`,
        `ovhdns:index:ZoneRecord www-CNAME example.com/${idOf("www", "CNAME")}`,
      ]);
      // The program declares the records as `export --json` gives them (TXT unquoted, as a program writes it).
      const json = await sandbox.run(["export", "example.com", "--json"], emulatorEnv(rig.emulator));
      const records = (JSON.parse(json.stdout) as { records: { name: string; subDomain: string; fieldType: string; target: string; ttl: number }[] }).records;
      rig.file.declare(Object.fromEntries(records.map((r) => [r.name, { subDomain: r.subDomain, fieldType: r.fieldType, target: r.target, ttl: r.ttl }])));
      rig.ws = await pluginStack(rig.emulator, { config: { recordsFile: rig.file.path } });
      const imported = await withCalls(rig.emulator, () => rig.ws!.must(["import", "-f", importFile, "--yes", "--protect=false", "--generate-code=false"]));
      expect(writes(imported.calls)).toEqual([]);
      expect(imported.result.stdout).toMatch(/4 imported/);
      const preview = await withCalls(rig.emulator, () => rig.ws!.preview());
      expect(changes(preview.result)).toEqual([]);
      expect(writes(preview.calls)).toEqual([]);
    } finally {
      sandbox.remove();
    }
  });

  it("keeps the dynamic provider's guarantees: check refuses before any write, an ambiguous POST makes no duplicate, secrets stay encrypted, ovhdns:owner claims", async () => {
    rig.file.declare({ bad: { subDomain: "api", fieldType: "A", target: "203.0.113.20", ttl: 30 } });
    rig.ws = await pluginStack(rig.emulator, { config: { recordsFile: rig.file.path } });
    const refused = await withCalls(rig.emulator, () => rig.ws!.preview());
    expect(refused.result.code).not.toBe(0);
    expect(refused.result.stdout + refused.result.stderr).toMatch(/ttl 30 is below 60/);
    expect(writes(refused.calls)).toEqual([]);
    // Every POST of a record is applied but its answer lost: the create finds the record it made.
    rig.file.declare({ api: { subDomain: "api", fieldType: "A", target: "203.0.113.20", ttl: 3600 } });
    rig.emulator.setFaults({ lostResponseRate: 1, methods: ["POST"], pathPattern: "/record$" });
    await rig.ws.up();
    rig.emulator.setFaults({});
    expect(zoneLines(rig.emulator).filter((l) => l.startsWith("api "))).toEqual(["api A 203.0.113.20 3600"]);
    const apiId = idOf("api", "A");
    // `ovhdns:owner` is the default owner of the stack's records, as for the dynamic provider: its claim is written.
    await rig.ws.setConfig("ovhdns:owner", "plugin-stack");
    const claimed = await withCalls(rig.emulator, () => rig.ws!.up());
    expect(writes(claimed.calls).filter((c) => c.startsWith("POST ") && c.endsWith("/record"))).toHaveLength(1);
    // The claim carries the stack's key, from the URN (the plugin is not told the organization).
    const key = stackKeyOf("organization", "ovh-dns-plugin-records", rig.ws.stack);
    expect(zoneLines(rig.emulator).filter((l) => l.startsWith("_ovhdns-owner "))).toEqual([expect.stringContaining(`owner=plugin-stack stack=${key} `)]);
    expect((await rig.ws.outputs()).ids).toEqual({ api: apiId });
    const state = rig.ws.stateFileText();
    expect(state).not.toContain(rig.emulator.credentials.applicationSecret);
    expect(state).not.toContain(rig.emulator.credentials.consumerKey);
    const preview = await rig.ws.preview();
    expect(changes(preview)).toEqual([]);
    await rig.ws.destroy();
    expect(zoneLines(rig.emulator).filter((l) => l.startsWith("api ") || l.startsWith("_ovhdns-owner "))).toEqual([]);
  });
});
