/**
 * RP, SVCB and HTTPS, the types OVH added in 2025-12 (docs/ovh-api.md §5): each rule of the check with the
 * reason it gives, the diff's indifference to spelling (param order, hint order, case, quoting, trailing dot),
 * and, by property, that the canonical form is idempotent and that spelling variants compare equal.
 */
import fc from "fast-check";
import { canonicalTarget, checkRecordInputs, targetsEqual } from "../../../provider/records";
import { targetFailures } from "./helpers";

describe("RP, SVCB and HTTPS accept well-formed targets", () => {
  test.each([
    ["RP", "hostmaster.example.com. info.example.com."],
    ["RP", "hostmaster.example.com. ."],
    ["RP", ". ."],
    ["SVCB", "0 svc.example.net."],
    ["SVCB", "0 ."],
    ["SVCB", "1 ."],
    ["SVCB", "1 svc.example.net. alpn=h2,h3 port=8443 ipv4hint=192.0.2.1,192.0.2.2 ipv6hint=2001:db8::1"],
    ["SVCB", '1 svc.example.net. mandatory=alpn,port alpn="h2" port="853"'],
    ["SVCB", "1 svc.example.net. key65000 key667=hello"],
    ["HTTPS", "1 . alpn=h3,h2 no-default-alpn"],
    ["HTTPS", '2 Pool.Example.NET. ALPN="h2" Port=443'],
    ["HTTPS", "1 . no-default-alpn= alpn=h2"],
  ])("%s %s", (fieldType, target) => {
    expect(targetFailures(fieldType, target)).toEqual([]);
  });
});

describe("RP, SVCB and HTTPS refuse malformed targets, naming the field and the fix", () => {
  test.each([
    ["RP", "hostmaster.example.com.", 'an RP target is "mbox-dname. txt-dname."'],
    ["RP", "hostmaster@example.com .", 'the RP mailbox "hostmaster@example.com" is written as a name, its "@" a dot: use "hostmaster.example.com."'],
    ["RP", "hostmaster.example.com .", 'RP mailbox (mbox-dname) "hostmaster.example.com" has no trailing dot'],
    ["RP", ". info", 'RP TXT name (txt-dname) "info" has no trailing dot: OVH reads a name without one as relative to the zone ("info.example.com."); use "info.example.com."'],
    ["SVCB", "1", 'a SVCB target is "priority target. [key=value...]"'],
    ["SVCB", "70000 .", 'SVCB priority "70000" is not an integer from 0 to 65535'],
    ["SVCB", "1 svc.example.net", 'SVCB target name "svc.example.net" has no trailing dot'],
    ["SVCB", "0 svc.example.net. alpn=h2", "a SVCB record with priority 0 is in AliasMode and takes no SvcParams (RFC 9460 §2.4.2); remove alpn, or use priority 1 or more for ServiceMode"],
    ["HTTPS", "1 . ech=AEn+DQBFKwAgACABWIHUGj4u+PIggYXcR5JF0gYk3dCRioBW8uJq9H4mKAAIAAEAAQABAANAEnB1YmxpYy50bHMtZWNoLmRldgAA", `SvcParam "ech": OVH refuses it with "Invalid SvcParam key 'ech'" (docs/ovh-api.md §5); publish the record without ech`],
    ["HTTPS", "1 . key5=abc", `SvcParam "key5": OVH refuses it with "Invalid SvcParam key 'ech'"`],
    ["HTTPS", "1 . dohpath=/q{?dns}", 'SvcParam key "dohpath" is not one OVH accepts; use one of mandatory, alpn, no-default-alpn, port, ipv4hint, ipv6hint, keyNNNN'],
    ["HTTPS", "1 . key1=h2", 'SvcParam key "key1" has a name: write "alpn" instead of "key1"'],
    ["HTTPS", "1 . key65535", 'SvcParam key "key65535" is out of range; keyNNNN goes from key0 to key65534'],
    ["HTTPS", "1 . key007", 'SvcParam key "key007" has leading zeros; write it "key7"'],
    ["HTTPS", "1 . alpn=h2 ALPN=h3", 'SvcParam "alpn" is given twice; a key may appear once (RFC 9460 §2.1): merge the values'],
    ["HTTPS", "1 . alpn", 'SvcParam "alpn" needs a value, e.g. alpn=h2,h3'],
    ["HTTPS", '1 . alpn=""', 'SvcParam "alpn" needs a value'],
    ["HTTPS", "1 . alpn=h2,,h3", 'SvcParam "alpn" has an empty item in "h2,,h3"; remove the extra comma'],
    ["HTTPS", "1 . port=65536", 'SvcParam "port" "65536" is not an integer from 0 to 65535'],
    ["HTTPS", "1 . port=https", 'SvcParam "port" "https" is not an integer from 0 to 65535'],
    ["HTTPS", "1 . ipv4hint=192.0.2.1,2001:db8::1", 'SvcParam "ipv4hint" holds "2001:db8::1", which is not an IPv4 address'],
    ["HTTPS", "1 . ipv6hint=192.0.2.1", 'SvcParam "ipv6hint" holds "192.0.2.1", which is not an IPv6 address'],
    ["HTTPS", "1 . no-default-alpn", 'SvcParam "no-default-alpn" needs "alpn" beside it (RFC 9460 §7.1.1); add e.g. alpn=h3, or remove no-default-alpn'],
    ["HTTPS", "1 . alpn=h2 no-default-alpn=yes", 'SvcParam "no-default-alpn" takes no value; write it alone, without "=yes"'],
    ["HTTPS", "1 . mandatory=port alpn=h2", 'SvcParam "mandatory" lists "port", which the record does not have; add port or remove it from mandatory (RFC 9460 §8)'],
    ["HTTPS", "1 . mandatory=mandatory,alpn alpn=h2", 'SvcParam "mandatory" may not list itself (RFC 9460 §8); remove "mandatory" from it'],
    ["HTTPS", "1 . mandatory=alpn,alpn alpn=h2", 'SvcParam "mandatory" lists "alpn" twice; list each key once'],
    ["HTTPS", "1 . mandatory=colour alpn=h2", 'SvcParam "mandatory" lists "colour", which is not a key'],
    ["HTTPS", "1 . mandatory=ech alpn=h2", `SvcParam "mandatory" lists "ech", a key OVH refuses ("Invalid SvcParam key 'ech'"); remove it from mandatory`],
    ["HTTPS", '1 . alpn="h2', 'the value of SvcParam "alpn" opens a quote that is not closed'],
  ])("%s %j", (fieldType, target, reason) => {
    const failures = targetFailures(fieldType, target);
    expect(failures.map((f) => f.property)).toContain("target");
    expect(failures.map((f) => f.reason).join("\n")).toContain(reason);
  });
});

