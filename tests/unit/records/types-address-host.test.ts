import { targetFailures } from "./helpers";

describe("A, AAAA and host-name types accept well-formed targets", () => {
  test.each([
    ["A", "192.0.2.1"],
    ["A", "0.0.0.0"],
    ["A", " 198.51.100.255 "],
    ["AAAA", "2001:db8::1"],
    ["AAAA", "2001:DB8:0:0::1"],
    ["AAAA", "::ffff:192.0.2.1"],
    ["AAAA", "::1"],
    ["CNAME", "target.example.net."],
    ["CNAME", "selector1._domainkey.mail.example.net."],
    ["DNAME", "other.example.net."],
    ["NS", "ns1.example.net."],
    ["NS", "DNS200.anycast.me."],
    ["PTR", "host.example.com."],
  ])("%s %s", (fieldType, target) => {
    expect(targetFailures(fieldType, target)).toEqual([]);
  });
});

describe("A, AAAA and host-name types refuse malformed targets with the reason", () => {
  test.each([
    ["A", "2001:db8::1", "is an IPv6 address; an A record holds an IPv4 address: use an AAAA record"],
    ["A", "256.1.1.1", "is not an IPv4 address"],
    ["A", "010.0.0.1", "without leading zeros"],
    ["A", "192.0.2", "is not an IPv4 address"],
    ["A", "example.com.", "is not an IPv4 address"],
    ["AAAA", "192.0.2.1", "is an IPv4 address; an AAAA record holds an IPv6 address: use an A record"],
    ["AAAA", "fe80::1%eth0", 'has a zone index ("%...")'],
    ["AAAA", "2001:db8::1::2", "is not an IPv6 address"],
    ["AAAA", "2001:db8:g::1", "is not an IPv6 address"],
    ["CNAME", "target.example.net", 'has no trailing dot: OVH reads a name without one as relative to the zone ("target.example.net.example.com."); use "target.example.net."'],
    ["CNAME", "www", 'relative to the zone ("www.example.com."); use "www.example.com."'],
    ["CNAME", "a b.example.net.", "is one host name"],
    ["CNAME", "bad!name.example.net.", 'a label "bad!name" with characters other than letters, digits, "-" and "_"'],
    ["CNAME", "target..example.net.", "has an empty label"],
    ["CNAME", "target.example.net..", 'ends in a doubled dot; use "target.example.net."'],
    ["CNAME", ".", '"." (the root) is not a host name'],
    ["CNAME", "bücher.example.", 'is not ASCII; write its punycode form "xn--bcher-kva.example."'],
    ["CNAME", `${"a".repeat(64)}.example.net.`, "has a label of 64 characters"],
    ["CNAME", `${"abcdefghi.".repeat(26)}`, "is 259 characters long; DNS allows 253"],
    ["CNAME", "192.0.2.1", 'CNAME target "192.0.2.1" is an address; it must be a host name (with A/AAAA records of its own)'],
    ["DNAME", "other.example.net", 'use "other.example.net."'],
    ["NS", "ns1.example.net", 'use "ns1.example.net."'],
    ["PTR", "host", 'use "host.example.com."'],
  ])("%s %s", (fieldType, target, reason) => {
    const failures = targetFailures(fieldType, target);
    expect(failures).toHaveLength(1);
    expect(failures[0].property).toBe("target");
    expect(failures[0].reason).toContain(reason);
  });
});
