import {
  ApiRecordError,
  fqdnOf,
  fromApiRecord,
  sameRecord,
  toApiRecordCreate,
  toApiRecordUpdate,
  type ApiRecord,
  type RecordSpec,
} from "../../../provider/records";

const spec: RecordSpec = { zoneName: "example.com", subDomain: "test", fieldType: "TXT", target: "test", ttl: 0 };

/** The create answer quoted in docs/ovh-api.md §5 (dns-lexicon PR #65). */
const created: ApiRecord = { fieldType: "TXT", id: 5390038375, subDomain: "test", target: '"test"', ttl: 0, zone: "example.ovh" };

describe("toApiRecordCreate", () => {
  test("sends all four fields, ttl 0 included", () => {
    expect(toApiRecordCreate(spec)).toEqual({ fieldType: "TXT", subDomain: "test", target: "test", ttl: 0 });
  });

  test("sends an empty subDomain for the apex", () => {
    expect(toApiRecordCreate({ ...spec, subDomain: "" }).subDomain).toBe("");
  });
});

describe("toApiRecordUpdate", () => {
  test("never sends fieldType, which OVH rejects as read-only", () => {
    const body = toApiRecordUpdate({ ...spec, ttl: 300 });
    expect(body).toEqual({ subDomain: "test", target: "test", ttl: 300 });
    expect(body).not.toHaveProperty("fieldType");
  });
});

describe("fromApiRecord", () => {
  test("reads a 10-digit id as a decimal string and keeps OVH's target", () => {
    expect(fromApiRecord(created)).toEqual({
      recordId: "5390038375",
      zoneName: "example.ovh",
      subDomain: "test",
      fieldType: "TXT",
      target: '"test"',
      ttl: 0,
    });
  });

  test("reads a null subDomain as the apex and a null ttl as the zone default", () => {
    const read = fromApiRecord({ ...created, subDomain: null, ttl: null, zone: "Example.OVH", fieldType: "txt" });
    expect(read).toMatchObject({ subDomain: "", ttl: 0, zoneName: "example.ovh", fieldType: "TXT" });
  });

  test("keeps the largest safe id exactly", () => {
    expect(fromApiRecord({ ...created, id: Number.MAX_SAFE_INTEGER }).recordId).toBe("9007199254740991");
  });

  test.each([
    [Number.MAX_SAFE_INTEGER + 1, "9007199254740992"],
    [0, "0"],
    [-5, "-5"],
    [1.5, "1.5"],
  ])("refuses id %d", (id, shown) => {
    expect(() => fromApiRecord({ ...created, id })).toThrow(new ApiRecordError(`OVH returned record id ${shown}, which is not a positive integer below 2^53; the record cannot be tracked by it`));
  });

  test("refuses a fieldType outside the 20", () => {
    expect(() => fromApiRecord({ ...created, fieldType: "HINFO" })).toThrow('OVH returned record 5390038375 with fieldType "HINFO", which this provider does not know');
  });

  test("round-trips a spec through create body and API answer", () => {
    const mx: RecordSpec = { zoneName: "example.com", subDomain: "", fieldType: "MX", target: "10 mail.example.com.", ttl: 3600 };
    const answer: ApiRecord = { id: 4294967297, zone: "example.com", ...toApiRecordCreate(mx) };
    const { recordId, ...read } = fromApiRecord(answer);
    expect(recordId).toBe("4294967297");
    expect(read).toEqual(mx);
  });
});

describe("fqdnOf", () => {
  test.each([
    ["example.com", "www", "www.example.com"],
    ["example.com", "", "example.com"],
    ["example.com.", "_dmarc", "_dmarc.example.com"],
    ["example.com", "*.shop", "*.shop.example.com"],
  ])("%s + %j is %s", (zone, sub, expected) => {
    expect(fqdnOf(zone, sub)).toBe(expected);
  });
});

describe("sameRecord", () => {
  test("matches OVH's quoted copy of a TXT record", () => {
    expect(sameRecord({ ...spec, zoneName: "example.ovh" }, created)).toBe(true);
  });

  test("matches subDomain and host case-insensitively and a null apex/ttl", () => {
    const mine: RecordSpec = { zoneName: "example.com", subDomain: "", fieldType: "MX", target: "10 mail.example.com.", ttl: 0 };
    expect(sameRecord(mine, { id: 1, zone: "example.com", subDomain: null, fieldType: "MX", target: "10 MAIL.example.com", ttl: null })).toBe(true);
    expect(sameRecord({ ...mine, subDomain: "www" }, { id: 1, zone: "example.com", subDomain: "WWW", fieldType: "MX", target: "10 mail.example.com.", ttl: 0 })).toBe(true);
  });

  test.each([
    ["zone", { zone: "other.ovh" }],
    ["subDomain", { subDomain: "test2" }],
    ["fieldType", { fieldType: "SPF" }],
    ["target", { target: '"test2"' }],
    ["ttl", { ttl: 60 }],
  ])("does not match a different %s", (_field, change) => {
    expect(sameRecord({ ...spec, zoneName: "example.ovh" }, { ...created, ...change })).toBe(false);
  });
});
