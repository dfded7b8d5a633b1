import { declarationFromExport } from "../../tools/fuzz-lifecycle/exported";

describe("the lifecycle fuzzer reads what export wrote", () => {
  test("a records map with adopt on each record: one adopting ZoneRecord each, named by its key", () => {
    const text = 'zoneName: "example.com"\nrecords:\n  "www-a":\n    subDomain: "www"\n    fieldType: A\n    target: "192.0.2.1"\n    ttl: 300\n    adopt: true\n';
    expect(declarationFromExport(text, "main")).toEqual({ top: [{ name: "www-a", subDomain: "www", fieldType: "A", target: "192.0.2.1", ttl: 300, adopt: true }] });
  });

  test("the Zone-level shape (adopt once at the top): one adopting Zone of those records", () => {
    const text = 'zoneName: "example.com"\nadopt: true\nrecords:\n  "@-MX":\n    subDomain: ""\n    fieldType: "MX"\n    target: "10 mail1.example.com."\n    ttl: 0\n';
    expect(declarationFromExport(text, "zone3")).toEqual({
      top: [],
      zone: { name: "zone3", adopt: true, unmanaged: "warn", records: [{ subDomain: "", fieldType: "MX", target: "10 mail1.example.com.", ttl: 0 }] },
    });
  });
});
