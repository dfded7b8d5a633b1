/**
 * DynHostRecord and DynHostLogin check and diff: pure. Every bad input is refused on its field with the fix, a
 * password is never written into a reason, and the diff knows what replaces and what changes in place.
 */
import { checkDynHostLogin, checkDynHostRecord, diffDynHostLogin, diffDynHostRecord } from "../../provider/dynhost";
import { UNKNOWN_VALUE, isUnknownValue } from "../../provider/zone-record/unknown";

const record = { zoneName: "Example.COM.", subDomain: "Home", ip: "203.0.113.7" };
const login = { zoneName: "example.com", loginSuffix: "router", subDomain: "home", password: "correct horse battery" };
const fields = (failures: { property: string; reason: string }[]) => failures.map((f) => `${f.property}: ${f.reason}`);

describe("checkDynHostRecord", () => {
  it("normalises the zone and the name, and passes a valid record", () => {
    expect(checkDynHostRecord({ ...record, adopt: true })).toEqual({
      inputs: { zoneName: "example.com", subDomain: "home", ip: "203.0.113.7", adopt: true }, failures: [],
    });
    expect(checkDynHostRecord({ zoneName: "example.com", ip: "192.0.2.1" }).inputs.subDomain).toBe("");
  });

  it.each([
    [{ ip: "2001:db8::1" }, 'ip: ip "2001:db8::1" is an IPv6 address: OVH\'s DynHost holds one IPv4 address; for IPv6 declare a ZoneRecord of type AAAA'],
    [{ ip: "203.0.113.300" }, 'ip: ip "203.0.113.300" is not an IPv4 address (four numbers 0-255 without leading zeros, e.g. "203.0.113.7")'],
    [{ ip: undefined }, 'ip: ip is required: the IPv4 address the name points to now, e.g. "203.0.113.7" (a DynHost client changes it later)'],
    [{ subDomain: "*" }, 'subDomain: subDomain "*" is a wildcard: a DynHost record is one host name\'s address; name the host, e.g. "home"'],
    [{ subDomain: "home.example.com" }, 'subDomain: subDomain "home.example.com" repeats the zone name: OVH would create "home.example.com.example.com"; use "home"'],
    [{ zoneName: "" }, 'zoneName: zoneName is required: the DNS zone, e.g. "example.com"'],
    [{ ttl2: 60 }, 'ttl2: unknown property "ttl2": a DynHostRecord takes zoneName, subDomain, ip, adopt and waitUntilPublished'],
    [{ adopt: "yes" }, 'adopt: adopt must be true or false, not "yes": true takes over the DynHost record of that name instead of creating one'],
  ])("refuses %j on its field: %s", (change, reason) => {
    expect(fields(checkDynHostRecord({ ...record, ...change }).failures)).toEqual([reason]);
  });

  it("lets an unknown value through at preview", () => {
    expect(checkDynHostRecord({ ...record, ip: UNKNOWN_VALUE }).failures).toEqual([]);
  });
});

describe("checkDynHostLogin", () => {
  it("passes a valid login, * included", () => {
    expect(checkDynHostLogin(login)).toEqual({ inputs: login, failures: [] });
    expect(checkDynHostLogin({ ...login, subDomain: "*" }).failures).toEqual([]);
  });

  it.each([
    [{ loginSuffix: "example.com-router" }, 'loginSuffix: loginSuffix "example.com-router" repeats the zone: OVH prefixes it with "example.com-" itself; write "router"'],
    [{ loginSuffix: "my router" }, 'loginSuffix: loginSuffix "my router" holds " ": use letters, digits, ".", "_" and "-", starting with a letter or digit'],
    [{ loginSuffix: "-router" }, 'loginSuffix: loginSuffix "-router" starts with a dot, a dash or an underscore: use letters, digits, ".", "_" and "-", starting with a letter or digit'],
    [{ loginSuffix: "r".repeat(32) }, 'loginSuffix: loginSuffix is 32 characters long: keep it to 31 (the login is "<zoneName>-<loginSuffix>")'],
    [{ subDomain: "" }, 'subDomain: subDomain is required: the name the login may update, e.g. "home", or "*" for every name of the zone (the apex included)'],
    [{ subDomain: "a..b" }, undefined],
    [{ password: "short" }, "password: password is 5 characters long: use 8 to 64"],
    [{ password: "line\nbreak!" }, "password: password holds U+000A (line feed) at position 5: a DynHost client cannot send it; choose another password"],
    [{ password: undefined }, 'password: password is required: the DynHost client\'s password; pass it as a secret, e.g. config.requireSecret("dynhostPassword")'],
  ])("refuses %j on its field", (change, reason) => {
    const failures = fields(checkDynHostLogin({ ...login, ...change }).failures);
    const field = Object.keys(change)[0];
    expect(failures.length).toBe(1);
    expect(failures[0].startsWith(`${field}: `)).toBe(true);
    if (reason !== undefined) expect(failures).toEqual([reason]);
  });

  it("never writes the password into a reason", () => {
    for (const password of ["short", "x".repeat(65), "tab\there!!", 12345678]) {
      const reasons = checkDynHostLogin({ ...login, password }).failures.map((f) => f.reason).join("\n");
      expect(reasons).toMatch(/password/);
      expect(reasons).not.toContain(String(password));
    }
  });
});

describe("the DynHost diffs", () => {
  const outs = { zoneName: "example.com", subDomain: "home", ip: "203.0.113.7", dynHostId: "5", fqdn: "home.example.com", ttl: 60 };

  it("changes a record's name and address in place, replaces it for another zone", () => {
    expect(diffDynHostRecord(outs, { zoneName: "example.com", subDomain: "HOME", ip: "203.0.113.7" }, isUnknownValue).changes).toBe(false);
    expect(diffDynHostRecord(outs, { zoneName: "example.com", subDomain: "nas", ip: "203.0.113.8" }, isUnknownValue))
      .toEqual({ changes: true, replaces: [], changed: ["subDomain", "ip"], deleteBeforeReplace: false });
    expect(diffDynHostRecord(outs, { zoneName: "example.org", subDomain: "home", ip: "203.0.113.7" }, isUnknownValue).replaces).toEqual(["zoneName"]);
    expect(diffDynHostRecord(outs, { zoneName: "example.com", subDomain: "home", ip: UNKNOWN_VALUE }, isUnknownValue).changed).toEqual(["ip"]);
  });

  it("changes a login's sub-domain and password in place, replaces it for another suffix or zone", () => {
    const stored = { ...login, login: "example.com-router" };
    expect(diffDynHostLogin(stored, login, isUnknownValue).changes).toBe(false);
    expect(diffDynHostLogin(stored, { ...login, password: "another password", subDomain: "*" }, isUnknownValue))
      .toEqual({ changes: true, replaces: [], changed: ["subDomain", "password"], deleteBeforeReplace: false });
    expect(diffDynHostLogin(stored, { ...login, loginSuffix: "nas" }, isUnknownValue).replaces).toEqual(["loginSuffix"]);
    expect(diffDynHostLogin(stored, { ...login, zoneName: "example.org" }, isUnknownValue).replaces).toEqual(["zoneName"]);
  });
});
