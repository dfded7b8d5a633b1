import { checkRecordInputs } from "../../../provider/records";
import { ZoneRecordProvider } from "../../../provider/zone-record/provider";
import { checkZoneRecord } from "../../../provider/zone-record/check";

const www = { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "192.0.2.1", ttl: 300 };
const TYPES = "A, AAAA, CAA, CNAME, DKIM, DMARC, DNAME, HTTPS, LOC, MX, NAPTR, NS, PTR, RP, SPF, SRV, SSHFP, SVCB, TLSA, TXT";

describe("the provider's check", () => {
  test("refuses a fieldType outside the 20 with the reason a person can act on", async () => {
    const result = await new ZoneRecordProvider().check({}, { ...www, fieldType: "hinfo" });
    expect(result.failures).toEqual([
      { property: "fieldType", reason: `fieldType "HINFO" is not a record type OVH offers (OVH does not offer HINFO); use one of ${TYPES}` },
    ]);
  });

  test("takes the types OVH added in 2025-12, in any case", async () => {
    for (const [fieldType, target] of [["svcb", "1 svc.example.com. alpn=h2"], ["https", "1 . alpn=h3"], ["rp", "hostmaster.example.com. ."]]) {
      const result = await new ZoneRecordProvider().check({}, { ...www, fieldType, target });
      expect(result.failures).toEqual([]);
    }
  });

  test("reports the record's inputs exactly as checkRecordInputs does, each failure once", () => {
    const bad = { zoneName: "example.com", subDomain: 7, fieldType: "MX", target: "10 mail", ttl: "soon" };
    const expected = checkRecordInputs(bad).failures;
    expect(expected.map((f) => f.property)).toEqual(["subDomain", "ttl", "target"]);
    expect(checkZoneRecord(bad).failures).toEqual(expected);
  });

  test("takes an owner name, refuses a malformed one naming owner, and keeps the registry's name for the registry", () => {
    expect(checkZoneRecord({ ...www, owner: "dns/prod" })).toMatchObject({ inputs: { owner: "dns/prod" }, failures: [] });
    expect(checkZoneRecord({ ...www, owner: "" }).inputs.owner).toBeUndefined();
    const bad = checkZoneRecord({ ...www, owner: "team a" }).failures;
    expect(bad).toHaveLength(1);
    expect(bad[0].property).toBe("owner");
    expect(bad[0].reason).toContain(`"team a" is not an owner name`);
    expect(bad[0].reason).toContain("ovhdns:owner");
    const reserved = checkZoneRecord({ ...www, subDomain: "_OVHDNS-owner", fieldType: "TXT", target: "x" }).failures;
    expect(reserved.map((f) => f.property)).toEqual(["subDomain"]);
    expect(reserved[0].reason).toContain("owner registry");
  });

  test("adds what only a ZoneRecord has: adopt and unknown keys", () => {
    const { failures } = checkZoneRecord({ ...www, adopt: "yes", priority: 10 });
    expect(failures.map((f) => f.property)).toEqual(["priority", "adopt"]);
  });

  test("takes waitUntilPublished as a boolean, and refuses anything else naming the field and what true does", () => {
    expect(checkZoneRecord({ ...www, waitUntilPublished: true })).toMatchObject({ inputs: { waitUntilPublished: true }, failures: [] });
    expect(checkZoneRecord({ ...www, waitUntilPublished: "yes" }).failures).toEqual([{
      property: "waitUntilPublished",
      reason: 'waitUntilPublished must be true or false, not "yes": true makes each change return only once a zone refresh covering it succeeded',
    }]);
  });
});
