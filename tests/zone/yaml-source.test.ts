import { readYamlZone } from "../../sdk/zone/yaml-source";

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
