/**
 * The `Zone` component as the `ovhdns` plugin builds it (provider/plugin/zone-component.ts), under Pulumi's mocks:
 * the TypeScript Zone through the plugin's door (its children are the plugin's types, the listing the plugin's),
 * the inputs a YAML program gives it (records, a records file, a BIND file) and their refusals, each naming the
 * input; and the secrets the plugin unwraps for the provider and marks again in its answers (secrets.ts).
 * The real CLI runs of the same: tests/pulumi-cli/yaml-zone.test.ts.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { constructZone, zoneArgsOf, ZONE_COMPONENT_INPUTS, ZONE_COMPONENT_OUTPUTS } from "../../provider/plugin/zone-component";
import { rewrapSecrets, unwrapSecrets } from "../../provider/plugin/secrets";
import { SECRET_SIG, SECRET_VALUE_SIG } from "../../provider/plugin/config";
import { PLUGIN_SCHEMA } from "../../provider/plugin/schema";
import type { ZoneRecordInfo } from "../../provider/zone-record";

const secret = (value: unknown) => ({ [SECRET_SIG]: SECRET_VALUE_SIG, value });

describe("the Zone through the ovhdns plugin", () => {
  const registered: { type: string; name: string; inputs: Record<string, unknown> }[] = [];
  let dir: string;
  const listed: string[] = [];
  const listRecords = async (zoneName: string) => {
    listed.push(zoneName);
    const info: ZoneRecordInfo = { recordId: "7", zoneName, subDomain: "old", fieldType: "A", target: "203.0.113.99", ttl: 0, fqdn: `old.${zoneName}` };
    return { records: [info] };
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plugin-zone-"));
    fs.writeFileSync(path.join(dir, "records.yaml"), "zoneName: example.com\nadopt: true\nrecords:\n  www: { subDomain: www, fieldType: CNAME, target: example.com. }\n");
    fs.writeFileSync(path.join(dir, "zone.db"), "$ORIGIN example.com.\nmail 3600 IN A 203.0.113.25\n");
    fs.writeFileSync(path.join(dir, "other.yaml"), "zoneName: example.org\nrecords:\n  www: { subDomain: www, fieldType: A, target: 203.0.113.1 }\n");
    fs.writeFileSync(path.join(dir, "redirected.yaml"),
      'zoneName: example.com\nrecords: {}\nredirections:\n  old: { subDomain: old, type: visiblePermanent, target: "https://www.example.com/" }\n');
    await pulumi.runtime.setMocks({
      newResource: async (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: `${args.name}-id`, state: { ...args.inputs, recordId: "1", fqdn: "x.example.com" } };
      },
      call: () => ({}),
    }, "dns", "dev", true);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("builds the TypeScript Zone with the plugin's ZoneRecords and manifest, listing the zone with the plugin's listing", async () => {
    const built = constructZone({ listRecords }, "zone", { zoneName: "example.com", records: [{ fieldType: "A", target: "203.0.113.10" }], maxDeleteCount: 2 }, {});
    expect(Object.keys(built.state)).toEqual([...ZONE_COMPONENT_OUTPUTS]);
    await new Promise<void>((resolve) => pulumi.all(Object.values(built.state) as pulumi.Output<unknown>[]).apply(() => resolve()));
    await new Promise((r) => setTimeout(r, 50));
    const mine = registered.filter((r) => r.name.startsWith("zone-"));
    expect(mine.map((r) => `${r.type} ${r.name}`).sort()).toEqual(["ovhdns:index:ZoneManifest zone-manifest", "ovhdns:index:ZoneRecord zone-@-A"]);
    // The plugin's ZoneRecord gets the record's inputs, nothing of the dynamic provider's (__provider, __stack).
    expect(mine.find((r) => r.type === "ovhdns:index:ZoneRecord")!.inputs).toEqual({ zoneName: "example.com", subDomain: "", fieldType: "A", target: "203.0.113.10", ttl: 0 });
    expect(mine.find((r) => r.type === "ovhdns:index:ZoneManifest")!.inputs).toMatchObject({ zoneName: "example.com", maxDeleteCount: 2, allowMassDelete: false });
    expect(listed).toEqual(["example.com"]);
  });

  it("takes a records file and a BIND file relative to the program's directory, after the records given inline", () => {
    const args = zoneArgsOf({ zoneName: "example.com", records: [{ fieldType: "A", target: "203.0.113.10" }], recordsFile: "records.yaml", bindFile: "zone.db" }, dir);
    expect(args.records.map((r) => `${r.subDomain ?? ""} ${r.fieldType} ${r.target}`)).toEqual([" A 203.0.113.10", "www CNAME example.com.", "mail A 203.0.113.25"]);
    // The records file's adopt is the Zone's when the program gives none; the program's wins.
    expect(args.adopt).toBe(true);
    expect(zoneArgsOf({ zoneName: "example.com", recordsFile: "records.yaml", adopt: false }, dir).adopt).toBe(false);
  });

  it("refuses, naming the input: a records file of another zone, an output or secret, an unknown input, records that are not a list", () => {
    expect(() => zoneArgsOf({ zoneName: "example.com", recordsFile: "other.yaml" }, dir)).toThrow(/recordsFile other\.yaml declares zone example\.org, not example\.com/);
    expect(() => zoneArgsOf({ zoneName: "example.com", records: pulumi.secret([]) }, dir)).toThrow(/records must be a plain value .* not another resource's output, nor a secret/);
    expect(() => zoneArgsOf({ zoneName: "example.com", records: [], redirections: [] }, dir)).toThrow(/redirections is not an input of a Zone: use zoneName, records/);
    expect(() => zoneArgsOf({ zoneName: "example.com", records: "www A 1.2.3.4" }, dir)).toThrow(/records must be a list/);
    expect(() => zoneArgsOf({ zoneName: "example.com", recordsFile: "missing.yaml" }, dir)).toThrow(/missing\.yaml/);
  });

  it("refuses a records file's redirections, which the plugin does not serve, before registering any child", () => {
    const before = registered.length;
    expect(() => constructZone({ listRecords }, "redirected", { zoneName: "example.com", recordsFile: path.join(dir, "redirected.yaml") }, {}))
      .toThrow(/a Zone in a Pulumi YAML program takes no redirections yet: declare each as an ovhdns:index:ZoneRedirection resource/);
    expect(registered.slice(before).filter((r) => r.name.startsWith("redirected-"))).toEqual([]);
  });

  it("declares in the schema exactly the inputs it takes and the outputs it answers", () => {
    const zone = PLUGIN_SCHEMA.resources["ovhdns:index:Zone"] as { isComponent: boolean; inputProperties: object; properties: object; requiredInputs: string[] };
    expect(zone.isComponent).toBe(true);
    expect(Object.keys(zone.inputProperties).sort()).toEqual([...ZONE_COMPONENT_INPUTS].sort());
    expect(Object.keys(zone.properties).sort()).toEqual([...ZONE_COMPONENT_OUTPUTS].sort());
    expect(zone.requiredInputs).toEqual(["zoneName"]);
  });
});

describe("secrets through the plugin", () => {
  it("unwraps secrets at any depth for the provider, naming the top-level keys that held one", () => {
    const { plain, secretKeys } = unwrapSecrets({ zoneName: "example.com", target: secret("s3cr3t"), nested: { list: [1, secret(2)] } });
    expect(plain).toEqual({ zoneName: "example.com", target: "s3cr3t", nested: { list: [1, 2] } });
    expect([...secretKeys].sort()).toEqual(["nested", "target"]);
  });

  it("marks again as secret each answered property whose input was secret, and nothing else", () => {
    expect(rewrapSecrets({ target: "s3cr3t", recordId: "42", absent: undefined }, new Set(["target", "absent"]))).toEqual({ target: secret("s3cr3t"), recordId: "42", absent: undefined });
    expect(rewrapSecrets(undefined, new Set(["target"]))).toBeUndefined();
  });
});
