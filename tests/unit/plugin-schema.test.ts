/**
 * The `ovhdns` plugin's package schema against its one source and the provider it describes: schema.json is
 * what `npm run schema` generates from the doc comments of the TypeScript types, and its ZoneRecord inputs,
 * required inputs and outputs are exactly what the provider's check accepts, requires and answers.
 */
import { schemaText } from "../../tools/plugin-schema/generate";
import { PLUGIN_CONFIG_KEYS } from "../../provider/plugin/config";
import { PLUGIN_SCHEMA } from "../../provider/plugin/schema";
import { checkZoneRecord } from "../../provider/zone-record/check";
import { checkZoneDnssec } from "../../provider/zone-dnssec/check";
import { DATA_SOURCES } from "../../provider/zone-record/data-sources";
import { toOutputs } from "../../provider/zone-record/outputs";
import * as fs from "node:fs";
import * as path from "node:path";

type Property = { type: string; description: string; secret?: boolean };
const resource = PLUGIN_SCHEMA.resources["ovhdns:index:ZoneRecord"] as {
  description: string; properties: Record<string, Property>; required: string[]; inputProperties: Record<string, Property>; requiredInputs: string[];
};
const valid = { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600, adopt: true, waitUntilPublished: false, owner: "team-dns" };

describe("the ovhdns plugin's schema", () => {
  it("is what `npm run schema` generates from the doc comments (run it after changing one)", () => {
    expect(fs.readFileSync(path.resolve(__dirname, "../../provider/plugin/schema.json"), "utf8")).toBe(schemaText());
  });

  it("takes as ZoneRecord inputs exactly what the provider's check accepts", () => {
    // Every schema input with a valid value passes check; a key check would call unknown is not in the schema.
    const inputs = Object.keys(resource.inputProperties).sort();
    expect(inputs).toEqual(Object.keys(valid).sort());
    expect(checkZoneRecord(valid).failures).toEqual([]);
    for (const key of inputs) {
      const { [key]: _left, ...rest } = valid as Record<string, unknown>;
      const failures = checkZoneRecord(rest).failures.map((f) => f.property);
      // Required in the schema exactly when check refuses the inputs without it.
      expect([key, failures.includes(key as never)]).toEqual([key, resource.requiredInputs.includes(key)]);
    }
    expect(checkZoneRecord({ ...valid, notAnInput: 1 }).failures.map((f) => f.property)).toEqual(["notAnInput"]);
  });

  it("declares as outputs what the provider answers (its holder id and owner claim stay internal)", () => {
    const outs = toOutputs({ zoneName: "example.com", subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 0 }, "5390038375", "h1", "team-dns");
    const { instanceId: _i, owner: _o, ...declared } = outs;
    expect(Object.keys(resource.properties).sort()).toEqual(Object.keys(declared).sort());
    expect([...resource.required].sort()).toEqual(Object.keys(declared).sort());
  });

  it("takes as ZoneDnssec inputs exactly what its check accepts, zoneName required, and declares the outputs its create answers", () => {
    const dnssec = PLUGIN_SCHEMA.resources["ovhdns:index:ZoneDnssec"] as typeof resource;
    const inputs = { zoneName: "example.com", timeoutSeconds: 120 };
    expect(Object.keys(dnssec.inputProperties).sort()).toEqual(Object.keys(inputs).sort());
    expect(checkZoneDnssec(inputs).failures).toEqual([]);
    expect(checkZoneDnssec({ timeoutSeconds: 120 }).failures.map((f) => f.property)).toEqual(["zoneName"]);
    expect(dnssec.requiredInputs).toEqual(["zoneName"]);
    // provider/zone-dnssec/provider.ts: the inputs, the status and whether it was taken over.
    expect(Object.keys(dnssec.properties).sort()).toEqual(["adopted", "status", "timeoutSeconds", "zoneName"]);
    expect(dnssec.required.sort()).toEqual(["adopted", "status", "zoneName"]);
  });

  it("marks every credential secret as a secret, in the config and the provider's inputs alike", () => {
    const config = PLUGIN_SCHEMA.config.variables as Record<string, Property>;
    expect(Object.keys(config)).toEqual([...PLUGIN_CONFIG_KEYS]);
    const secrets = Object.keys(config).filter((k) => config[k].secret === true);
    expect(secrets).toEqual(["applicationSecret", "consumerKey", "clientSecret", "accessToken"]);
    expect(PLUGIN_SCHEMA.provider.inputProperties).toEqual(config);
  });

  it("declares as functions exactly the data sources the plugin serves", () => {
    expect(Object.keys(PLUGIN_SCHEMA.functions).sort()).toEqual(Object.keys(DATA_SOURCES).map((n) => `ovhdns:index:${n}`).sort());
    const records = PLUGIN_SCHEMA.functions["ovhdns:index:getZoneRecords"] as { inputs: { required: string[] }; outputs: { properties: Record<string, unknown> } };
    expect(records.inputs.required).toEqual(["zoneName"]);
    expect(records.outputs.properties.records).toMatchObject({ type: "array", items: { $ref: "#/types/ovhdns:index:ZoneRecordInfo" } });
  });

  it("describes every property with the doc comment of its TypeScript declaration", () => {
    const text = fs.readFileSync(path.resolve(__dirname, "../../sdk/zone-record.ts"), "utf8");
    for (const p of [...Object.values(resource.inputProperties), ...Object.values(resource.properties)]) {
      expect(p.description.length).toBeGreaterThan(10);
      expect(text).toContain(p.description.split("\n")[0]);
    }
  });
});