describe("the diff compares meaning, not spelling", () => {
  test.each([
    ["RP", "Hostmaster.Example.COM. Info.example.com.", "hostmaster.example.com info.example.com"],
    ["SVCB", "1 SVC.example.net. port=8443 alpn=h2", "1 svc.example.net alpn=h2 port=8443"],
    ["HTTPS", '1 . alpn="h3,h2" PORT="0443"', "1 . port=443 alpn=h3,h2"],
    ["HTTPS", "1 . ipv4hint=192.0.2.2,192.0.2.1", "1 . ipv4hint=192.0.2.1,192.0.2.2"],
    ["HTTPS", "1 . alpn=h2,h3", "1 . alpn=h3,h2"],
    ["HTTPS", "1 . ipv6hint=2001:DB8:0:0::1,2001:db8::2", "1 . ipv6hint=2001:db8::2,2001:db8::1"],
    ["HTTPS", "1 . mandatory=port,alpn alpn=h2 port=1", "1 . alpn=h2 port=1 mandatory=alpn,port"],
    ["HTTPS", "1 . alpn=h2 no-default-alpn=\"\"", "1 . no-default-alpn alpn=h2"],
    ["SVCB", "01   .   key667=\"x\"", "1 . KEY667=x"],
  ])("%s %j equals %j", (fieldType, a, b) => {
    expect(targetsEqual(fieldType, a, b)).toBe(true);
    expect(targetsEqual(fieldType, b, a)).toBe(true);
  });

  test.each([
    ["RP", "hostmaster.example.com. .", "admin.example.com. ."],
    ["SVCB", "1 . alpn=h2", "2 . alpn=h2"],
    ["SVCB", "1 a.example.net. alpn=h2", "1 b.example.net. alpn=h2"],
    ["HTTPS", "1 . alpn=h2", "1 . alpn=h2 port=443"],
    ["HTTPS", "1 . ipv4hint=192.0.2.1", "1 . ipv4hint=192.0.2.1,192.0.2.2"],
    ["HTTPS", "1 . key667=a", "1 . key667=A"],
    ["HTTPS", "1 . alpn=h2", "1 . alpn=h2,h3"],
  ])("%s %j differs from %j", (fieldType, a, b) => {
    expect(targetsEqual(fieldType, a, b)).toBe(false);
  });

  test("the target kept and sent: keys and host names in lower case, values and order as written", () => {
    const sent = (fieldType: string, target: string) => checkRecordInputs({ zoneName: "example.com", subDomain: "s", fieldType, target }).spec.target;
    expect(sent("HTTPS", ' 1   Pool.Example.NET.  PORT=443  ALPN="h3,h2" ')).toBe("1 pool.example.net. port=443 alpn=h3,h2");
    expect(sent("RP", " Hostmaster.Example.COM.  . ")).toBe("hostmaster.example.com. .");
    expect(sent("SVCB", "1 svc.example.net. ech=abc")).toBe("1 svc.example.net. ech=abc"); // refused: kept as written
  });

  test("canonical form: keys in key order, lower case, values unquoted where they can be", () => {
    expect(canonicalTarget("HTTPS", '1 Pool.Example.NET. IPV6HINT=2001:DB8::1 alpn="h3,h2" mandatory=ipv6hint,alpn key667="a b"')).toBe(
      '1 pool.example.net mandatory=alpn,ipv6hint alpn=h2,h3 ipv6hint=2001:db8::1 key667="a b"',
    );
  });
});

