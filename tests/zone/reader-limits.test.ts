/**
 * The readers' limits (docs/zone.md, "Limits"): each refused while reading, with a message naming the limit and,
 * where it can be raised, how. Files are real files in a temporary directory, so the size check is on the file.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readBindZone } from "../../sdk/zone/bind-parser";
import { MAX_ENTRY_CHARS, MAX_FILE_BYTES, MAX_RECORDS, MAX_VALUE_CHARS } from "../../sdk/zone/limits";
import { readYamlZone } from "../../sdk/zone/yaml-source";
import { Zone } from "../../sdk/zone";

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "reader-limits-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const bindRecords = (n: number) => `$ORIGIN example.com.\n${Array.from({ length: n }, (_, i) => `h${i} 300 IN A 203.0.113.${i % 250}`).join("\n")}\n`;
const yamlRecords = (n: number) => `zoneName: example.com\nrecords:\n${Array.from({ length: n }, (_, i) => `  - { subDomain: h${i}, fieldType: A, target: 203.0.113.${i % 250} }`).join("\n")}\n`;

describe("the readers' file size limit", () => {
  it("refuses a file over 8 MiB from its size alone (a 64 MiB sparse file), naming the limit and how to raise it", () => {
    const file = path.join(dir, "huge.db");
    fs.writeFileSync(file, "");
    fs.truncateSync(file, 64 * 1024 * 1024);
    expect(() => readBindZone(file)).toThrow(
      `${file}:1: the file is 67108864 bytes, over the limit of ${MAX_FILE_BYTES} (limits.maxFileBytes): nothing was read; ` +
        `split the zone, or raise the limit: Zone.fromBind(file, { limits: { maxFileBytes: ${2 * MAX_FILE_BYTES} } })`,
    );
    expect(() => readYamlZone(file)).toThrow(/the file is 67108864 bytes, over the limit of 8388608 \(limits\.maxFileBytes\).*Zone\.fromYaml\(file, \{ limits: \{ maxFileBytes: 16777216 \} \}\)/);
  });

  it("takes a lower or higher limit from the options, and refuses text given directly as it would the file", () => {
    const file = write("small.db", bindRecords(3));
    const size = fs.statSync(file).size;
    expect(() => readBindZone(file, { limits: { maxFileBytes: size - 1 } })).toThrow(`the file is ${size} bytes, over the limit of ${size - 1} (limits.maxFileBytes)`);
    expect(readBindZone(file, { limits: { maxFileBytes: size } }).records).toHaveLength(3);
    expect(() => readBindZone("given.db", { limits: { maxFileBytes: size - 1 } }, bindRecords(3))).toThrow("given.db:1: the file is");
    const yaml = write("small.yaml", yamlRecords(3));
    expect(() => readYamlZone(yaml, undefined, { limits: { maxFileBytes: 10 } })).toThrow(`over the limit of 10 (limits.maxFileBytes)`);
    expect(() => readYamlZone("given.yaml", yamlRecords(3), { limits: { maxFileBytes: 10 } })).toThrow("given.yaml:1: the file is");
  });

  it("refuses a limit that is not a positive whole number, naming it", () => {
    expect(() => readBindZone("zone.db", { limits: { maxRecords: 0 } }, "")).toThrow("zone.db:1: limits.maxRecords is 0: use a whole number, 1 or more");
    expect(() => readYamlZone("r.yaml", "", { limits: { maxFileBytes: 1.5 } })).toThrow("r.yaml:1: limits.maxFileBytes is 1.5: use a whole number, 1 or more");
  });

  it("reaches the program as Zone.fromBind's and Zone.fromYaml's error, with the limit and how to raise it", () => {
    const file = write("three.yaml", yamlRecords(3));
    expect(() => Zone.fromYaml(file, { limits: { maxRecords: 2 } })).toThrow(/limits\.maxRecords.*Zone\.fromYaml\(file, \{ limits: \{ maxRecords: 4 \} \}\)/);
    expect(Zone.fromYaml(file).records).toHaveLength(3);
    expect(() => Zone.fromBind(write("three.db", bindRecords(3)), { limits: { maxRecords: 2 } })).toThrow(/three\.db:4: more than 2 records/);
  });
});

describe("the readers' record count limit", () => {
  it("stops a BIND file at the record past the limit, naming its line, the limit and how to raise it", () => {
    expect(() => readBindZone("zone.db", { limits: { maxRecords: 2 } }, bindRecords(3))).toThrow(
      "zone.db:4: more than 2 records (limits.maxRecords), the most one file may declare: reading stopped here; " +
        "split the zone, or raise the limit: Zone.fromBind(file, { limits: { maxRecords: 4 } })",
    );
    expect(readBindZone("zone.db", { limits: { maxRecords: 3 } }, bindRecords(3)).records).toHaveLength(3);
  });

  it("stops a YAML file at the first record past the limit, at the line it starts", () => {
    expect(() => readYamlZone("r.yaml", yamlRecords(3), { limits: { maxRecords: 2 } })).toThrow(
      "r.yaml:5: more than 2 records (limits.maxRecords), the most one file may declare: reading stopped here; " +
        "split the zone, or raise the limit: Zone.fromYaml(file, { limits: { maxRecords: 4 } })",
    );
  });

  // What follows the record past the limit is never parsed: broken YAML there is not reported, the count is.
  const broken = "  - { fieldType: TXT, target: [unclosed\nzoneName: [also broken\n";
  it("stops reading there: what follows is not parsed (the line-by-line reader)", () => {
    expect(() => readYamlZone("r.yaml", yamlRecords(3) + broken, { limits: { maxRecords: 2 } })).toThrow(/^r\.yaml:5: more than 2 records \(limits\.maxRecords\)/);
    const blocks = `zoneName: example.com\nrecords:\n${["a", "b", "c"].map((k) => `  ${k}:\n    fieldType: A\n    target: 203.0.113.1\n`).join("")}${broken}`;
    expect(() => readYamlZone("r.yaml", blocks, { limits: { maxRecords: 2 } })).toThrow(/^r\.yaml:9: more than 2 records/);
  });

  it("stops reading there in a file the yaml package reads (an anchor), in a list, a map and a flow list over lines", () => {
    const anchored = yamlRecords(3).replace("- { subDomain: h0", "- &first { subDomain: h0");
    expect(() => readYamlZone("r.yaml", anchored, { limits: { maxRecords: 2 } })).toThrow(/^r\.yaml:5: more than 2 records \(limits\.maxRecords\)/);
    expect(() => readYamlZone("r.yaml", anchored + broken, { limits: { maxRecords: 2 } })).toThrow(/^r\.yaml:5: more than 2 records \(limits\.maxRecords\)/);
    const map = `zoneName: example.com\nrecords:\n  a: &x { fieldType: A, target: 203.0.113.1 }\n  b: { fieldType: A, target: 203.0.113.2 }\n  c:\n    fieldType: A\n${broken}`;
    expect(() => readYamlZone("r.yaml", map, { limits: { maxRecords: 2 } })).toThrow(/^r\.yaml:5: more than 2 records/);
    const flow = `zoneName: example.com\nrecords: [\n  { fieldType: A, target: 203.0.113.1 },\n  { fieldType: A, target: 203.0.113.2 },\n  { fieldType: A, target: 203.0.113.3 },\n${broken}`;
    expect(() => readYamlZone("r.yaml", flow, { limits: { maxRecords: 2 } })).toThrow(/^r\.yaml:5: more than 2 records/);
    const json = `${JSON.stringify({ zoneName: "example.com", records: [1, 2, 3].map((i) => ({ fieldType: "A", target: `203.0.113.${i}` })) }, null, 2)}\n${broken}`;
    expect(() => readYamlZone("r.json", json, { limits: { maxRecords: 2 } })).toThrow(/^r\.json:12: more than 2 records/);
    // One line holds at most MAX_ENTRY_CHARS: a flow list on one line is counted once parsed.
    expect(() => readYamlZone("r.yaml", '{"zoneName": "example.com", "records": [{"fieldType": "A"}, {"fieldType": "A"}, {"fieldType": "A"}]}', { limits: { maxRecords: 2 } }))
      .toThrow(/^r\.yaml:1: more than 2 records/);
    expect(readYamlZone("r.yaml", anchored, { limits: { maxRecords: 3 } }).records).toHaveLength(3);
  });

  it(`holds ${MAX_RECORDS} records by default and refuses one more`, () => {
    expect(() => readBindZone("zone.db", {}, bindRecords(MAX_RECORDS + 1))).toThrow(`zone.db:${MAX_RECORDS + 2}: more than ${MAX_RECORDS} records (limits.maxRecords)`);
    expect(() => readYamlZone("r.yaml", yamlRecords(MAX_RECORDS + 1))).toThrow(`r.yaml:${MAX_RECORDS + 3}: more than ${MAX_RECORDS} records (limits.maxRecords)`);
  });
});

describe("the readers' value size limit", () => {
  it("refuses a BIND line longer than the limit before scanning it, and an entry that grows past it across parentheses", () => {
    const long = `$ORIGIN example.com.\nbig TXT "${"x".repeat(MAX_ENTRY_CHARS)}"\n`;
    expect(() => readBindZone("zone.db", {}, long)).toThrow(
      `zone.db:2: the entry is ${MAX_ENTRY_CHARS + 10} characters long, over the limit of ${MAX_ENTRY_CHARS}: a record value holds at most ` +
        `${MAX_VALUE_CHARS} characters as written (4096 bytes of text, each written as a \\DDD escape at worst); shorten it`,
    );
    const parts = Array.from({ length: 20 }, () => `  "${"y".repeat(1000)}"`).join("\n");
    expect(() => readBindZone("zone.db", {}, `$ORIGIN example.com.\nbig TXT (\n${parts}\n)\n`)).toThrow(/^zone\.db:2: the entry is \d+ characters long, over the limit of 17408/);
  });

  it("reads a value at the limit as written: 4096 bytes, each as a \\DDD escape", () => {
    const escaped = "\\120".repeat(4096);
    expect(escaped.length).toBe(MAX_VALUE_CHARS);
    const [record] = readBindZone("zone.db", {}, `$ORIGIN example.com.\nbig 300 IN TXT "${escaped}"\n`).records;
    expect(record.target).toBe("x".repeat(4096));
  });

  it("refuses a YAML line longer than the limit before parsing, and a longer value spread over lines as it is read", () => {
    expect(() => readYamlZone("r.yaml", `zoneName: example.com\nrecords:\n  - { fieldType: TXT, target: "${"x".repeat(MAX_ENTRY_CHARS)}" }\n`))
      .toThrow(/^r\.yaml:3: the line is 17442 characters long, over the limit of 17408/);
    const folded = Array.from({ length: 20 }, () => `      ${"z".repeat(1000)}`).join("\n");
    expect(() => readYamlZone("r.yaml", `zoneName: example.com\nrecords:\n  big:\n    fieldType: TXT\n    target: >-\n${folded}\n`)).toThrow(
      `r.yaml:5: record big: target is 20019 characters long, over the limit of ${MAX_VALUE_CHARS} for a record value as written ` +
        "(4096 bytes of text, each written as a \\DDD escape at worst); shorten it",
    );
  });
});

describe("the readers' nesting limit", () => {
  it("refuses parentheses inside parentheses in a BIND file (they do not nest)", () => {
    expect(() => readBindZone("zone.db", {}, "$ORIGIN example.com.\nmx MX ( 10\n ( mail ) )\n")).toThrow(
      "zone.db:3: '(' inside '(': parentheses do not nest in a zone file (RFC 1035 5.1); remove the inner pair",
    );
  });

  it("refuses a YAML value that is a collection, and a deeply nested one without exhausting the stack", () => {
    expect(() => readYamlZone("r.yaml", "zoneName: example.com\nrecords:\n  - { fieldType: TXT, target: [a, [b]] }\n")).toThrow("r.yaml:3: record #1: target must be a single value");
    const deep = `zoneName: example.com\nrecords:\n  - { fieldType: TXT, target: ${"[".repeat(5000)}${"]".repeat(5000)} }\n`;
    expect(() => readYamlZone("r.yaml", deep)).toThrow(/^r\.yaml: (not valid YAML|1 problem)/);
  });
});
