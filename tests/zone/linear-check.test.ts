/**
 * Reading and checking a zone takes work in proportion to its records (issue #19: the whole-zone check copied
 * a group on every insert, and the yaml package's duplicate-key check compared every key with every other).
 * Counted, not timed: every element an array method or an array iterator walks is one step, and four times the
 * records must take about four times the steps (a quadratic pass takes sixteen).
 */
import { readBindZone } from "../../sdk/zone/bind-parser";
import { checkZone } from "../../sdk/zone/checks";
import { declareRecords, type ZoneRecordSpec } from "../../sdk/zone/records";
import { readYamlZone } from "../../sdk/zone/yaml-source";
import { countSteps } from "./array-steps";

/** Steps at 4n over steps at n: about 4 for linear work, 16 for quadratic. */
function growth(work: (n: number) => () => unknown, n = 500): number {
  return countSteps(work(4 * n)) / countSteps(work(n));
}

const txtAtApex = (n: number): ZoneRecordSpec[] => Array.from({ length: n }, (_, i) => ({ fieldType: "TXT", target: `token-${i}`, ttl: 300 }));
const shapes: [string, (n: number) => ZoneRecordSpec[]][] = [
  ["TXT records at one name (the issue's case)", txtAtApex],
  ["A records at distinct names", (n) => Array.from({ length: n }, (_, i) => ({ subDomain: `h${i}`, fieldType: "A", target: "203.0.113.7" }))],
  ["MX records at one name, each with its own TTL (every one named in the problem)", (n) => Array.from({ length: n }, (_, i) => ({ fieldType: "MX", target: `10 mx${i}.example.net.`, ttl: 60 + i }))],
  ["exact duplicates at one name", (n) => Array.from({ length: n }, () => ({ fieldType: "TXT", target: "same" }))],
  ["a CNAME beside records, and SPF policies at one name", (n) => [{ subDomain: "www", fieldType: "CNAME", target: "x.example.net." }, ...Array.from({ length: n }, (_, i) => ({ subDomain: "www", fieldType: "TXT", target: `v=spf1 ip4:192.0.2.${i % 250} -all ${i}` }))]],
];

describe("the whole-zone check", () => {
  it.each(shapes)("walks in proportion to the records: %s", (_name, shape) => {
    const ratio = growth((n) => {
      const declared = declareRecords("example.com", shape(n));
      return () => checkZone("example.com", declared);
    });
    expect(ratio).toBeLessThan(6);
  });

  it("still finds the problems it counts over (the counted runs do the work)", () => {
    expect(checkZone("example.com", declareRecords("example.com", shapes[2][1](3)))).toHaveLength(1);
    expect(checkZone("example.com", declareRecords("example.com", shapes[3][1](3)))).toHaveLength(1);
    expect(checkZone("example.com", declareRecords("example.com", shapes[4][1](3)))).toHaveLength(2);
  });
});

describe("reading and declaring a zone file", () => {
  const bind = (specs: ZoneRecordSpec[]) => `$ORIGIN example.com.\n${specs.map((r) => `@ ${r.ttl ?? 0} IN ${r.fieldType} "${r.target}"`).join("\n")}\n`;
  const yamlMap = (specs: ZoneRecordSpec[]) => `zoneName: example.com\nrecords:\n${specs.map((r, i) => `  r${i}: { fieldType: ${r.fieldType}, target: "${r.target}", ttl: ${r.ttl ?? 0} }`).join("\n")}\n`;

  it("walks in proportion to the records: BIND, read, declared and checked", () => {
    expect(growth((n) => {
      const text = bind(txtAtApex(n));
      return () => checkZone("example.com", declareRecords("example.com", readBindZone("zone.db", {}, text).records));
    })).toBeLessThan(6);
  });

  it("walks in proportion to the records: YAML with a map of labels, read, declared and checked", () => {
    expect(growth((n) => {
      const text = yamlMap(txtAtApex(n));
      return () => checkZone("example.com", declareRecords("example.com", readYamlZone("records.yaml", text).records));
    })).toBeLessThan(6);
  });
});
