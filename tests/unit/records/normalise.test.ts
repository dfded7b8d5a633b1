import { normaliseRecordInputs } from "../../../provider/records";

const base = { zoneName: "example.com", fieldType: "A", target: "192.0.2.1" };

describe("normaliseRecordInputs applies defaults", () => {
  test("a missing subDomain is the apex and a missing ttl is the zone default", () => {
    expect(normaliseRecordInputs(base)).toEqual({
      spec: { zoneName: "example.com", subDomain: "", fieldType: "A", target: "192.0.2.1", ttl: 0 },
      failures: [],
    });
  });

  test.each([null, "@", " @ "])("subDomain %j means the apex", (subDomain) => {
    expect(normaliseRecordInputs({ ...base, subDomain }).spec.subDomain).toBe("");
  });

  test("a null ttl is the zone default", () => {
    expect(normaliseRecordInputs({ ...base, ttl: null }).spec.ttl).toBe(0);
  });
});

describe("normaliseRecordInputs spells names one way", () => {
  test("lower-cases and trims zone and subDomain, drops the zone's trailing dot, upper-cases the type", () => {
    const { spec } = normaliseRecordInputs({ zoneName: " Example.COM. ", subDomain: " WWW.Shop ", fieldType: " aaaa ", target: "2001:DB8:0:0::1" });
    expect(spec).toEqual({ zoneName: "example.com", subDomain: "www.shop", fieldType: "AAAA", target: "2001:db8::1", ttl: 0 });
  });
});

describe("normaliseRecordInputs normalises targets without changing their meaning", () => {
  test.each([
    ["A", " 192.0.2.1 ", "192.0.2.1"],
    ["AAAA", "2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["AAAA", "2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1"],
    ["AAAA", "::FFFF:192.0.2.1", "::ffff:192.0.2.1"],
    ["CNAME", " Target.Example.NET. ", "target.example.net."],
    ["NS", "NS1.Example.net.", "ns1.example.net."],
    ["MX", "10\t  MAIL.Example.com.", "10 mail.example.com."],
    ["SRV", " 10  5   5060 SIP.example.com. ", "10 5 5060 sip.example.com."],
    ["CAA", '0   ISSUE   "LetsEncrypt.org"', '0 issue "LetsEncrypt.org"'],
    ["TLSA", "3  1 1 ABCDEF", "3 1 1 abcdef"],
    ["TLSA", "3 1 1 ABCD EF01", "3 1 1 abcdef01"],
    ["SSHFP", "4  2  ABCDEF", "4 2 abcdef"],
    ["NAPTR", '100  10 "U" "E2U+sip"   "!^.*$!sip:Info@example.com!"  .', '100 10 "U" "E2U+sip" "!^.*$!sip:Info@example.com!" .'],
    ["LOC", "52  22 23.000 n   4 53 32.000 e -2.00m", "52 22 23.000 N 4 53 32.000 E -2.00m"],
    ["TXT", "  Hello   World ", "  Hello   World "],
    ["SPF", "v=spf1  Include:X -all", "v=spf1  Include:X -all"],
    ["DKIM", "v=DKIM1;k=rsa;  p=AbC", "v=DKIM1;k=rsa;  p=AbC"],
  ])("%s %j becomes %j", (fieldType, target, expected) => {
    expect(normaliseRecordInputs({ ...base, fieldType, target }).spec.target).toBe(expected);
  });

  test("leaves a target it cannot parse as written (validation reports it)", () => {
    expect(normaliseRecordInputs({ ...base, fieldType: "MX", target: " 10  a  b " }).spec.target).toBe("10  a  b");
  });

  test("leaves the target alone when the type is not one OVH offers", () => {
    expect(normaliseRecordInputs({ ...base, fieldType: "HINFO", target: " X " }).spec.target).toBe(" X ");
  });
});

describe("normaliseRecordInputs reads the ttl strictly", () => {
  test.each([
    [300, 300],
    ["300", 300],
    [" 3600 ", 3600],
    [0, 0],
  ])("accepts %j as %j", (ttl, expected) => {
    const result = normaliseRecordInputs({ ...base, ttl });
    expect(result.failures).toEqual([]);
    expect(result.spec.ttl).toBe(expected);
  });

  test.each([
    [300.5, "got number 300.5"],
    ["3e2", 'got the string "3e2"'],
    ["300s", 'got the string "300s"'],
    ["", 'got the string ""'],
    [Number.NaN, "got number NaN"],
    [Number.POSITIVE_INFINITY, "got number Infinity"],
    [true, "got boolean true"],
  ])("refuses %j", (ttl, got) => {
    const result = normaliseRecordInputs({ ...base, ttl });
    expect(result.failures).toEqual([{ property: "ttl", reason: `ttl must be a whole number of seconds, e.g. 3600 (or 0 for the zone default); ${got}` }]);
    expect(result.spec).not.toHaveProperty("ttl");
  });
});

describe("normaliseRecordInputs names the property of a missing or mistyped input", () => {
  test("reports every missing required input", () => {
    expect(normaliseRecordInputs({}).failures).toEqual([
      { property: "zoneName", reason: 'zoneName is required, e.g. "example.com"' },
      { property: "fieldType", reason: 'fieldType is required, e.g. "A"' },
      { property: "target", reason: 'target is required, e.g. "192.0.2.1"' },
    ]);
  });

  test.each([
    ["zoneName", 42, 'zoneName must be a string, e.g. "example.com"; got number 42'],
    ["subDomain", ["www"], 'subDomain must be a string, e.g. "www" or "" for the apex; got an array'],
    ["fieldType", 1, 'fieldType must be a string, e.g. "A"; got number 1'],
    ["target", 1234, 'target must be a string, e.g. "192.0.2.1"; got number 1234'],
  ])("refuses a non-string %s", (property, value, reason) => {
    expect(normaliseRecordInputs({ ...base, [property]: value }).failures).toEqual([{ property, reason }]);
  });
});
