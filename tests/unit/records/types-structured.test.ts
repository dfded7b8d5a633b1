import { SHA1_HEX, SHA256_HEX, SHA512_HEX, targetFailures } from "./helpers";

describe("structured types accept well-formed targets", () => {
  test.each([
    ["MX", "10 mail.example.com."],
    ["MX", "0 ."],
    ["MX", "65535   MAIL.example.com."],
    ["SRV", "10 5 5060 sip.example.com."],
    ["SRV", "0 0 0 ."],
    ["CAA", '0 issue "letsencrypt.org"'],
    ["CAA", '0 issue "letsencrypt.org; validationmethods=dns-01"'],
    ["CAA", '128 ISSUEWILD ";"'],
    ["CAA", '0 iodef "mailto:security@example.com"'],
    ["CAA", '0 iodef "https://iodef.example.com/report"'],
    ["CAA", '0 contactemail "hostmaster@example.com"'],
    ["TLSA", `3 1 1 ${SHA256_HEX}`],
    ["TLSA", `2 0 2 ${SHA512_HEX}`],
    ["TLSA", "3 0 0 30820122300d06092a"],
    ["TLSA", `3 1 1 ${SHA256_HEX.slice(0, 32)} ${SHA256_HEX.slice(32)}`],
    ["SSHFP", `4 2 ${SHA256_HEX}`],
    ["SSHFP", `1 1 ${SHA1_HEX}`],
    ["SSHFP", `6 2 ${SHA256_HEX.toUpperCase()}`],
    ["NAPTR", '100 10 "U" "E2U+sip" "!^.*$!sip:info@example.com!" .'],
    ["NAPTR", '100 50 "S" "SIP+D2U" "" _sip._udp.example.com.'],
    ["LOC", "52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m"],
    ["LOC", "52 N 4 E 10"],
    ["LOC", "42 21 54 N 71 06 18 W -24m 30m"],
    ["LOC", "90 S 180 W 42849672.95m 90000000m 90000000m 90000000m"],
  ])("%s %s", (fieldType, target) => {
    expect(targetFailures(fieldType, target)).toEqual([]);
  });
});