/** A ServiceMode target as a list of params, each with its canonical spelling. */
const hostArb = fc.constantFrom(".", "svc.example.net.", "Pool.Example.NET.");
const ipv4Arb = fc.ipV4();
const ipv6Arb = fc.constantFrom("2001:db8::1", "2001:DB8:0:0::2", "::1", "2001:db8:0:0:0:0:0:3");
const paramsArb = fc.record(
  {
    alpn: fc.array(fc.constantFrom("h2", "h3", "http/1.1", "dot"), { minLength: 1, maxLength: 3 }),
    port: fc.integer({ min: 0, max: 65535 }),
    ipv4hint: fc.array(ipv4Arb, { minLength: 1, maxLength: 3 }),
    ipv6hint: fc.array(ipv6Arb, { minLength: 1, maxLength: 3 }),
    key667: fc.stringMatching(/^[a-z0-9 ]{0,6}$/),
  },
  { requiredKeys: [] },
);

/** The params written in `order`, each key in upper or lower case, each value quoted or not. */
function spell(params: Record<string, unknown>, order: number[], upper: boolean[], quoted: boolean[]): string {
  const entries = Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value.join(",") : String(value)] as const);
  const sorted = order.slice(0, entries.length).map((i) => entries[i % entries.length]);
  const unique = [...new Map(sorted.map((e) => [e[0], e])).values()];
  const rest = entries.filter(([k]) => !unique.some(([u]) => u === k));
  return [...unique, ...rest]
    .map(([key, value], i) => {
      const name = upper[i % upper.length] ? key.toUpperCase() : key;
      return quoted[i % quoted.length] || value === "" || value.includes(" ") ? `${name}="${value}"` : `${name}=${value}`;
    })
    .join(" ");
}

describe("properties of the canonical form", () => {
  const variants = fc.record({
    fieldType: fc.constantFrom("SVCB", "HTTPS"),
    priority: fc.integer({ min: 1, max: 65535 }),
    host: hostArb,
    params: paramsArb,
    order: fc.array(fc.nat(10), { minLength: 5, maxLength: 5 }),
    upper: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
    quoted: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
    hintOrder: fc.boolean(),
  });

  test("is idempotent and is itself a valid target", () => {
    fc.assert(
      fc.property(variants, ({ fieldType, priority, host, params, order, upper, quoted }) => {
        const target = `${priority} ${host} ${spell(params, order, upper, quoted)}`;
        expect(targetFailures(fieldType, target)).toEqual([]);
        const once = canonicalTarget(fieldType, target);
        expect(canonicalTarget(fieldType, once)).toBe(once);
        const withDot = once.split(" ")[1] === "." ? once : once.replace(/^(\S+ \S+)/, "$1.");
        expect(targetFailures(fieldType, withDot)).toEqual([]);
      }),
    );
  });

  test("spelling variants (param order, case, quoting, hint and alpn order, trailing dot, leading zeros) compare equal", () => {
    fc.assert(
      fc.property(variants, ({ fieldType, priority, host, params, order, upper, quoted, hintOrder }) => {
        const plain = `${priority} ${host.toLowerCase()} ${spell(params, [0, 1, 2, 3, 4], [false], [false])}`;
        const reverse = (value: unknown) => (Array.isArray(value) ? [...(value as string[])].reverse() : value);
        const reordered = hintOrder ? Object.fromEntries(Object.entries(params).map(([k, v]) => [k, reverse(v)])) : params;
        const bare = host === "." ? host : host.toUpperCase().replace(/\.$/, "");
        const other = `0${priority}   ${bare} ${spell(reordered, order, upper, quoted)}`;
        expect(targetsEqual(fieldType, plain, other)).toBe(true);
      }),
    );
  });
});

describe("properties of RP's canonical form", () => {
  const label = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/);
  const name = fc.oneof(fc.constant("."), fc.array(label, { minLength: 2, maxLength: 4 }).map((labels) => `${labels.join(".")}.`));
  const respell = (n: string, upper: boolean, dot: boolean) => (n === "." ? n : (upper ? n.toUpperCase() : n).replace(/\.$/, dot ? "." : ""));

  test("is idempotent, and case, spacing and the trailing dot do not change it", () => {
    fc.assert(
      fc.property(name, name, fc.boolean(), fc.boolean(), fc.constantFrom(" ", "  ", "\t"), (mbox, txt, upper, dot, gap) => {
        const target = `${mbox} ${txt}`;
        expect(targetFailures("RP", target)).toEqual([]);
        const once = canonicalTarget("RP", target);
        expect(canonicalTarget("RP", once)).toBe(once);
        expect(targetsEqual("RP", target, ` ${respell(mbox, upper, dot)}${gap}${respell(txt, !upper, dot)} `)).toBe(true);
      }),
    );
  });
});
