/**
 * The SDK surface in a Pulumi program, with `pulumi.runtime.setMocks`: the resource's args, defaults and
 * outputs (the mock runs the real provider, loaded from the serialized `__provider`, against the emulator),
 * and the data sources, which read the stack config like the provider does.
 */
import * as pulumi from "@pulumi/pulumi";
import { startEmulator, type Emulator } from "../../emulator";
import * as ovhdns from "../../sdk";
import { SERIALIZED_PROVIDER, stackKey, ZONE_RECORD_TYPE } from "../../sdk/zone-record";
import { stackConfigFor } from "../zone-record/support";

const valueOf = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));

describe("the pulumi-ovh-dns SDK in a program", () => {
  let emulator: Emulator;
  const registered: { type: string; inputs: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({
      zones: {
        "example.com": [
          { subDomain: "", fieldType: "MX", target: "10 mx1.example.com.", ttl: 0 },
          { subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 },
        ],
        "hosted-only.example": [],
      },
      domains: ["example.com"],
      refreshDurationMs: 5,
    });
    // The program's stack config, as `pulumi config set [--secret] ovh:...` leaves it.
    pulumi.runtime.setAllConfig(stackConfigFor(emulator), ["ovh:applicationSecret", "ovh:consumerKey"]);
    await pulumi.runtime.setMocks({
      newResource: async (args) => {
        registered.push({ type: args.type, inputs: args.inputs });
        // Run the real provider the way the plugin host would: load it from the serialized __provider.
        const handler = eval(`(() => { const exports = {}; ${args.inputs.__provider}; return exports.handler; })()`);
        const provider = handler();
        await provider.configure({ config: { get: (k: string) => stackConfigFor(emulator)[k] } });
        const { inputs } = await provider.check({}, args.inputs);
        const { id, outs } = await provider.create(inputs);
        return { id, state: outs };
      },
      call: () => ({}),
    }, "dns", "dev", false);
  });
  afterAll(() => emulator.close());

  it("declares a record with the apex and the zone default TTL as defaults, and exposes its outputs", async () => {
    const record = new ovhdns.ZoneRecord("apex", { zoneName: "example.com", fieldType: "TXT", target: "hello world" });
    const [id, recordId, fqdn, subDomain, ttl, target] = await Promise.all([
      valueOf(record.id), valueOf(record.recordId), valueOf(record.fqdn), valueOf(record.subDomain), valueOf(record.ttl), valueOf(record.target),
    ]);
    expect(recordId).toBe(id);
    expect(fqdn).toBe("example.com");
    expect({ subDomain, ttl, target }).toEqual({ subDomain: "", ttl: 0, target: "hello world" });
    const seen = registered.find((r) => r.inputs.target === "hello world")!;
    expect(seen.type).toBe(ZONE_RECORD_TYPE);
    expect(seen.inputs).toEqual({ zoneName: "example.com", subDomain: "", fieldType: "TXT", target: "hello world", ttl: 0, __provider: SERIALIZED_PROVIDER, __stack: stackKey() });
    expect(emulator.zone("example.com").records.map((r) => r.target)).toContain('"hello world"');
  });

  it("declares a redirection with the stack key and its owner, whose claim the provider writes in the zone", async () => {
    const redirection = new ovhdns.ZoneRedirection("home", { zoneName: "example.com", subDomain: "home", type: "visible", target: "https://example.org/", owner: "dns/prod" });
    const [id, owner] = await Promise.all([valueOf(redirection.id), valueOf(redirection.owner)]);
    expect(owner).toBe("dns/prod");
    const seen = registered.find((r) => r.inputs.subDomain === "home")!;
    expect([seen.inputs.owner, seen.inputs.__stack]).toEqual(["dns/prod", stackKey()]);
    expect(emulator.zone("example.com").records.filter((r) => r.subDomain === "_ovhdns-owner").map((r) => r.target))
      .toEqual([`"v=ovhdns1 owner=dns/prod stack=${stackKey()} redirections=${id}"`]);
  });

  it("takes Outputs of other resources as inputs", async () => {
    const first = new ovhdns.ZoneRecord("target-host", { zoneName: "example.com", subDomain: "app", fieldType: "A", target: "192.0.2.4" });
    const alias = new ovhdns.ZoneRecord("alias", { zoneName: "example.com", subDomain: "alias", fieldType: "CNAME", target: pulumi.interpolate`${first.fqdn}.` });
    expect(await valueOf(alias.target)).toBe("app.example.com.");
  });

  it("lists registered domains and hosted zones separately", async () => {
    expect(await ovhdns.getDomains()).toEqual({ domains: ["example.com"] });
    expect(await valueOf(ovhdns.getZonesOutput())).toMatchObject({ zones: expect.arrayContaining(["example.com", "hosted-only.example"]) });
  });

  it("describes a zone", async () => {
    const zone = await valueOf(ovhdns.getZoneOutput({ zoneName: pulumi.output("Example.com") }));
    expect(zone.name).toBe("example.com");
    expect(zone.nameServers.length).toBeGreaterThan(0);
    expect(typeof zone.lastUpdate).toBe("string");
  });

  it("lists a zone's records with their ids, filtered by type and name", async () => {
    const mx = await ovhdns.getZoneRecords({ zoneName: "example.com", fieldType: "mx" });
    expect(mx.records).toEqual([{
      recordId: String(emulator.zone("example.com").records.find((r) => r.fieldType === "MX")!.id),
      zoneName: "example.com", subDomain: "", fieldType: "MX", target: "10 mx1.example.com.", ttl: 0, fqdn: "example.com",
    }]);
    const www = await valueOf(ovhdns.getZoneRecordsOutput({ zoneName: "example.com", subDomain: "www" }));
    expect(www.records.map((r) => `${r.fieldType} ${r.fqdn} ${r.target}`)).toEqual(["A www.example.com 203.0.113.10"]);
  });

  it("says which zone name is missing", async () => {
    await expect(ovhdns.getZone({ zoneName: "" })).rejects.toThrow('getZone: zoneName must be a zone name such as "example.com"');
  });
});
