import { normaliseRecordInputs } from "../../../provider/records";
import { failuresOf, targetFailures } from "./helpers";

const KEY = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC+abc/def==";

describe("text types accept what users write", () => {
  test.each([
    ["TXT", "google-site-verification=abc123"],
    ["TXT", "Hello,   World  "],
    ["TXT", '"already" "quoted"'],
    ["TXT", "x".repeat(300)],
    ["TXT", "é".repeat(2048)],
    ["SPF", "v=spf1 include:mx.ovh.com ~all"],
    ["SPF", '"v=spf1 -all"'],
    ["SPF", "v=spf1"],
    ["DKIM", `v=DKIM1; k=rsa; p=${KEY}`],
    ["DKIM", `v=DKIM1;k=ed25519;p=${KEY}`],
    ["DKIM", "v=DKIM1; p="],
    ["DKIM", `k=rsa; h=sha256; t=y:s; s=email; p=${KEY}`],
    ["DKIM", `v=DKIM1; k=rsa; p=${KEY.slice(0, 20)} ${KEY.slice(20)};`],
    ["DMARC", "v=DMARC1; p=none"],
    ["DMARC", "v=DMARC1; p=reject; sp=quarantine; adkim=s; aspf=r; pct=100; fo=0:d; rf=afrf; ri=86400"],
    ["DMARC", "v=DMARC1; p=quarantine; rua=mailto:a@example.com,mailto:b@example.net!10m; ruf=mailto:f@example.com"],
  ])("%s %s", (fieldType, target) => {
    expect(targetFailures(fieldType, target)).toEqual([]);
  });
});

describe("text types refuse what OVH would refuse or mangle", () => {
  test.each([
    ["TXT", "x".repeat(4097), "the TXT text is 4097 bytes of UTF-8; the limit here is 4096"],
    ["TXT", "é".repeat(2049), "the TXT text is 4098 bytes of UTF-8"],
    ["SPF", "include:mx.ovh.com ~all", 'an SPF record starts with "v=spf1"'],
    ["SPF", "v=spf10 -all", 'an SPF record starts with "v=spf1"'],
    ["DKIM", `"v=DKIM1; k=rsa; p=${KEY}"`, 'OVH\'s native DKIM type takes the tag list without quotes (a quoted one gets "Invalid subfield found in DKIM"); remove them: v=DKIM1; k=rsa; p='],
    ["DKIM", `v=DKIM1; k=rsa; x=1; p=${KEY}`, '"x" is not a DKIM tag; the tags are v, g, h, k, n, p, s, t'],
    ["DKIM", "v=DKIM1; k=rsa", "a DKIM record needs the public key tag p="],
    ["DKIM", "v=DKIM1; p=not*base64", "the DKIM public key p= is not base64"],
    ["DKIM", `v=DKIM2; p=${KEY}`, "the DKIM version is v=DKIM1; got v=DKIM2"],
    ["DKIM", `k=rsa; v=DKIM1; p=${KEY}`, "the DKIM tag v=DKIM1 must come first"],
    ["DKIM", `v=DKIM1; k=dsa; p=${KEY}`, 'the DKIM tag k=dsa is not valid: k is "rsa" or "ed25519"'],
    ["DKIM", `v=DKIM1; h=md5; p=${KEY}`, "the DKIM tag h=md5 is not valid"],
    ["DKIM", `v=DKIM1; p=${KEY}; p=${KEY}`, 'the DKIM tag "p" appears twice'],
    ["DKIM", `v=DKIM1; rsa; p=${KEY}`, '"rsa" in the DKIM record is not a tag=value pair'],
    ["DMARC", '"v=DMARC1; p=none"', 'OVH\'s native DMARC type takes the tag list without quotes (a quoted one gets "Invalid subfield found in DMARC"); remove them: v=DMARC1; p=none'],
    ["DMARC", "p=none", "a DMARC record starts with v=DMARC1"],
    ["DMARC", "v=DMARC1", "a DMARC record needs a policy: p=none, p=quarantine or p=reject"],
    ["DMARC", "v=DMARC1; p=maybe", 'the DMARC tag p=maybe is not valid: p is "none", "quarantine" or "reject"'],
    ["DMARC", "v=DMARC1; p=none; pct=101", "the DMARC tag pct=101 is not valid: pct is an integer from 0 to 100"],
    ["DMARC", "v=DMARC1; p=none; adkim=x", 'adkim is "r" (relaxed) or "s" (strict)'],
    ["DMARC", "v=DMARC1; p=none; rua=dmarc@example.com", 'rua is a comma-separated list of URIs, e.g. "mailto:dmarc@example.com"'],
    ["DMARC", "v=DMARC1; p=none; fo=2", 'fo is "0", "1", "d" or "s"'],
    ["DMARC", "v=DMARC1; p=none; foo=bar", '"foo" is not a DMARC tag; the tags are v, p, sp, rua, ruf, adkim, aspf, pct, fo, rf, ri'],
  ])("%s %s", (fieldType, target, reason) => {
    const failures = targetFailures(fieldType, target);
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures.every((f) => f.property === "target")).toBe(true);
    expect(failures.map((f) => f.reason).join("\n")).toContain(reason);
  });
});

