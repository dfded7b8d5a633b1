import { canonicalTarget, targetsEqual } from "../../../provider/records";

describe("targetsEqual ignores what carries no meaning", () => {
  test.each([
    ["A", "192.0.2.1", " 192.0.2.1 "],
    ["AAAA", "2001:DB8:0:0::1", "2001:db8::1"],
    ["AAAA", "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["AAAA", "::ffff:192.0.2.1", "::FFFF:C000:0201"],
    ["CNAME", "Target.Example.NET.", "target.example.net."],
    ["CNAME", "target.example.net.", "target.example.net"],
    ["DNAME", "OTHER.example.net.", "other.example.net"],
    ["NS", "NS1.example.net.", "ns1.example.net."],
    ["PTR", "Host.example.com.", "host.example.com"],
    ["MX", "10 MAIL.example.com.", "10 mail.example.com"],
    ["MX", "10   mail.example.com.", "10 mail.example.com."],
    ["MX", "010 mail.example.com.", "10 mail.example.com."],
    ["SRV", "10 5 5060 SIP.example.com.", "10  5 5060 sip.example.com"],
    ["CAA", '0 ISSUE "letsencrypt.org"', '0 issue "letsencrypt.org"'],
    ["CAA", '0  issue   "letsencrypt.org"', '0 issue "letsencrypt.org"'],
    ["TLSA", "3 1 1 ABCDEF01", "3 1 1 abcdef01"],
    ["TLSA", "3 1 1 abcd ef01", "3 1 1 abcdef01"],
    ["SSHFP", "4 2 ABCDEF", "4  2 abcdef"],
    ["NAPTR", '100 10 "u" "E2U+sip" "!^.*$!sip:x@example.com!" .', '100  10 "U" "E2U+sip" "!^.*$!sip:x@example.com!" .'],
    ["NAPTR", '100 50 "S" "SIP+D2U" "" _SIP._udp.example.com.', '100 50 "S" "SIP+D2U" "" _sip._udp.example.com'],
    ["LOC", "52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m", "52 22 23 N 4 53 32 E -2m 0m"],
    ["LOC", "52 N 4 E 10", "52 0 0.000 N 4 0 0 E 10.00m 1m 10000m 10m"],
    ["DKIM", "v=DKIM1;k=rsa;p=ABC", "v=DKIM1; k=rsa; p=ABC"],
    ["DKIM", "v=DKIM1; k=rsa; p=AB CD", "v=DKIM1; k=rsa; p=ABCD;"],
    ["DMARC", "v=DMARC1;p=none", '"v=DMARC1; p=none"'],
    ["mx", "10 MAIL.example.com.", "10 mail.example.com."],
  ])("%s %j equals %j", (fieldType, a, b) => {
    expect(targetsEqual(fieldType, a, b)).toBe(true);
    expect(targetsEqual(fieldType, b, a)).toBe(true);
  });
});

describe("targetsEqual sees every real change", () => {
  test.each([
    ["A", "192.0.2.1", "192.0.2.2"],
    ["AAAA", "2001:db8::1", "2001:db8::2"],
    ["CNAME", "a.example.net.", "b.example.net."],
    ["MX", "10 mail.example.com.", "20 mail.example.com."],
    ["SRV", "10 5 5060 sip.example.com.", "10 5 5061 sip.example.com."],
    ["CAA", '0 issue "letsencrypt.org"', '0 issuewild "letsencrypt.org"'],
    ["CAA", '0 issue "LetsEncrypt.org"', '0 issue "letsencrypt.org"'],
    ["TLSA", "3 1 1 abcd", "3 1 2 abcd"],
    ["LOC", "52 N 4 E 10m", "52 N 4 W 10m"],
    ["DKIM", "v=DKIM1; p=ABC", "v=DKIM1; p=abc"],
    ["DMARC", "v=DMARC1; p=none", "v=DMARC1; p=reject"],
    ["TXT", "abc", "ABC"],
  ])("%s %j differs from %j", (fieldType, a, b) => {
    expect(targetsEqual(fieldType, a, b)).toBe(false);
  });
});

describe("canonicalTarget", () => {
  test.each([
    ["MX", "10 MAIL.example.com.", "10 mail.example.com"],
    ["MX", "0 .", "0 ."],
    ["AAAA", "2001:DB8:0:0::1", "2001:db8::1"],
    ["TXT", '"aaa" "bbb"', "aaabbb"],
    ["CAA", "0 Issue letsencrypt.org", '0 issue "letsencrypt.org"'],
    ["LOC", "52 22 23.000 N 4 53 32.000 E -2.00m", "52 22 23 N 4 53 32 E -2m 1m 10000m 10m"],
    ["DKIM", '"v=DKIM1;k=rsa; p=AB CD"', "v=DKIM1; k=rsa; p=ABCD"],
    ["SVCB", " 1 . alpn=h2 ", "1 . alpn=h2"],
  ])("%s %j is %j", (fieldType, target, expected) => {
    expect(canonicalTarget(fieldType, target)).toBe(expected);
  });

  test("never throws on a target it cannot parse", () => {
    for (const fieldType of ["MX", "SRV", "CAA", "TLSA", "SSHFP", "NAPTR", "LOC", "DKIM", "DMARC"]) {
      expect(() => canonicalTarget(fieldType, '"unclosed 1 2')).not.toThrow();
    }
  });
});
