import { readYamlZone } from "../../sdk/zone/yaml-source";
import { readYamlFast } from "../../sdk/zone/yaml-fast";

const read = (text: string) => readYamlZone("records.yaml", text);

describe("readYamlZone", () => {
  it("reads the records map of examples/gitops, each record with its file:line and label", () => {
    const zone = read(["zoneName: example.com", "records:", "  web:", '    subDomain: ""', "    fieldType: A", "    target: 203.0.113.10", "    ttl: 3600", "  mail:", "    fieldType: MX", "    target: 10 mx1.example.com."].join("\n"));
    expect(zone).toEqual({
      zoneName: "example.com",
      records: [
        { source: "records.yaml:4 (web)", subDomain: "", fieldType: "A", target: "203.0.113.10", ttl: 3600 },
        { source: "records.yaml:9 (mail)", fieldType: "MX", target: "10 mx1.example.com." },
      ],
    });
  });

  it("reads a list of records too", () => {
    expect(read("zoneName: example.com\nrecords:\n  - { fieldType: TXT, target: hello }\n").records).toEqual([{ source: "records.yaml:3 (#1)", fieldType: "TXT", target: "hello" }]);
  });

  it("refuses every problem at once, each with its line", () => {
    const text = ["zoneName: example.com", "record: {}", "records:", "  web:", "    fieldType: A", "    targt: 1.2.3.4", "  old:", "    fieldType: A", "    target: 1.2.3.4", "    importId: '42'", "  bad: 7"].join("\n");
    expect(() => read(text)).toThrow(
      [
        "records.yaml: 4 problem(s):",
        '  - records.yaml:2: unknown key "record"; the file takes zoneName, adopt, records and redirections',
        '  - records.yaml:6: record web: unknown field "targt"; a record takes subDomain, fieldType, target and ttl',
        '  - records.yaml:10: record old: importId is not taken by a Zone; set "adopt: true" on the Zone to take over existing records',
        "  - records.yaml:11: record bad must be a map with fieldType, target and optionally subDomain, ttl",
      ].join("\n"),
    );
  });

  it("refuses a file without zoneName or records, and broken YAML, with lines", () => {
    expect(() => read("records: []\n")).toThrow('records.yaml:1: zoneName must be the zone, e.g. "zoneName: example.com"');
    expect(() => read("zoneName: example.com\n")).toThrow("records.yaml:1: records must be a map (label: record) or a list of records");
    expect(() => read("zoneName: example.com\nrecords:\n  web: [\n")).toThrow(/records\.yaml: not valid YAML:\n {2}- records\.yaml:\d+: /);
    expect(() => read("zoneName: a\nzoneName: b\nrecords: []\n")).toThrow(/records\.yaml:2: Map keys must be unique/);
  });

  it("keeps subDomain, fieldType and target as written, where YAML would read a number, a boolean or null; ttl stays a number", () => {
    const text = ["zoneName: example.com", "records:", "  - { subDomain: 10, fieldType: TXT, target: 1.10, ttl: 300 }", "  - { subDomain: true, fieldType: TXT, target: 0x1F }",
      "  - { subDomain: null, fieldType: TXT, target: 1e3 }", "  - { subDomain: , fieldType: A, target: '1.10' }"].join("\n");
    expect(read(text).records.map(({ source: _s, ...r }) => r)).toEqual([
      { subDomain: "10", fieldType: "TXT", target: "1.10", ttl: 300 },
      { subDomain: "true", fieldType: "TXT", target: "0x1F" },
      { subDomain: "null", fieldType: "TXT", target: "1e3" },
      { subDomain: "", fieldType: "A", target: "1.10" },
    ]);
  });

  it("reads the Zone's adopt, as export --format yaml writes it, and refuses one that is not true or false", () => {
    expect(read("zoneName: example.com\nadopt: true\nrecords: []\n")).toEqual({ zoneName: "example.com", adopt: true, records: [] });
    expect(read("zoneName: example.com\nrecords: []\n")).toEqual({ zoneName: "example.com", records: [] });
    expect(() => read("zoneName: example.com\nadopt: yes\nrecords: []\n")).toThrow('records.yaml:2: adopt must be true or false (the Zone\'s adopt), e.g. "adopt: true"');
  });
});

/**
 * What a hostile records file cannot do, through both readers: the line-by-line one (yaml-fast.ts) for the usual
 * shape and the `yaml` package (yaml-full.ts) for the rest; `readYamlFast` says which one reads each file.
 */