describe("a DMARC record lives only at _dmarc", () => {
  test.each(["_dmarc", "_dmarc.shop", "_DMARC"])("accepts subDomain %s", (subDomain) => {
    expect(failuresOf({ fieldType: "DMARC", subDomain, target: "v=DMARC1; p=none" })).toEqual([]);
  });

  test.each([
    ["", 'OVH accepts a DMARC record only at "_dmarc" or "_dmarc.<name>"; got "": use "_dmarc"'],
    ["shop", 'got "shop": use "_dmarc.shop"'],
    ["_dmarcx", 'got "_dmarcx"'],
  ])("refuses subDomain %j", (subDomain, reason) => {
    const failures = failuresOf({ fieldType: "DMARC", subDomain, target: "v=DMARC1; p=none" });
    expect(failures).toHaveLength(1);
    expect(failures[0].property).toBe("subDomain");
    expect(failures[0].reason).toContain(reason);
  });
});

describe("a DKIM record lives only at <selector>._domainkey", () => {
  const target = `v=DKIM1; k=rsa; p=${KEY}`;
  test.each(["s1._domainkey", "mail._domainkey.shop", "a.b._domainkey", "S1._DOMAINKEY"])("accepts subDomain %s", (subDomain) => {
    expect(failuresOf({ fieldType: "DKIM", subDomain, target })).toEqual([]);
  });

  test.each([
    ["dkim", 'it answers "Invalid subdomain: dkim"); got "dkim": use e.g. "dkim._domainkey", or fieldType TXT'],
    ["", 'got "": use e.g. "<selector>._domainkey"'],
    ["_domainkey", 'got "_domainkey"'],
    ["s1._domainkeys", 'got "s1._domainkeys"'],
  ])("refuses subDomain %j on the subDomain, in OVH's words", (subDomain, reason) => {
    const failures = failuresOf({ fieldType: "DKIM", subDomain, target });
    expect(failures).toHaveLength(1);
    expect(failures[0].property).toBe("subDomain");
    expect(failures[0].reason).toContain(reason);
  });

  test("a TXT holding a DKIM key may live anywhere", () => {
    expect(failuresOf({ fieldType: "TXT", subDomain: "dkim", target })).toEqual([]);
  });
});

describe("an empty TXT is refused at check", () => {
  test.each(['""', '"" ""', ' "" '])("refuses %j on the target, saying what OVH answers", (target) => {
    const failures = targetFailures("TXT", target);
    expect(failures).toEqual([
      { property: "target", reason: expect.stringContaining(`the TXT text is empty (${target.trim()}); OVH refuses an empty TXT ("{'target': ['Invalid input.']}")`) },
    ]);
  });

  test("a blank target is refused once, before the TXT rule", () => {
    const failures = targetFailures("TXT", "   ");
    expect(failures).toHaveLength(1);
    expect(failures[0].reason).toContain("target is empty");
  });

  test('a text of one space in quotes (" ") is not empty', () => {
    expect(targetFailures("TXT", '" "')).toEqual([]);
  });
});

describe("text targets are kept exactly as written", () => {
  test.each(["TXT", "SPF", "DKIM", "DMARC"])("%s keeps case and spaces", (fieldType) => {
    const target = fieldType === "DMARC" ? "  v=DMARC1;  p=None " : "  v=spf1   Include:X  ";
    const { spec } = normaliseRecordInputs({ zoneName: "example.com", fieldType, target });
    expect(spec.target).toBe(target);
  });
});
