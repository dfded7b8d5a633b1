import type { ZoneRecordInfo } from "../../provider/zone-record";
import { declareRecords, type ZoneRecordSpec } from "../../sdk/zone/records";
import { classifyListed, findUnmanaged } from "../../sdk/zone/unmanaged";

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
    // The oldest is presumed held: named apart, for the deleter to delete only if no record of the Zone holds it.
    expect(names(classifyListed(declared, zone).presumedHeld)).toEqual(["www A 203.0.113.10"]);
    expect(classifyListed(declare({ subDomain: "www", fieldType: "A", target: "203.0.113.10" }), zone).presumedHeld).toEqual([]);
  });

  it("never counts the owner registry's claim records, nor a record an owner claims (another stack's, or a top-level one)", () => {
    const theirs = listed("mx", "A", "203.0.113.5");
    const stray = listed("mx", "A", "203.0.113.6");
    const declaredMine = listed("www", "A", "203.0.113.10");
    const claim = listed("_ovhdns-owner", "TXT", `"v=ovhdns1 owner=team-b ids=${theirs.recordId},${declaredMine.recordId}"`);
    const zone = [theirs, stray, declaredMine, claim];
    // www is declared and claimed: it still matches its declaration, so the stray beside theirs stays unmanaged.
    expect(names(findUnmanaged(declare({ subDomain: "www", fieldType: "A", target: "203.0.113.10" }), zone))).toEqual(["mx A 203.0.113.6"]);
    // A claimed record is matched before it is skipped: a declared www A that is changing target keeps
    // "changing" for the unclaimed leftover, not for the claimed one.
    const claimedTwin = listed("www", "A", "203.0.113.11");
    const zone2 = [claimedTwin, listed("www", "A", "203.0.113.12"), listed("_ovhdns-owner", "TXT", `v=ovhdns1 owner=team-b ids=${claimedTwin.recordId}`)];
    expect(names(findUnmanaged(declare({ subDomain: "www", fieldType: "A", target: "203.0.113.20" }), zone2))).toEqual([]);
  });

  it("never counts OVH's apex NS records", () => {
    expect(findUnmanaged(declare(), [listed("", "NS", "dns1.ovh.net."), listed("sub", "NS", "ns.other.net.")]).map((r) => r.subDomain)).toEqual(["sub"]);
  });
});