describe("structured types refuse malformed targets with the reason", () => {
  test.each([
    ["MX", "mail.example.com.", 'an MX target is "priority host.", e.g. "10 mail.example.com."; got 1 field(s)'],
    ["MX", "10 mail.example.com", 'no trailing dot: OVH reads a name without one as relative to the zone ("mail.example.com.example.com."); use "mail.example.com."'],
    ["MX", "65536 mail.example.com.", 'MX priority "65536" is not an integer from 0 to 65535'],
    ["MX", "-1 mail.example.com.", 'MX priority "-1" is not an integer'],
    ["MX", "10 2001:db8::25", 'MX host "2001:db8::25" is an address; it must be a host name'],
    ["MX", "10 .", 'a null MX (host ".", RFC 7505) must have priority 0: use "0 ."'],
    ["SRV", "10 5 sip.example.com.", 'an SRV target is "priority weight port target."'],
    ["SRV", "10 5 70000 sip.example.com.", 'SRV port "70000" is not an integer from 0 to 65535'],
    ["SRV", "10 x 5060 sip.example.com.", 'SRV weight "x" is not an integer'],
    ["SRV", "10 5 5060 sip.example.com..", 'ends in a doubled dot; use "sip.example.com."'],
    ["SRV", "10 5 5060 sip", 'use "sip.example.com."'],
    ["CAA", "0 issue letsencrypt.org", `the CAA value must be in double quotes (OVH answers a bare value with 400 Bad Request); use '0 issue "letsencrypt.org"'`],
    ["CAA", "0 issue letsencrypt.org; validationmethods=dns-01", `use '0 issue "letsencrypt.org; validationmethods=dns-01"'`],
    ["CAA", '256 issue "letsencrypt.org"', 'CAA flags "256" is not an integer from 0 to 255'],
    ["CAA", '0 issuer "letsencrypt.org"', 'CAA tag "issuer" is not one of issue, issuewild, iodef, contactemail, contactphone, issuemail, issuevmc'],
    ["CAA", '0 issue "letsencrypt.org."', 'written without a trailing dot: use "letsencrypt.org"'],
    ["CAA", '0 iodef "security@example.com"', 'a CAA iodef value is a "mailto:" or "https://" URL'],
    ["CAA", '0 issue "letsencrypt.org', "quotes are not closed"],
    ["CAA", "0 issue", "got 2 field(s)"],
    ["TLSA", `4 1 1 ${SHA256_HEX}`, 'TLSA usage "4" is not an integer from 0 to 3'],
    ["TLSA", `3 2 1 ${SHA256_HEX}`, 'TLSA selector "2" is not an integer from 0 to 1'],
    ["TLSA", `3 1 3 ${SHA256_HEX}`, 'TLSA matching type "3" is not an integer from 0 to 2'],
    ["TLSA", `3 1 1 ${SHA512_HEX}`, "has 128 hex digits; matching type 1 (SHA-256) needs 64"],
    ["TLSA", `3 1 2 ${SHA256_HEX}`, "has 64 hex digits; matching type 2 (SHA-512) needs 128"],
    ["TLSA", `3 1 1 ${SHA256_HEX.slice(0, 63)}z`, "characters other than hex digits"],
    ["TLSA", "3 0 0 abc", "odd number (3) of hex digits"],
    ["TLSA", "3 1 1", 'a TLSA target is "usage selector matching-type hex"'],
    ["SSHFP", `5 2 ${SHA256_HEX}`, 'SSHFP algorithm "5" is not one of 1 (RSA), 2 (DSA), 3 (ECDSA), 4 (Ed25519), 6 (Ed448)'],
    ["SSHFP", `4 3 ${SHA256_HEX}`, 'SSHFP fingerprint type "3" is not an integer from 1 to 2'],
    ["SSHFP", `4 1 ${SHA256_HEX}`, "has 64 hex digits; fingerprint type 1 (SHA-1) needs 40"],
    ["SSHFP", `4 2 ${SHA1_HEX}`, "has 40 hex digits; fingerprint type 2 (SHA-256) needs 64"],
    ["SSHFP", "4 2", 'an SSHFP target is "algorithm fingerprint-type hex"'],
    ["NAPTR", '100 10 U "E2U+sip" "!^.*$!sip:info@example.com!" .', 'the NAPTR flags must be a quoted string, e.g. "U"'],
    ["NAPTR", '100 10 "U" "E2U+sip" "!^.*$!sip:info@example.com!" sip.example.com.', "a NAPTR record has a regexp or a replacement, not both"],
    ["NAPTR", '100 50 "S" "SIP+D2U" "" _sip._udp.example.com', 'use "_sip._udp.example.com."'],
    ["NAPTR", '70000 10 "U" "E2U+sip" "!^.*$!sip:x@example.com!" .', 'NAPTR order "70000" is not an integer from 0 to 65535'],
    ["NAPTR", '100 10 "U+" "E2U+sip" "!^.*$!sip:x@example.com!" .', 'the NAPTR flags "U+" may hold only letters and digits'],
    ["NAPTR", '100 10 "U" "E2U+sip"', "a NAPTR target is 'order preference \"flags\" \"service\" \"regexp\" replacement'"],
    ["LOC", "52 22 23 4 53 32 E 10m", 'a LOC target is "d1 [m1 [s1]] {N|S} d2 [m2 [s2]] {E|W} alt[m]'],
    ["LOC", "91 N 4 E 10m", 'LOC latitude degrees "91" is not an integer from 0 to 90'],
    ["LOC", "52 60 N 4 E 10m", 'LOC latitude minutes "60" is not an integer from 0 to 59'],
    ["LOC", "52 22 60.5 N 4 E 10m", 'LOC latitude seconds "60.5" is not a number from 0 to 59.999'],
    ["LOC", "52 N 181 E 10m", 'LOC longitude degrees "181" is not an integer from 0 to 180'],
    ["LOC", "90 1 N 4 E 10m", "LOC latitude is beyond 90 degrees"],
    ["LOC", "52 N 4 E -100001m", 'LOC altitude "-100001m" is not a number of metres from -100000.00 to 42849672.95'],
    ["LOC", "52 N 4 E 10m 90000001m", 'LOC size "90000001m" is not a number of metres from 0 to 90000000.00'],
  ])("%s %s", (fieldType, target, reason) => {
    const failures = targetFailures(fieldType, target);
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures.every((f) => f.property === "target")).toBe(true);
    expect(failures.map((f) => f.reason).join("\n")).toContain(reason);
  });
});

describe("a structured target reports every fault at once", () => {
  test("an SRV with three bad numbers and a relative host gets four reasons", () => {
    expect(targetFailures("SRV", "x 70000 -1 sip").map((f) => f.reason)).toEqual([
      'SRV priority "x" is not an integer from 0 to 65535',
      'SRV weight "70000" is not an integer from 0 to 65535',
      'SRV port "-1" is not an integer from 0 to 65535',
      'SRV target host "sip" has no trailing dot: OVH reads a name without one as relative to the zone ("sip.example.com."); use "sip.example.com."',
    ]);
  });
});
