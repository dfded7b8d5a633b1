import type { ZoneRecordInfo } from "../../provider/zone-record";
import { declareRecords, type ZoneRecordSpec } from "../../sdk/zone/records";
import { findUnmanaged } from "../../sdk/zone/unmanaged";

let nextId = 100;
const listed = (subDomain: string, fieldType: string, target: string): ZoneRecordInfo =>
  ({ recordId: String(nextId++), zoneName: "example.com", subDomain, fieldType, target, ttl: 0, fqdn: "" });
const declare = (...specs: ZoneRecordSpec[]) => declareRecords("example.com", specs);
const names = (rs: ZoneRecordInfo[]) => rs.map((r) => `${r.subDomain || "@"} ${r.fieldType} ${r.target}`);

describe("findUnmanaged", () => {
  it("names the records nothing declares, matching declared ones by content whatever OVH's spelling", () => {
    const zone = [listed("", "TXT", '"v=spf1 mx -all"'), listed("www", "A", "203.0.113.10"), listed("old", "A", "203.0.113.99"), listed("", "MX", "10 MX1.example.com.")];
    const declared = declare({ fieldType: "TXT", target: "v=spf1 mx -all" }, { subDomain: "www", fieldType: "A", target: "203.0.113.10" }, { fieldType: "MX", target: "10 mx1.example.com." });
    expect(names(findUnmanaged(declared, zone))).toEqual(["old A 203.0.113.99"]);
  });

  it("counts a duplicate of a declared record once: the second copy is unmanaged", () => {
    const zone = [listed("www", "A", "203.0.113.10"), listed("www", "A", "203.0.113.10")];
    expect(findUnmanaged(declare({ subDomain: "www", fieldType: "A", target: "203.0.113.10" }), zone)).toEqual([zone[1]]);
  });

  it("leaves alone the record of an RRset whose declared target is changing (its child holds it)", () => {
    const zone = [listed("www", "A", "203.0.113.10"), listed("www", "A", "203.0.113.11")];
    const declared = declare({ subDomain: "www", fieldType: "A", target: "203.0.113.20" });
    expect(names(findUnmanaged(declared, zone))).toEqual(["www A 203.0.113.11"]);
  });

  it("never counts OVH's apex NS records", () => {
    expect(findUnmanaged(declare(), [listed("", "NS", "dns1.ovh.net."), listed("sub", "NS", "ns.other.net.")]).map((r) => r.subDomain)).toEqual(["sub"]);
  });
});
