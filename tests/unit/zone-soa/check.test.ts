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
    [{ ttl: 3600, color: "blue" }, "color", 'unknown property "color": a ZoneSoa takes zoneName, ttl, nxDomainTtl, refresh and expire'],
    [{}, "ttl", "a ZoneSoa with none of ttl, nxDomainTtl, refresh, expire manages nothing"],
  ])("refuses %j on %s, saying what to do", (fields, property, reason) => {
    const { failures } = checkZoneSoa({ zoneName: "example.com", ...fields });
    expect(failures).toEqual([{ property, reason: expect.stringContaining(reason) }]);
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
  test("another zone replaces the resource", () => {
    expect(diffZoneSoa(olds, { zoneName: "example.net", ttl: 3600, nxDomainTtl: 300 }).replaces).toEqual(["zoneName"]);
  });
});
