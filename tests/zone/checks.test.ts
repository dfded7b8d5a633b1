import { checkZone } from "../../sdk/zone/checks";
import { declareRecords, type ZoneRecordSpec } from "../../sdk/zone/records";

const check = (...specs: ZoneRecordSpec[]) => checkZone("example.com", declareRecords("example.com", specs));
const a = (subDomain: string, target = "203.0.113.10", ttl = 0): ZoneRecordSpec => ({ subDomain, fieldType: "A", target, ttl });

describe("checkZone", () => {
  it("finds nothing wrong in a sound zone", () => {
    expect(check(a(""), a("www"), { fieldType: "MX", target: "10 mail.example.com." }, a("mail"),
      { fieldType: "TXT", target: "v=spf1 mx -all" }, { subDomain: "_dmarc", fieldType: "TXT", target: "v=DMARC1; p=none" })).toEqual([]);
  });

  it("refuses a CNAME beside another record, naming both and the fix", () => {
    expect(check(a("www"), { subDomain: "www", fieldType: "CNAME", target: "example.com.", source: "records.yaml:7" })).toEqual([
      "CNAME beside other records at www: www A 203.0.113.10 (records[0]), www CNAME example.com. (records.yaml:7); a name with a CNAME can hold nothing else (RFC 1034 3.6.2): keep the CNAME alone, or replace it with the records it points to",
    ]);
  });

  it("refuses exact duplicates, whatever their spelling", () => {
    const [problem] = check({ fieldType: "MX", target: "10 MAIL.example.com." }, { fieldType: "MX", target: "10 mail.example.com." });
    expect(problem).toMatch(/^duplicate records: @ MX 10 mail.example.com. \(records\[0\]\), @ MX 10 mail.example.com. \(records\[1\]\) are the same record; keep one$/);
  });

  it.each([
    ["MX", "10 mail.example.com."],
    ["SRV", "10 5 5060 mail.example.com."],
    ["NS", "mail.example.com."],
  ])("refuses a %s target that is a CNAME in the zone (%s)", (fieldType, target) => {
    const problems = check({ subDomain: "mail", fieldType: "CNAME", target: "mx.provider.net." }, { subDomain: { NS: "sub", SRV: "_sip._tcp", MX: "" }[fieldType], fieldType, target });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${fieldType} target is a CNAME: .* points to mail CNAME mx.provider.net. \\(records\\[0\\]\\); point it to the name the CNAME points to`));
  });

  it("accepts a MX target outside the zone even when a same-named CNAME exists inside", () => {
    expect(check({ subDomain: "mail", fieldType: "CNAME", target: "x.net." }, { fieldType: "MX", target: "10 mail.other.org." })).toEqual([]);
  });

  it("refuses two SPF policies at one name, TXT or SPF type alike", () => {
    const problems = check({ fieldType: "TXT", target: "v=spf1 mx -all" }, { fieldType: "SPF", target: "v=spf1 a -all" }, { subDomain: "x", fieldType: "TXT", target: "v=spf1 -all" });
    expect(problems).toEqual([expect.stringMatching(/^more than one SPF policy at @: .*; merge them into one v=spf1 record/)]);
  });

  it("refuses a DMARC policy in a TXT outside _dmarc, and says where to put it (the DMARC type is refused per record)", () => {
    expect(check({ fieldType: "TXT", target: "v=DMARC1; p=none" })).toEqual([expect.stringMatching(/^DMARC policy outside _dmarc: @ TXT .*set subDomain to "_dmarc"$/)]);
    expect(check({ subDomain: "mail", fieldType: "TXT", target: "v=DMARC1;p=none" })).toEqual([expect.stringMatching(/set subDomain to "_dmarc" or "_dmarc.mail"$/)]);
    expect(() => check({ subDomain: "mail", fieldType: "DMARC", target: "v=DMARC1;p=none" })).toThrow(/records\[0\]: subDomain: OVH accepts a DMARC record only at "_dmarc"/);
    expect(check({ subDomain: "_dmarc.mail", fieldType: "TXT", target: "v=DMARC1; p=none" })).toEqual([]);
  });

  it("refuses differing TTLs in one RRset, suggesting the lowest", () => {
    expect(check(a("www", "203.0.113.1", 300), a("www", "203.0.113.2", 600))).toEqual([
      expect.stringMatching(/^differing TTLs in one RRset \(www A\): .* ttl 300, .* ttl 600; give them one TTL, e.g. 300/),
    ]);
  });

  it("returns every problem at once", () => {
    expect(check(a("www"), a("www"), { subDomain: "www", fieldType: "CNAME", target: "x.net." })).toHaveLength(2);
  });
});

describe("declareRecords", () => {
  it("refuses every bad record at once, naming where it came from and the field", () => {
    expect(() => declareRecords("example.com", [{ fieldType: "A", target: "nope", source: "z.yaml:3" }, { fieldType: "A", target: "1.2.3.4", ttl: 30 }]))
      .toThrow(/2 problem\(s\)[\s\S]*z\.yaml:3: target: [\s\S]*records\[1\]: ttl: ttl 30/);
  });
});