describe("readYamlZone on hostile files", () => {
  const tooMany = () => new Error("unexpected");
  const fastReads = (text: string) => readYamlFast(text, 100, tooMany) !== undefined;

  it("never expands an alias: a billion-laughs file is refused on its shape, the alias as not a single value", () => {
    let bomb = "zoneName: example.com\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (let i = 1; i < 10; i++) bomb += `lol${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]\n`;
    bomb += "records:\n  - { fieldType: TXT, target: *a9 }\n";
    expect(fastReads(bomb)).toBe(false);
    const error = (() => { try { read(bomb); } catch (err) { return err as Error; } })();
    expect(error?.message).toMatch(/^records\.yaml: 11 problem\(s\):\n {2}- records\.yaml:2: unknown key "lol0"/);
    expect(error?.message).toContain("records.yaml:13: record #1: target must be a single value");
  });

  it("reads a !!js/function tag as its text, never as code", () => {
    const text = "zoneName: example.com\nrecords:\n  - { fieldType: TXT, target: !!js/function 'function () { globalThis.pwned = true }' }\n";
    expect(fastReads(text)).toBe(false);
    const [record] = read(text).records;
    expect(record.target).toBe("function () { globalThis.pwned = true }");
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it("refuses __proto__ as a root key or a field, keeps it as a mere label, and pollutes no prototype", () => {
    for (const style of ["  __proto__: { fieldType: TXT, target: x, __proto__: { polluted: yes } }\n", "  __proto__: &p { fieldType: TXT, target: x, __proto__: { polluted: yes } }\n"]) {
      const text = `zoneName: example.com\n__proto__: { polluted: yes }\nrecords:\n${style}`;
      expect(fastReads(text)).toBe(false);
      expect(() => read(text)).toThrow([
        "records.yaml: 2 problem(s):",
        '  - records.yaml:2: unknown key "__proto__"; the file takes zoneName, adopt, records and redirections',
        '  - records.yaml:4: record __proto__: unknown field "__proto__"; a record takes subDomain, fieldType, target and ttl',
      ].join("\n"));
    }
    const labelled = "zoneName: example.com\nrecords:\n  __proto__: { fieldType: TXT, target: x }\n  __proto__x: { fieldType: TXT, target: y, __proto__: z }\n";
    expect(fastReads(labelled)).toBe(true);
    expect(() => read(labelled)).toThrow('records.yaml:4: record __proto__x: unknown field "__proto__"');
    expect(read(labelled.split("\n").slice(0, 3).join("\n")).records).toEqual([{ source: "records.yaml:3 (__proto__)", fieldType: "TXT", target: "x" }]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("finds duplicate keys in both readers, at the second one's line, keys compared by their YAML value", () => {
    const records = "  1.0: { fieldType: A, target: 203.0.113.1 }\n  www: { fieldType: A, target: 203.0.113.2, target: 203.0.113.3 }\n  1: { fieldType: A, target: 203.0.113.4 }\n";
    for (const text of [`zoneName: example.com\nrecords:\n${records}`, `zoneName: &z example.com\nrecords:\n${records}`]) {
      expect(() => read(text)).toThrow([
        "records.yaml: 2 problem(s):",
        '  - records.yaml:5: Map keys must be unique: "1" is also at records.yaml:3',
        '  - records.yaml:4: Map keys must be unique: "target" is also at records.yaml:4',
      ].join("\n"));
    }
    expect(fastReads(`zoneName: example.com\nrecords:\n${records}`)).toBe(true);
  });

  it("types plain scalars by YAML 1.2's core schema in both readers: ttl and adopt typed, text fields as written", () => {
    const records = "  - { subDomain: 1.10, fieldType: TXT, target: 0x1F, ttl: 0x10 }\n  - { subDomain: ~, fieldType: TXT, target: .inf, ttl: 1e3 }\n  - { fieldType: TXT, target: x, ttl: '60' }\n";
    for (const head of ["zoneName: example.com\nadopt: True\n", "zoneName: example.com\nadopt: &a True\n"]) {
      expect(fastReads(head + "records:\n" + records)).toBe(!head.includes("&"));
      const zone = read(head + "records:\n" + records);
      expect(zone.adopt).toBe(true);
      expect(zone.records.map(({ source: _s, ...r }) => r)).toEqual([
        { subDomain: "1.10", fieldType: "TXT", target: "0x1F", ttl: 16 },
        { subDomain: "~", fieldType: "TXT", target: ".inf", ttl: 1000 },
        { fieldType: "TXT", target: "x", ttl: "60" },
      ]);
    }
  });
});
