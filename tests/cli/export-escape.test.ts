/**
 * `export` writes record data into a TypeScript program, a YAML file and a zone file: hostile values (U+2028,
 * which ends a `//` comment; CR, LF, U+0085, U+2029; `*\/`; quotes and backslashes) must stay data. The provider
 * refuses control characters, so records holding them are written commented out, and must stay comments. The program
 * is transpiled and run in a sandbox whose only module is a recorder of ZoneRecord declarations: it must declare
 * exactly the records and do nothing else. The YAML and the zone file are read back by Zone's own readers.
 */
import { encodeTxt, type ReadRecord } from "../../provider/records";
import { readBindZone } from "../../sdk/zone/bind-parser";
import { readYamlZone } from "../../sdk/zone/yaml-source";
import { exportedZone } from "../../cli/export/exported-zone";
import { renderBind } from "../../cli/export/render-bind";
import { renderTypeScript } from "../../cli/export/render-ts";
import { renderYaml } from "../../cli/export/render-yaml";
import { runExportedProgram } from "./exported-program";

/** What runs if a value escapes its comment or string. */
const PAYLOAD = "globalThis.escaped = 1; //";

const record = (recordId: string, subDomain: string, fieldType: ReadRecord["fieldType"], target: string, ttl = 0): ReadRecord =>
  ({ recordId, zoneName: "example.com", subDomain, fieldType, target, ttl }) as ReadRecord;

/** Accepted by the provider's check: declared, each value hostile (a control character is refused, see below). */
const ACCEPTED: ReadRecord[] = [
  record("1", "", "CAA", `0 issue "letsencrypt.org; account=1 */ ${PAYLOAD}"`),
  record("2", "", "TXT", encodeTxt(`a "quote", a \\ backslash; */ ${PAYLOAD} é 😀`)),
  record("3", "_dmarc", "TXT", encodeTxt(`v=DMARC1; p=none; rua=mailto:d@example.com */ ${PAYLOAD}`)),
  record("4", "x", "TXT", encodeTxt(`"quoted" "strings" as a value`), 600),
];
/**
 * Refused by the provider's check, as OVH may hold them: written commented out, with the reason. The reason of a
 * value refused for its meaning quotes it (5); that of a control character names the character instead (6-10).
 */
const REFUSED: ReadRecord[] = [
  record("5", "", "CAA", `0 iodef "mailto:x */ ${PAYLOAD}"`),
  record("6", "", "CAA", `0 iodef "mailto:x\n${PAYLOAD}"`),
  record("7", "", "CAA", `0 iodef "mailto:x\u0085evil: 1 */ ${PAYLOAD}"`),
  record("8", "", "CAA", `0 issue "letsencrypt.org; account=1\u2028${PAYLOAD}"`),
  record("9", "", "TXT", encodeTxt(`a "quote", a \\ backslash; */ ${PAYLOAD}\n${PAYLOAD}\r\u2029\u0085 é 😀`)),
  record("10", "_dmarc", "TXT", encodeTxt(`v=DMARC1; p=none; rua=mailto:d@example.com */\u2028${PAYLOAD}`)),
];
const ZONE = exportedZone("example.com", [...ACCEPTED, ...REFUSED]);

/** The declarations of the accepted records, as Zone's readers give them. */
const EXPECTED = ZONE.records.filter((r) => r.problems.length === 0).map((r) => ({ subDomain: r.subDomain, fieldType: r.fieldType, target: r.target, ttl: r.ttl }));

describe("export with hostile record values", () => {
  it("sees the records as the test means them: 4 accepted, 6 refused, each reason naming the value or the character", () => {
    const refused = ZONE.records.filter((r) => r.problems.length > 0);
    expect(refused.map((r) => Number(r.recordId)).sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(refused.find((r) => r.recordId === "5")?.problems.join()).toContain(PAYLOAD);
    for (const r of refused.filter((r) => r.recordId !== "5")) expect(r.problems.join()).toMatch(/target holds U\+(000A|0085|2028) \(/);
  });

  it("writes a TypeScript program that declares exactly the accepted records and runs nothing else", () => {
    const { diagnostics, declared, globals } = runExportedProgram(renderTypeScript(ZONE, "adopt"));
    expect([diagnostics, globals]).toEqual([[], []]);
    expect(declared).toEqual(ZONE.records.filter((r) => r.problems.length === 0).map((r) => ({ name: r.name, zoneName: "example.com", ...EXPECTED.find((e) => e.target === r.target), adopt: true })));
  });

  it("writes no raw line terminator and no `*/` anywhere in the program", () => {
    const text = renderTypeScript(ZONE, "adopt");
    expect(text.match(/[\r\u2028\u2029\u0085]|\*\//g)).toBeNull();
    expect(text.split("\n").filter((l) => l !== "" && !/^(\/\/ |import |const |new )/.test(l))).toEqual([]);
  });

  it("writes a YAML file that Zone.fromYaml reads into exactly the accepted records", () => {
    const text = renderYaml(ZONE, "adopt");
    expect(text.match(/[\r\u2028\u2029\u0085]/g)).toBeNull();
    const read = readYamlZone("records.yaml", text);
    expect([read.zoneName, read.adopt]).toEqual(["example.com", true]);
    expect(read.records.map(({ source: _s, ...r }) => r)).toEqual(EXPECTED);
  });

  it("writes a zone file that Zone.fromBind reads into exactly the accepted records", () => {
    const text = renderBind(ZONE);
    expect(text.match(/[\r\u2028\u2029\u0085]/g)).toBeNull();
    const read = readBindZone("zone.db", {}, text);
    expect(read.zoneName).toBe("example.com");
    const byMeaning = (rs: { subDomain?: string; fieldType: string; target: string; ttl?: number }[]) =>
      rs.map((r) => `${r.subDomain || "@"} ${r.fieldType} ${JSON.stringify(r.target)} ${r.ttl ?? 0}`).sort();
    expect(byMeaning(read.records.map(({ source: _s, ...r }) => r))).toEqual(byMeaning(EXPECTED));
  });
});
