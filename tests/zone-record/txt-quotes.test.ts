/**
 * A TXT holding `"` or `\`: how OVH stores it is not public (docs/ovh-api.md §5 "TXT holding a double quote"), so
 * the emulator models both guesses (`txtQuoting`: escaped as in a zone file, or wrapped as sent). Under either,
 * a record the provider creates reads back with no change at the next preview, and one written behind Pulumi
 * exports (TypeScript, YAML, BIND) to a declaration the check accepts and the diff finds equal to the zone's.
 */
import { renderBind } from "../../cli/export/render-bind";
import { renderYaml } from "../../cli/export/render-yaml";
import { exportedZone } from "../../cli/export/exported-zone";
import { readZoneRecords } from "../../cli/export/read-zone";
import type { TxtQuoting } from "../../emulator/records/txt";
import { checkRecordInputs, targetsEqual } from "../../provider/records";
import { readBindZone } from "../../sdk/zone/bind-parser";
import { readYamlZone } from "../../sdk/zone/yaml-source";
import { behindPulumi, startRig, type Rig } from "./support";

/** DNSControl's integration texts for quotes and backslashes (its `integrationTest`), and a long one. */
const TEXTS = [
  'in"side',
  'in"ter"ior',
  '"left',
  'right"',
  'say "hi" to \\o/',
  "1back\\slash",
  "2back\\\\slash",
  '"quoted at both ends"',
  `${"q".repeat(250)}"${"r".repeat(300)}"`,
];

const record = (subDomain: string, target: string) => ({ zoneName: "example.com", subDomain, fieldType: "TXT", target, ttl: 0 });

describe.each<[TxtQuoting, string]>([
  ["escape", '"in\\"side"'],
  ["verbatim", '"in"side"'],
])("a TXT holding a double quote or a backslash, OVH storing it %s", (txtQuoting, storedInside) => {
  let rig: Rig;
  beforeAll(async () => (rig = await startRig({ txtQuoting })));
  afterAll(() => rig.emulator.close());

  it("is stored in that form", async () => {
    await rig.provider.create(record("form", 'in"side'));
    expect(rig.emulator.zone("example.com").records.find((r) => r.subDomain === "form")?.target).toBe(storedInside);
  });

  it("creates each text once, and reads and diffs it with no change", async () => {
    // In parallel: the creates share the zone's refreshes, so the whole list costs about one create.
    await Promise.all(
      TEXTS.map(async (text, i) => {
        const inputs = record(`t${i}`, text);
        expect(checkRecordInputs(inputs).failures).toEqual([]);
        const { id, outs } = await rig.provider.create(inputs);
        const read = await rig.provider.read(id, outs);
        expect([text, read]).toEqual([text, { id, props: outs }]);
        expect([text, (await rig.provider.diff(id, read.props, inputs)).changes]).toEqual([text, false]);
      }),
    );
    expect(rig.emulator.count({ method: "POST", path: "/domain/zone/example.com/record" })).toBe(TEXTS.length + 1);
  });

  it("written behind Pulumi, exports to declarations the check accepts and the diff finds equal to the zone", async () => {
    const client = behindPulumi(rig);
    for (const [i, text] of TEXTS.entries()) {
      await client.post("/domain/zone/example.com/record", { fieldType: "TXT", subDomain: `console${i}`, target: text, ttl: 0 });
    }
    const read = (await readZoneRecords(client, "example.com")).filter((r) => r.subDomain.startsWith("console"));
    const zone = exportedZone("example.com", read);
    const stored = new Map(read.map((r) => [r.subDomain, r.target]));
    const yaml = readYamlZone("records.yaml", renderYaml(zone, "adopt")).records;
    const bind = readBindZone("zone.db", { zoneName: "example.com" }, renderBind(zone)).records;
    for (const [i, text] of TEXTS.entries()) {
      const name = `console${i}`;
      const exported = zone.records.find((r) => r.subDomain === name);
      expect(exported?.problems).toEqual([]);
      // The program's target: what a ZoneRecord declares, and what the TypeScript export writes.
      expect(targetsEqual("TXT", exported?.target ?? "", stored.get(name) ?? "")).toBe(true);
      for (const declared of [yaml, bind].map((records) => records.find((r) => r.subDomain === name))) {
        expect(checkRecordInputs({ zoneName: "example.com", ...declared }).failures).toEqual([]);
        expect(targetsEqual("TXT", declared?.target ?? "", stored.get(name) ?? "")).toBe(true);
      }
      // Escaped, the stored form says which text it is, and the export gives that very text back; a target sent
      // already quoted is kept as it is (docs/ovh-api.md §8) and is the text inside its quotes.
      const expected = text === '"quoted at both ends"' ? "quoted at both ends" : text;
      if (txtQuoting === "escape") expect([exported?.target, yaml.find((r) => r.subDomain === name)?.target]).toEqual([expected, expected]);
    }
  });
});

describe("a TXT target that reads two ways is refused at check", () => {
  it.each(['"say "hi""', '"a" b "c"'])("%j, naming the target and both ways to write it", (target) => {
    expect(checkRecordInputs(record("x", target)).failures).toEqual([
      { property: "target", reason: expect.stringContaining("starts and ends with a double quote but is not quoted strings, so it reads two ways") },
    ]);
  });
});
