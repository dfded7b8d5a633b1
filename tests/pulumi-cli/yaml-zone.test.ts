/**
 * The `Zone` component in a Pulumi YAML program (`ovhdns:index:Zone`), built by the `ovhdns` plugin's construct
 * with the TypeScript Zone, through the real Pulumi CLI and the YAML language host, against the emulator: one
 * stack for the describe, its program rewritten between runs as merged pull requests would. Preview and up of a
 * zone of 12 records; a change that removes 9 is refused at preview and at up by the Zone's own guard, naming it
 * and how to allow it, with nothing written; allowed by `ovhdns:allowMassDelete`, it applies; refresh and destroy.
 * Then records declared one by one as `ovhdns:index:ZoneRecord` move into a Zone reading a records file, with
 * `adopt`: the Zone's children take the very records over, with no write; with `unmanaged: "delete"`, a record
 * made by hand is deleted by the plugin's ZoneUnmanaged. A zone that cannot be listed fails the preview. A secret
 * input (the plugin accepts secrets, as a plugin building components must) is stored encrypted.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { changes, type PulumiWorkspace } from "../../tools/pulumi-cli";
import { behindPulumi, pluginStack, withCalls, writes, zoneLines } from "./support";

jest.setTimeout(900_000);

interface Rec { subDomain?: string; fieldType: string; target: string; ttl?: number }

/** 12 records: the apex A, MX and SPF, and nine hosts. */
const RECORDS: Rec[] = [
  { fieldType: "A", target: "203.0.113.10", ttl: 3600 },
  { fieldType: "MX", target: "10 mx1.example.com." },
  { fieldType: "TXT", target: "v=spf1 mx -all" },
  ...Array.from({ length: 9 }, (_, i) => ({ subDomain: `host${i + 1}`, fieldType: "A", target: `203.0.113.${i + 21}` })),
];

/** The program: one Zone of `records`, with `extra` lines added to its properties. */
function program(records: Rec[], extra: string[] = []): string {
  const lines = records.map((r) => `        - { ${r.subDomain ? `subDomain: ${r.subDomain}, ` : ""}fieldType: ${r.fieldType}, target: "${r.target}"${r.ttl ? `, ttl: ${r.ttl}` : ""} }`);
  return [
    "name: ovh-dns-yaml-zone", "runtime: yaml",
    "resources:",
    "  zone:",
    "    type: ovhdns:index:Zone",
    "    properties:",
    "      zoneName: example.com",
    "      maxDeletePercent: 20",
    ...extra.map((l) => `      ${l}`),
    "      records:",
    ...lines,
    "outputs:",
    "  recordCount: ${zone.recordCount}",
    "  fqdns: ${zone.fqdns}",
    "",
  ].join("\n");
}

const lineOf = (r: Rec) => `${r.subDomain || "@"} ${r.fieldType} ${r.fieldType === "TXT" ? `"${r.target}"` : r.target} ${r.ttl ?? 0}`;

