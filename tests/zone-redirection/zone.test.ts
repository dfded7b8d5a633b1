/**
 * Redirections in a Zone: its YAML reader takes a `redirections:` map (as `export --format yaml` writes it), each
 * one checked as a ZoneRedirection is and against the Zone's records; through the local engine, an exported zone
 * with redirections is adopted with no write, even under `unmanaged: "delete"`, which never touches the records
 * OVH keeps for a redirection.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readYamlZone } from "../../sdk/zone/yaml-source";
import { declareRedirections } from "../../sdk/zone/redirections";
import { declareRecords } from "../../sdk/zone/records";
import { CliSandbox, emulatorEnv } from "../cli/cli-rig";
import { behindPulumi } from "../zone-record/support";
import { mutating, ZoneStack } from "../zone/zone-rig";

describe("a Zone's redirections, as declared", () => {
  const records = declareRecords("example.com", [{ subDomain: "shop", fieldType: "CNAME", target: "shops.example.net.", source: "records.yaml:4 (shop)" }]);

  it("are checked as a ZoneRedirection's inputs, one per name, none beside a declared A, AAAA or CNAME, each problem naming its source", () => {
    const { declared, problems } = declareRedirections("example.com", [
      { subDomain: "www", type: "visiblePermanent", target: "https://example.org/", source: "a" },
      { subDomain: "WWW", type: "visible", target: "https://example.org/", source: "b" },
      { subDomain: "shop", type: "visible", target: "https://example.org/", source: "c" },
      { subDomain: "old", type: "moved" as "visible", target: "https://example.org/", source: "d" },
    ], records);
    expect(declared.map((r) => r.source)).toEqual(["a", "b", "c"]);
    expect(problems).toEqual([
      'redirection d: type "moved" is not an OVH redirection type: use one of visible, visiblePermanent, invisible',
      "redirection b: www is redirected twice (also a); OVH keeps one redirection per name",
      "redirection c: shop also has a declared CNAME record (records.yaml:4 (shop)); OVH serves a redirection from an A record of its own there: remove one of them",
    ]);
  });

  it("are read from YAML with their line, and a field the file cannot hold is refused with it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zone-redirections-"));
    try {
      const file = path.join(dir, "records.yaml");
      fs.writeFileSync(file, 'zoneName: example.com\nrecords: {}\nredirections:\n  home:\n    subDomain: ""\n    type: visible\n    target: https://example.org/\n');
      expect(readYamlZone(file).redirections).toEqual([{ source: `${file}:5 (home)`, subDomain: "", type: "visible", target: "https://example.org/" }]);
      fs.writeFileSync(file, "zoneName: example.com\nrecords: {}\nredirections:\n  home:\n    type: visible\n    ttl: 60\n");
      expect(() => readYamlZone(file)).toThrow(`${file}:6: redirection home: unknown field "ttl"; a redirection takes subDomain, type, target, title, keywords, description`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("an exported zone with redirections in a Zone (local engine)", () => {
  let stack: ZoneStack;
  let sandbox: CliSandbox;
  afterAll(async () => {
    sandbox?.remove();
    await stack?.close();
  });

  it("is adopted with no write under unmanaged: \"delete\", the redirection's records left alone; a type change is one PUT", async () => {
    stack = await ZoneStack.start([{ fieldType: "MX", target: "10 mx1.example.com." }]);
    const client = behindPulumi(stack);
    await client.post("/domain/zone/example.com/redirection", { subDomain: "www", type: "visiblePermanent", target: "https://example.org/" });
    await client.post("/domain/zone/example.com/refresh");
    sandbox = new CliSandbox();
    const exported = await sandbox.run(["export", "example.com", "--format", "yaml"], emulatorEnv(stack.emulator));
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('redirections:\n  "redirect-www":\n    subDomain: "www"\n    type: "visiblePermanent"\n    target: "https://example.org/"\n');
    const before = stack.zone();
    stack.declareText("records.yaml", exported.stdout, { unmanaged: "delete" });
    const up = await stack.runOk("up");
    expect(mutating(up.calls)).toEqual([]);
    expect(stack.zone()).toEqual(before);
    const preview = await stack.runOk("preview");
    expect(preview.summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
    // No warning names the redirection's A or TXT record as unmanaged.
    expect(preview.diagnostics.join("\n")).not.toContain("213.186.33.5");
    stack.declareText("records.yaml", exported.stdout.replace('type: "visiblePermanent"', 'type: "visible"'), { unmanaged: "delete" });
    const change = await stack.runOk("up");
    expect(change.plan.filter((p) => p.op === "update").map((p) => [p.name, p.changes.map((c) => c.key)])).toEqual([["main-redirect-www", ["type"]]]);
    const [id] = stack.emulator.zone("example.com").redirections.map((r) => r.id);
    expect(mutating(change.calls).map((c) => `${c.method} ${c.path}`)).toEqual([`PUT /domain/zone/example.com/redirection/${id}`, "POST /domain/zone/example.com/refresh"]);
    expect(stack.zone()).toContain('www TXT "4|https://example.org/" 0');
  });
});
