/**
 * A ZoneRecord step that fails on the zone itself reads as `doctor` says it (provider/zone-record/zone-access.ts):
 * a mistyped or missing zone names the zones the account has (one `GET /domain/zone`, only on that failure), a
 * call the key's access rules refuse names the missing rule; a record's own 404 keeps its meaning.
 */
import { RecordGoneError } from "../../provider/zone-record/lifecycle";
import { SessionPool } from "../../provider/zone-record/connection";
import { ZoneAccessError } from "../../provider/zone-record/zone-access";
import { ZoneSoaProvider } from "../../provider/zone-soa/provider";
import { startRig, stackConfigFor, type Rig } from "./support";

const rec = (zoneName: string, subDomain = "www") => ({ zoneName, subDomain, fieldType: "A", target: "192.0.2.1", ttl: 3600 });
const NO_ZONE =
  "no zone exmaple.com in this account (the account has: example.com, example.net): check the spelling, or the endpoint";
const listings = (rig: Rig) => rig.emulator.count({ method: "GET", path: "/domain/zone" });

/** A rig whose stack uses consumer key `consumerKey`, granted only `rules`. */
function rigWithKey(consumerKey: string, rules: { method: "GET" | "POST" | "PUT" | "DELETE"; path: string }[]): Promise<Rig> {
  return startRig(
    {
      consumerKeys: [{ consumerKey, applicationKey: "zoneAccessApp000", rules }],
      applications: [{ applicationKey: "zoneAccessApp000", applicationSecret: "zoneAccessSecret0000000000000000" }],
    },
    (emulator) => ({
      ...stackConfigFor(emulator),
      "ovh:applicationKey": "zoneAccessApp000",
      "ovh:applicationSecret": "zoneAccessSecret0000000000000000",
      "ovh:consumerKey": consumerKey,
    }),
  );
}

describe("a ZoneRecord step failing on its zone says what doctor says", () => {
  let rig: Rig;
  afterEach(() => rig.emulator.close());

  it("create in a mistyped zone: names it and the account's zones, once listed; not the API's 'service does not exist'", async () => {
    rig = await startRig({ zones: { "example.com": [], "example.net": [] } });
    const failures = await Promise.allSettled([rig.provider.create(rec("exmaple.com", "a")), rig.provider.create(rec("exmaple.com", "b"))]);
    for (const failure of failures) {
      expect(failure.status).toBe("rejected");
      const err = (failure as PromiseRejectedResult).reason as Error;
      expect(err).toBeInstanceOf(ZoneAccessError);
      expect(err.message.split("\n")[0]).toBe(NO_ZONE);
      expect(err.message).not.toContain("This service does not exist");
    }
    expect(listings(rig)).toBe(1);
  });

  it("update and refresh of a record whose zone is not in the account: the same message", async () => {
    rig = await startRig({ zones: { "example.com": [], "example.net": [] } });
    const olds = { ...rec("exmaple.com"), recordId: "5390038375" };
    await expect(rig.provider.update("5390038375", olds, { ...rec("exmaple.com"), ttl: 600 })).rejects.toThrow(NO_ZONE);
    await expect(rig.provider.read("5390038375", olds)).rejects.toThrow(NO_ZONE);
  });

  it("a record's own 404 in a zone the account has keeps its meaning (RecordGoneError), after one listing", async () => {
    rig = await startRig({ zones: { "example.com": [], "example.net": [] } });
    const olds = { ...rec("example.com"), recordId: "5390038375" };
    const err = await rig.provider.update("5390038375", olds, { ...rec("example.com"), ttl: 600 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordGoneError);
    expect(listings(rig)).toBe(1);
    // A refresh of a record gone from a zone the account has drops it, without listing the zones.
    expect(await rig.provider.read("5390038375", olds)).toEqual({ id: "", props: {} });
    expect(listings(rig)).toBe(1);
  });

  it("a call the key's access rules do not grant: names the missing rule and the command that gets a key with it", async () => {
    rig = await rigWithKey("noCreateKey000000000000000000000", [
      { method: "GET", path: "/domain*" },
      { method: "PUT", path: "/domain/zone/example.com/record/*" },
      { method: "POST", path: "/domain/zone/example.com/refresh" },
    ]);
    const err = (await rig.provider.create(rec("example.com")).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ZoneAccessError);
    expect(err.message.split("\n")[0]).toBe(
      "POST /domain/zone/example.com/record was refused: missing rule POST /domain/zone/example.com/record (needed to create a record): " +
        "request a key with `pulumi-ovh-dns credentials --zone example.com`",
    );
    expect(listings(rig)).toBe(0);
  });

  it("a ZoneSoa whose key lacks PUT <zone>/soa: names the rule and `credentials --with-soa`, and changes nothing", async () => {
    rig = await rigWithKey("noSoaKey000000000000000000000000", [
      { method: "GET", path: "/domain*" },
      { method: "PUT", path: "/domain/zone/example.com/record/*" },
      { method: "POST", path: "/domain/zone/example.com/refresh" },
    ]);
    const soa = new ZoneSoaProvider(new SessionPool());
    await soa.configure({ config: { get: (key: string) => rig.config[key], require: (key: string) => rig.config[key] } });
    const err = (await soa.create({ zoneName: "example.com", nxDomainTtl: 300 }).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ZoneAccessError);
    expect(err.message.split("\n")[0]).toBe(
      "PUT /domain/zone/example.com/soa was refused: missing rule PUT /domain/zone/example.com/soa (needed to change the zone's SOA (ZoneSoa)): " +
        "request a key with `pulumi-ovh-dns credentials --zone example.com --with-soa`",
    );
    expect(rig.emulator.zone("example.com").soa.nxDomainTtl).toBe(60);
  });
});
