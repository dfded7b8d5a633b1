import { childKeys, previousKeys, shortDigest } from "../../sdk/zone/naming";
import { declareRecords, type ZoneRecordSpec } from "../../sdk/zone/records";

const keys = (specs: ZoneRecordSpec[]) => childKeys(declareRecords("example.com", specs));

describe("childKeys", () => {
  const mx1 = { fieldType: "MX", target: "10 mx1.example.com." };
  const mx2 = { fieldType: "MX", target: "20 mx2.example.com." };
  const www = { subDomain: "www", fieldType: "A", target: "203.0.113.10" };

  it("names a lone record by name and type, and records sharing both by a digest of the canonical target", () => {
    expect(keys([www, mx1, mx2])).toEqual(["www-A", `@-MX-${shortDigest("10 mx1.example.com")}`, `@-MX-${shortDigest("20 mx2.example.com")}`]);
    expect(shortDigest("10 mx1.example.com")).toBe("e7b739bf"); // SHA-256, first 8 hex digits: keys must never drift
  });

  it("gives two spellings of one target the same key", () => {
    expect(keys([{ fieldType: "MX", target: "10 MX1.example.com." }, mx2])).toEqual(keys([mx1, mx2]));
    expect(keys([{ fieldType: "MX", target: "10 MX1.example.com." }, mx2])[0]).toBe("@-MX-e7b739bf");
  });

  it("gives the same keys whatever the order, and inserting or removing one record renames no other of another RRset", () => {
    const txt = { fieldType: "TXT", target: "hello" };
    const before = new Set(keys([www, mx1, mx2, txt]));
    expect(new Set(keys([txt, mx2, www, mx1]))).toEqual(before);
    const inserted = keys([www, mx1, mx2, txt, { subDomain: "api", fieldType: "A", target: "203.0.113.20" }]);
    expect(inserted.filter((k) => !before.has(k))).toEqual(["api-A"]);
    const removed = keys([www, mx1, mx2]);
    expect([...before].filter((k) => !removed.includes(k))).toEqual(["@-TXT"]);
  });

  it("keeps the key of a record in a shared RRset when another of that RRset is removed or added", () => {
    const mx3 = { fieldType: "MX", target: "30 mx3.example.com." };
    expect(keys([mx1, mx2, mx3]).slice(0, 2)).toEqual(keys([mx1, mx2]));
  });
});

describe("previousKeys (the alias that carries a child across a sibling's arrival or departure)", () => {
  const mx1 = { fieldType: "MX", target: "10 mx1.example.com." };
  const mx2 = { fieldType: "MX", target: "20 mx2.example.com." };
  const www = { subDomain: "www", fieldType: "A", target: "203.0.113.10" };
  const previous = (specs: ZoneRecordSpec[]) => {
    const declared = declareRecords("example.com", specs);
    return previousKeys(declared, childKeys(declared));
  };

  it("gives a lone record the key it had beside siblings (its own digest), and none to records that have siblings", () => {
    expect(previous([www, mx1])).toEqual([`www-A-${shortDigest("203.0.113.10")}`, "@-MX-e7b739bf"]);
    expect(previous([mx1, www, mx2])).toEqual([undefined, "www-A-" + shortDigest("203.0.113.10"), undefined]);
  });
});
