import { normaliseZoneName } from "../../../provider/records";
import { failuresOf } from "./helpers";

const a = { fieldType: "A", target: "192.0.2.1" };

describe("subDomain rules", () => {
  test.each(["", "www", "*", "*.shop", "_acme-challenge", "a-b.c_d.e", "x".repeat(63), "WWW"])("accepts %j", (subDomain) => {
    expect(failuresOf({ ...a, subDomain })).toEqual([]);
  });

  test.each([
    ["www.example.com", 'subDomain "www.example.com" repeats the zone name: OVH would create "www.example.com.example.com"; use "www"'],
    ["www.Example.com.", 'repeats the zone name: OVH would create "www.example.com.example.com"; use "www"'],
    ["example.com", 'subDomain "example.com" is the zone itself: OVH would create "example.com.example.com"; use "" for the apex'],
    ["www.", 'subDomain "www." starts or ends with a dot; it is relative to the zone: use "www"'],
    [".www", 'use "www"'],
    ["a..b", 'subDomain "a..b" has an empty label'],
    ["x".repeat(64), "has a label of 64 characters"],
    ["www.*", 'has a "*" that is not the whole first label; a wildcard is written "*" or "*.name"'],
    ["*www", 'has a "*" that is not the whole first label'],
    ["w w", 'a label "w w" with characters other than letters, digits, "-" and "_"'],
    ["müller", 'subDomain "müller" is not ASCII; write its punycode form "xn--mller-kva"'],
    [`${"abcdefghi.".repeat(24)}abcdefghi`, "the full name"],
  ])("refuses %j", (subDomain, reason) => {
    const failures = failuresOf({ ...a, subDomain });
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures[0].property).toBe("subDomain");
    expect(failures[0].reason).toContain(reason);
  });

  test("a full name over 253 characters is refused with its length", () => {
    const subDomain = `${"abcdefghi.".repeat(24)}abcdefghi`;
    expect(failuresOf({ ...a, subDomain })).toEqual([
      { property: "subDomain", reason: `the full name "${subDomain}.example.com" is 261 characters long; DNS allows 253` },
    ]);
  });

  test("a CNAME at the apex is refused: it cannot coexist with the SOA and NS", () => {
    expect(failuresOf({ fieldType: "CNAME", subDomain: "", target: "target.example.net." })).toEqual([
      {
        property: "subDomain",
        reason:
          'a CNAME cannot be at the apex (subDomain ""): the zone\'s SOA and NS records live there and a CNAME admits no other data (RFC 1034 §3.6.2); use a subDomain such as "www", or A/AAAA records at the apex',
      },
    ]);
  });

  test.each(["_sip._tcp", "_sip._udp.office", "_xmpp-server._tcp"])("an SRV at %s is accepted", (subDomain) => {
    expect(failuresOf({ fieldType: "SRV", subDomain, target: "10 5 5060 sip.example.com." })).toEqual([]);
  });

  test.each(["", "sip", "_sip", "sip._tcp", "_._tcp"])("an SRV at %j is refused with the _service._proto shape", (subDomain) => {
    expect(failuresOf({ fieldType: "SRV", subDomain, target: "10 5 5060 sip.example.com." })).toEqual([
      { property: "subDomain", reason: `an SRV record lives at "_service._proto[.name]", e.g. "_sip._tcp" or "_sip._udp.office"; got "${subDomain}"` },
    ]);
  });

  test("a TLSA outside _port._proto is refused", () => {
    const failures = failuresOf({ fieldType: "TLSA", subDomain: "www", target: "3 0 0 abcd" });
    expect(failures).toEqual([{ property: "subDomain", reason: 'a TLSA record lives at "_port._proto[.name]", e.g. "_443._tcp.www" or "_25._tcp.mail"; got "www"' }]);
  });
});

describe("zoneName rules", () => {
  test.each(["example.com", "Example.COM.", "shop.example.co.uk", "xn--bcher-kva.example"])("accepts %j", (zoneName) => {
    expect(failuresOf({ ...a, zoneName })).toEqual([]);
  });

  test.each([
    ["", 'zoneName is required, e.g. "example.com"'],
    ["com", 'zoneName "com" is not a domain OVH can host: it needs at least two labels, e.g. "example.com"'],
    ["exa mple.com", 'a label "exa mple" with characters'],
    ["ex_ample.com", "has an underscore"],
    ["example..com", "has an empty label"],
    ["bücher.de", 'write its punycode form "xn--bcher-kva.de"'],
  ])("refuses %j", (zoneName, reason) => {
    const failures = failuresOf({ ...a, zoneName, subDomain: "" });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toEqual({ property: "zoneName", reason: expect.stringContaining(reason) });
  });
});

describe("fieldType rules", () => {
  test.each(["a", "Txt", "dname", "rp", "Svcb", "https"])("accepts %j in any case", (fieldType) => {
    const target = { A: "192.0.2.1", TXT: "x", DNAME: "x.example.net.", RP: ". .", SVCB: "0 svc.example.net.", HTTPS: "1 ." }[fieldType.toUpperCase()];
    expect(failuresOf({ fieldType, target })).toEqual([]);
  });

  test.each([
    ["HINFO", 'fieldType "HINFO" is not a record type OVH offers (OVH does not offer HINFO); use one of A, AAAA, CAA, CNAME, DKIM, DMARC, DNAME, HTTPS, LOC, MX, NAPTR, NS, PTR, RP, SPF, SRV, SSHFP, SVCB, TLSA, TXT'],
    ["ALIAS", 'fieldType "ALIAS" is not a record type OVH offers; use one of A, AAAA, CAA, CNAME, DKIM, DMARC, DNAME, HTTPS, LOC, MX, NAPTR, NS, PTR, RP, SPF, SRV, SSHFP, SVCB, TLSA, TXT'],
  ])("refuses %s and lists the 20", (fieldType, reason) => {
    expect(failuresOf({ fieldType, target: "x" })).toEqual([{ property: "fieldType", reason }]);
  });
});

describe("ttl rules", () => {
  test.each([0, 60, 3600, 2147483647])("accepts %d", (ttl) => {
    expect(failuresOf({ ...a, ttl })).toEqual([]);
  });

  test.each([
    [30, "ttl 30 is below 60: OVH would silently raise it to 60 and every preview would show a change; use 0 (zone default) or a value >= 60"],
    [1, "ttl 1 is below 60: OVH would silently raise it to 60"],
    [59, "ttl 59 is below 60"],
    [-1, "ttl -1 is negative; use 0 (zone default) or a value >= 60"],
    [2147483648, "ttl 2147483648 is above 2147483647, the largest TTL DNS allows (RFC 2181)"],
  ])("refuses %d", (ttl, reason) => {
    expect(failuresOf({ ...a, ttl })).toEqual([{ property: "ttl", reason: expect.stringContaining(reason) }]);
  });
});

describe("validation returns every failure at once", () => {
  test("one failure per wrong property, in property order", () => {
    const failures = failuresOf({ zoneName: "com", subDomain: "www.", fieldType: "MX", target: "mail.example.com", ttl: 30 });
    expect(failures.map((f) => f.property)).toEqual(["zoneName", "subDomain", "target", "ttl"]);
  });
});

describe("normaliseZoneName, the one spelling of a zone name in provider/records, sdk and cli", () => {
  test.each([
    ["example.com", "example.com"],
    [" Example.COM. ", "example.com"],
    ["example.com.", "example.com"],
    ["", ""],
  ])("writes %j as %j", (text, zone) => {
    expect(normaliseZoneName(text)).toBe(zone);
  });
});
