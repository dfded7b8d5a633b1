/**
 * Pulumi YAML programs through the real Pulumi CLI and the YAML language host `npm run setup:pulumi` builds
 * (pulumi-language-yaml), over the `ovhdns` plugin: examples/yaml (a Zone component: tests/pulumi-cli/yaml-zone.test.ts
 * tests its guard) runs preview, up, a change, a refresh after a console edit and destroy against the emulator; a bad record fails the preview naming the field, before any
 * write; the data sources are functions (`fn::invoke`); `pulumi import` in a YAML project prints the YAML that declares the record it took over, which as the
 * program previews no change.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { changes, type PulumiWorkspace } from "../../tools/pulumi-cli";
import { behindPulumi, EXAMPLES, pluginStack, withCalls, writes, zoneLines } from "./support";

jest.setTimeout(900_000);

/** A copy of examples/yaml in a folder of its own, to edit as a pull request would. */
function copyExample(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovhdns-yaml-"));
  fs.copyFileSync(path.join(EXAMPLES, "yaml", "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
  return dir;
}

function edit(dir: string, from: string, to: string): void {
  const file = path.join(dir, "Pulumi.yaml");
  const text = fs.readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`Pulumi.yaml has no ${JSON.stringify(from)}`);
  fs.writeFileSync(file, text.replace(from, to));
}

const declared = [
  "@ A 203.0.113.10 3600",
  "@ MX 10 mx1.example.com. 0",
  '@ TXT "v=spf1 mx -all" 0',
  '_dmarc TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com" 0',
  "www CNAME example.com. 0",
];

describe("Pulumi YAML programs through the real Pulumi CLI and the ovhdns plugin", () => {
  let emulator: Emulator;
  let dir: string;
  let ws: PulumiWorkspace | undefined;
  beforeEach(async () => {
    emulator = await startEmulator({ zones: { "example.com": [] } });
    dir = copyExample();
  });
  afterEach(async () => {
    ws?.remove();
    ws = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  });

  it("examples/yaml: preview, up, a change, refresh after a console edit, destroy", async () => {
    ws = await pluginStack(emulator, {}, dir);
    const preview = await withCalls(emulator, () => ws!.preview());
    expect(preview.result.code).toBe(0);
    expect(changes(preview.result).filter((c) => !c.startsWith("create ovh-dns-yaml-"))).toEqual([
      "create zone", "create zone-@-A", "create zone-@-MX", "create zone-@-TXT", "create zone-_dmarc-TXT", "create zone-manifest", "create zone-www-CNAME",
    ]);
    expect(writes(preview.calls)).toEqual([]);

    await ws.up();
    expect(zoneLines(emulator)).toEqual(declared);
    const outputs = await ws.outputs();
    expect(outputs.names).toEqual({ "@-A": "example.com", "@-MX": "example.com", "@-TXT": "example.com", "_dmarc-TXT": "_dmarc.example.com", "www-CNAME": "www.example.com" });
    expect(outputs.recordCount).toBe(5);

    // A merged pull request: web's TTL lowered, spf removed. One PUT, one DELETE.
    edit(dir, "          target: 203.0.113.10\n          ttl: 3600", "          target: 203.0.113.10\n          ttl: 600");
    edit(dir, "        - fieldType: TXT\n          target: v=spf1 mx -all\n", "");
    const change = await withCalls(emulator, () => ws!.up());
    const recordWrites = writes(change.calls).filter((c) => !c.endsWith("/refresh"));
    expect(recordWrites.map((c) => c.split(" ")[0]).sort()).toEqual(["DELETE", "PUT"]);
    expect(zoneLines(emulator)).toEqual(declared.filter((l) => !l.includes("spf1")).map((l) => l.replace("203.0.113.10 3600", "203.0.113.10 600")));

    // Someone changes web's TTL in the console: refresh reads it, and the next preview puts it back.
    const web = emulator.zone("example.com").records.find((r) => r.fieldType === "A")!;
    await behindPulumi(emulator).put(`/domain/zone/example.com/record/${web.id}`, { ttl: 7200 });
    await ws.refresh();
    const state = await ws.exportState();
    expect(state.deployment.resources!.find((r) => r.urn.endsWith("::zone-@-A"))!.outputs!.ttl).toBe(7200);
    expect(changes(await ws.preview())).toEqual(["update zone-@-A"]);

    await ws.destroy();
    expect(zoneLines(emulator)).toEqual([]);
  });

  it("a record the provider refuses fails the preview naming the field, with nothing written", async () => {
    edit(dir, "          ttl: 3600", "          ttl: 30");
    ws = await pluginStack(emulator, {}, dir);
    const preview = await withCalls(emulator, () => ws!.preview());
    expect(preview.result.code).not.toBe(0);
    expect(preview.result.stdout + preview.result.stderr).toMatch(/ttl 30 is below 60/);
    expect(writes(preview.calls)).toEqual([]);
  });

  it("calls the data sources as functions: the account's zones, a zone's records with their ids", async () => {
    await emulator.close();
    emulator = await startEmulator({ zones: { "example.com": [{ subDomain: "api", fieldType: "AAAA", target: "2001:db8::10", ttl: 300 }], "example.org": [] } });
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), [
      "name: ovh-dns-yaml", "runtime: yaml",
      "variables:",
      "  zones:", "    fn::invoke:", "      function: ovhdns:index:getZones",
      "  aaaa:", "    fn::invoke:", "      function: ovhdns:index:getZoneRecords", "      arguments:", "        zoneName: example.com", "        fieldType: aaaa",
      "outputs:", "  zones: ${zones.zones}", "  records: ${aaaa.records}", "",
    ].join("\n"));
    ws = await pluginStack(emulator, {}, dir);
    await ws.up();
    const id = String(emulator.zone("example.com").records.find((r) => r.fieldType === "AAAA")!.id);
    expect(await ws.outputs()).toEqual({
      zones: ["example.com", "example.org"],
      records: [{ recordId: id, zoneName: "example.com", subDomain: "api", fieldType: "AAAA", target: "2001:db8::10", ttl: 300, fqdn: "api.example.com" }],
    });
  });

  it("pulumi import in a YAML project takes the record over with no write and prints the YAML that declares it", async () => {
    await emulator.close();
    emulator = await startEmulator({ zones: { "example.com": [{ subDomain: "api", fieldType: "AAAA", target: "2001:db8::10", ttl: 300 }] } });
    ws = await pluginStack(emulator, {}, dir);
    const id = String(emulator.zone("example.com").records[0].id);
    const imported = await withCalls(emulator, () => ws!.must(["import", "ovhdns:index:ZoneRecord", "api", `example.com/${id}`, "--yes", "--protect=false"]));
    expect(writes(imported.calls)).toEqual([]);
    const generated = imported.result.stdout.slice(imported.result.stdout.indexOf("resources:\n"));
    expect(generated).toMatch(/^resources:\n  api:\n    type: ovhdns:ZoneRecord\n/);
    expect(generated).toMatch(/target: 2001:db8::10/);
    // The YAML it printed, as the program: the next preview changes nothing.
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ovh-dns-yaml\nruntime: yaml\n${generated}`);
    const preview = await withCalls(emulator, () => ws!.preview());
    expect(preview.result.code).toBe(0);
    expect(changes(preview.result)).toEqual([]);
    expect(writes(preview.calls)).toEqual([]);
  });
});