describe("the Zone component in a Pulumi YAML program, through the real Pulumi CLI and the ovhdns plugin", () => {
  let emulator: Emulator;
  let dir: string;
  let ws: PulumiWorkspace;
  const write = (text: string) => fs.writeFileSync(path.join(dir, "Pulumi.yaml"), text);

  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": [] } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovhdns-yaml-zone-"));
    write(program(RECORDS));
    ws = await pluginStack(emulator, {}, dir);
  });
  afterAll(async () => {
    ws?.remove();
    fs.rmSync(dir, { recursive: true, force: true });
    await emulator?.close();
  });

  it("preview writes nothing; up makes the 12 records as the plugin's ZoneRecords, children of the Zone", async () => {
    const preview = await withCalls(emulator, () => ws.preview());
    expect(preview.result.code).toBe(0);
    const created = changes(preview.result).filter((c) => !c.startsWith("create ovh-dns-yaml-zone-"));
    expect(created).toContain("create zone");
    expect(created).toContain("create zone-manifest");
    expect(created).toContain("create zone-host1-A");
    expect(created.filter((c) => /^create zone-/.test(c))).toHaveLength(13);
    expect(writes(preview.calls)).toEqual([]);

    await ws.up();
    expect(zoneLines(emulator)).toEqual(RECORDS.map(lineOf).sort());
    const outputs = await ws.outputs();
    expect(outputs.recordCount).toBe(12);
    expect((outputs.fqdns as Record<string, string>)["host1-A"]).toBe("host1.example.com");
    const types = (await ws.exportState()).deployment.resources!.map((r) => r.urn.split("::")[2]).filter((t) => t.startsWith("ovhdns:"));
    expect([...new Set(types)].sort()).toEqual([
      "ovhdns:index:Zone", "ovhdns:index:Zone$ovhdns:index:ZoneManifest", "ovhdns:index:Zone$ovhdns:index:ZoneRecord",
    ]);
  });

  it("a change removing 9 of the 12 records is refused at preview and at up, naming the guard and how to allow it; nothing is deleted", async () => {
    write(program(RECORDS.slice(0, 3)));
    const preview = await withCalls(emulator, () => ws.preview());
    expect(preview.result.code).not.toBe(0);
    // The Zone's own refusal, on its manifest, at the preview.
    const refusal = preview.result.diagnostics.filter((d) => d.severity === "error");
    expect(refusal.map((d) => d.urn?.split("::").slice(-2).join("::"))).toEqual(["ovhdns:index:Zone$ovhdns:index:ZoneManifest::zone-manifest"]);
    expect(refusal[0].message).toMatch(/this update would delete or replace 9 of the 12 records the stack manages there \(75% > maxDeletePercent 20\)/);
    expect(refusal[0].message).toContain("  - host9 A 203.0.113.29 (host9-A)\n");
    expect(refusal[0].message).toContain("`pulumi config set ovhdns:allowMassDelete true`");
    expect(writes(preview.calls)).toEqual([]);

    const up = await withCalls(emulator, () => ws.run(["up", "--yes", "--skip-preview"]));
    expect(up.result.code).not.toBe(0);
    expect(up.result.stdout + up.result.stderr).toMatch(/maxDeletePercent 20/);
    expect(writes(up.calls)).toEqual([]);
    expect(zoneLines(emulator)).toEqual(RECORDS.map(lineOf).sort());
  });

  it("allowed with ovhdns:allowMassDelete, the same change applies; refresh finds nothing; destroy empties the zone", async () => {
    await ws.setConfig("ovhdns:allowMassDelete", "true");
    const up = await withCalls(emulator, () => ws.up());
    expect(writes(up.calls).filter((c) => c.startsWith("DELETE"))).toHaveLength(9);
    expect(zoneLines(emulator)).toEqual(RECORDS.slice(0, 3).map(lineOf).sort());
    await ws.must(["config", "rm", "ovhdns:allowMassDelete"]);

    const refresh = await withCalls(emulator, () => ws.refresh());
    expect(writes(refresh.calls)).toEqual([]);
    expect(changes(await ws.preview())).toEqual([]);

    await ws.destroy();
    expect(zoneLines(emulator)).toEqual([]);
  });

  it("records declared one by one move into a Zone reading a records file, with adopt: no write, the same record ids; unmanaged: delete prunes a record made by hand", async () => {
    const plain = [
      ["web", "", "A", "203.0.113.10"], ["www", "www", "CNAME", "example.com."], ["mail", "", "MX", "10 mx1.example.com."],
    ].map(([name, sub, type, target]) => [
      `  ${name}:`, "    type: ovhdns:index:ZoneRecord", "    properties:", "      zoneName: example.com",
      ...(sub ? [`      subDomain: ${sub}`] : []), `      fieldType: ${type}`, `      target: ${target}`,
    ].join("\n"));
    write(["name: ovh-dns-yaml-zone", "runtime: yaml", "resources:", ...plain, ""].join("\n"));
    await ws.up();
    const before = zoneLines(emulator);
    const ids = emulator.zone("example.com").records.map((r) => String(r.id)).sort();
    expect(before).toHaveLength(3);

    fs.writeFileSync(path.join(dir, "records.yaml"), [
      "zoneName: example.com", "records:",
      '  web: { subDomain: "", fieldType: A, target: 203.0.113.10 }',
      "  www: { subDomain: www, fieldType: CNAME, target: example.com. }",
      '  mail: { subDomain: "", fieldType: MX, target: 10 mx1.example.com. }', "",
    ].join("\n"));
    write(["name: ovh-dns-yaml-zone", "runtime: yaml", "resources:", "  zone:", "    type: ovhdns:index:Zone", "    properties:",
      "      zoneName: example.com", "      recordsFile: records.yaml", "      adopt: true", ""].join("\n"));
    const preview = await ws.preview();
    expect(preview.code).toBe(0);
    expect(changes(preview).filter((c) => !/^create zone-(@|www)-/.test(c))).toEqual(["create zone", "create zone-manifest", "delete mail", "delete web", "delete www"]);
    const up = await withCalls(emulator, () => ws.up());
    expect(writes(up.calls).filter((c) => !c.endsWith("/refresh"))).toEqual([]);
    expect(zoneLines(emulator)).toEqual(before);
    const held = (await ws.exportState()).deployment.resources!.filter((r) => r.type === "ovhdns:index:ZoneRecord").map((r) => r.id).sort();
    expect(held).toEqual(ids);

    // A record made by hand, then unmanaged: "delete": the plugin's ZoneUnmanaged deletes it on up, and only it.
    await behindPulumi(emulator).post("/domain/zone/example.com/record", { subDomain: "stray", fieldType: "TXT", target: "by hand" });
    write(["name: ovh-dns-yaml-zone", "runtime: yaml", "resources:", "  zone:", "    type: ovhdns:index:Zone", "    properties:",
      "      zoneName: example.com", "      recordsFile: records.yaml", "      adopt: true", "      unmanaged: delete", ""].join("\n"));
    const pruned = await withCalls(emulator, () => ws.up());
    expect(writes(pruned.calls).filter((c) => c.startsWith("DELETE"))).toHaveLength(1);
    expect(zoneLines(emulator)).toEqual(before);
    expect((await ws.exportState()).deployment.resources!.filter((r) => r.type === "ovhdns:index:ZoneUnmanaged")).toHaveLength(1);

    await ws.destroy();
    expect(zoneLines(emulator)).toEqual([]);
  });

  it("an owner from ovhdns:owner and unmanaged: delete, after the zone was rewritten as text: the plugin's Zone knows its own claims, refresh and up prune only the stray", async () => {
    await ws.setConfig("ovhdns:owner", "team-y");
    write(["name: ovh-dns-yaml-zone", "runtime: yaml", "resources:", "  zone:", "    type: ovhdns:index:Zone", "    properties:",
      "      zoneName: example.com", "      unmanaged: delete", "      records:", '        - { subDomain: www, fieldType: A, target: "203.0.113.10" }', ""].join("\n"));
    await ws.up();
    expect(emulator.zone("example.com").records.filter((r) => r.subDomain === "_ovhdns-owner").map((r) => r.target)).toEqual([
      expect.stringMatching(/^"?v=ovhdns1 owner=team-y stack=[0-9a-f]{12} ids=\d+"?$/),
    ]);
    // The OVH console's text editor: the same records and one more, every one under a new id.
    const records = emulator.zone("example.com").records.map((r) => ({ subDomain: r.subDomain, fieldType: r.fieldType, target: r.target, ttl: r.ttl }));
    emulator.addZone("example.com", [...records, { subDomain: "stray", fieldType: "A", target: "198.51.100.7" }]);
    await ws.refresh();
    await ws.up();
    expect(zoneLines(emulator).filter((l) => !l.startsWith("_ovhdns-owner "))).toEqual(["www A 203.0.113.10 0"]);
    await ws.destroy();
    await ws.must(["config", "rm", "ovhdns:owner"]);
    expect(zoneLines(emulator)).toEqual([]);
  });

  it("a zone the account cannot list fails the preview with the Zone's message (the listing's failure reaches the construct), nothing written", async () => {
    write(program([{ subDomain: "www", fieldType: "A", target: "203.0.113.10" }]).replace("zoneName: example.com", "zoneName: example.org"));
    const preview = await withCalls(emulator, () => ws.preview());
    expect(preview.result.code).not.toBe(0);
    const said = preview.result.diagnostics.map((d) => d.message).join("\n");
    // The construct fails with the error; the plugin does not end (an unhandled rejection would end it).
    expect(said).not.toMatch(/exited prematurely/);
    expect(said).toMatch(/zone example\.org: listing the zone for records this Zone does not declare failed: .*\. If the zone is created by this program, set newZone: true/);
    expect(writes(preview.calls)).toEqual([]);
  });

  it("a secret input of a ZoneRecord reaches OVH in the clear and stays a secret in the state (the plugin accepts secrets, as components require)", async () => {
    await ws.setConfig("token", "verify-7f3a9c", true);
    write(["name: ovh-dns-yaml-zone", "runtime: yaml", "config:", "  token:", "    type: string", "resources:", "  verification:",
      "    type: ovhdns:index:ZoneRecord", "    properties:", "      zoneName: example.com", "      subDomain: _verify", "      fieldType: TXT",
      "      target: ${token}", ""].join("\n"));
    await ws.up();
    expect(zoneLines(emulator)).toEqual(['_verify TXT "verify-7f3a9c" 0']);
    const state = (await ws.exportState()).deployment.resources!.find((r) => r.type === "ovhdns:index:ZoneRecord")!;
    expect(JSON.stringify(state)).not.toContain("verify-7f3a9c");
    expect(state.outputs!.target).toMatchObject({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" });
    expect(changes(await ws.preview())).toEqual([]);
    await ws.destroy();
    expect(zoneLines(emulator)).toEqual([]);
  });
});
