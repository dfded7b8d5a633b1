import { checkZoneSoa, diffZoneSoa } from "../../../provider/zone-soa/check";
import { UNKNOWN_VALUE } from "../../../provider/zone-record";

describe("checkZoneSoa", () => {
  test("accepts the managed fields in range and passes the zone name lower case", () => {
    expect(checkZoneSoa({ zoneName: "Example.COM", ttl: 3600, nxDomainTtl: 300, refresh: 86400, expire: 3600000 })).toEqual({
      inputs: { zoneName: "example.com", ttl: 3600, nxDomainTtl: 300, refresh: 86400, expire: 3600000 },
      failures: [],
    });
  });

  test.each([
    [{ nxDomainTtl: 30 }, "nxDomainTtl", "nxDomainTtl 30 is outside 60..86400 seconds (how long resolvers cache that a name does not exist (RFC 2308)"],
    [{ nxDomainTtl: 86401 }, "nxDomainTtl", "nxDomainTtl 86401 is outside 60..86400"],
    [{ ttl: 59 }, "ttl", "ttl 59 is outside 60..604800 seconds"],
    [{ ttl: 1.5 }, "ttl", "ttl must be a whole number of seconds, not 1.5"],
    [{ ttl: "3600" }, "ttl", 'ttl must be a whole number of seconds, not "3600"'],
    [{ refresh: 10 }, "refresh", "refresh 10 is outside 60..2419200"],
    [{ refresh: 7200, expire: 3600 }, "expire", "expire 3600 is not above refresh 7200"],
    [{ ttl: 3600, color: "blue" }, "color", 'unknown property "color": a ZoneSoa takes zoneName, ttl, nxDomainTtl, refresh, expire and email'],
    [{}, "ttl", "a ZoneSoa with none of ttl, nxDomainTtl, refresh, expire, email manages nothing"],
    [{ email: "hostmaster.example.com." }, "email", 'email "hostmaster.example.com." has no "@": OVH takes the administrator\'s address as a mailbox, not the SOA\'s RNAME form; use "hostmaster@example.com"'],
    [{ email: "john\\.doe.example.com." }, "email", 'use "john.doe@example.com"'],
    [{ email: "hostmaster@example.com." }, "email", 'email "hostmaster@example.com." ends in a dot: a mailbox\'s domain has none; use "hostmaster@example.com"'],
    [{ email: "a@b@example.com" }, "email", 'email "a@b@example.com" has more than one "@"'],
    [{ email: "@example.com" }, "email", 'has nothing before the "@": name the mailbox, e.g. "hostmaster@example.com"'],
    [{ email: "hostmaster@" }, "email", 'email "hostmaster@" has no domain after the "@"'],
    [{ email: "hostmaster@localhost" }, "email", "has a domain without a dot"],
    [{ email: "host master@example.com" }, "email", "email holds U+0020 (space character) at character 5"],
    [{ email: "hostmaster@example.com\n" }, "email", "email holds U+000A (line feed) at character 23"],
    [{ email: "josé@example.com" }, "email", "has U+00E9 (non-ASCII character) before the"],
    [{ email: "a(b)@example.com" }, "email", 'has a character before the "@" other than letters'],
    [{ email: "a..b@example.com" }, "email", "leading, trailing or doubled dot"],
    [{ email: `${"x".repeat(64)}@example.com` }, "email", 'has 64 characters before the "@"; the SOA carries them as one DNS label, at most 63'],
    [{ email: "hostmaster@exa_mple..com" }, "email", 'email\'s domain "exa_mple..com" has an empty label'],
    [{ email: 42 }, "email", 'email must be a mailbox such as "hostmaster@example.com", not 42'],
  ])("refuses %j on %s, saying what to do", (fields, property, reason) => {
    const { failures } = checkZoneSoa({ zoneName: "example.com", ...fields });
    expect(failures).toEqual([{ property, reason: expect.stringContaining(reason) }]);
  });

  test("accepts a mailbox alone, kept as written", () => {
    expect(checkZoneSoa({ zoneName: "example.com", email: "Host.Master+dns@Example.COM" })).toEqual({
      inputs: { zoneName: "example.com", email: "Host.Master+dns@Example.COM" },
      failures: [],
    });
    expect(checkZoneSoa({ zoneName: "example.com", email: `${"x".repeat(63)}@example.com` }).failures).toEqual([]);
  });

  test("refuses a missing or malformed zone name on zoneName", () => {
    expect(checkZoneSoa({ ttl: 3600 }).failures).toEqual([{ property: "zoneName", reason: expect.stringContaining("zoneName is required") }]);
    expect(checkZoneSoa({ zoneName: "exa mple.com", ttl: 3600 }).failures.map((f) => f.property)).toEqual(["zoneName"]);
  });

  test("leaves a value not known yet (a preview) to the up", () => {
    expect(checkZoneSoa({ zoneName: UNKNOWN_VALUE, ttl: UNKNOWN_VALUE, expire: 60, refresh: UNKNOWN_VALUE }).failures).toEqual([]);
  });
});

describe("diffZoneSoa", () => {
  const olds = { zoneName: "example.com", ttl: 3600, nxDomainTtl: 300, serial: 2026120401, previous: { ttl: 3600, nxDomainTtl: 60 } };
  test("no change for the same inputs, whatever the outputs hold", () => {
    expect(diffZoneSoa(olds, { zoneName: "example.com", ttl: 3600, nxDomainTtl: 300 })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });
  test("a changed, added or dropped field is an update in place", () => {
    expect(diffZoneSoa(olds, { zoneName: "example.com", ttl: 3600, nxDomainTtl: 900 }).changes).toBe(true);
    expect(diffZoneSoa(olds, { zoneName: "example.com", ttl: 3600, nxDomainTtl: 300, refresh: 7200 })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(diffZoneSoa(olds, { zoneName: "example.com", ttl: 3600 }).replaces).toEqual([]);
  });
  test("email: compared without regard to case; taking it over is a change, dropping it none", () => {
    const managed = { ...olds, email: "tech@ovh.net", previous: { ttl: 3600, nxDomainTtl: 60, email: "tech@ovh.net" } };
    const news = { zoneName: "example.com", ttl: 3600, nxDomainTtl: 300 };
    expect(diffZoneSoa(managed, { ...news, email: "Tech@OVH.net" }).changes).toBe(false);
    expect(diffZoneSoa(managed, { ...news, email: "hostmaster@example.com" })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(diffZoneSoa(managed, news).changes).toBe(false);
    // The outputs always hold OVH's address: the same value, not managed before, is still a change (to take it over).
    const unmanaged = { ...olds, email: "tech@ovh.net" };
    expect(diffZoneSoa(unmanaged, { ...news, email: "tech@ovh.net" }).changes).toBe(true);
    expect(diffZoneSoa(unmanaged, news).changes).toBe(false);
  });

  test("another zone replaces the resource", () => {
    expect(diffZoneSoa(olds, { zoneName: "example.net", ttl: 3600, nxDomainTtl: 300 }).replaces).toEqual(["zoneName"]);
  });
});
