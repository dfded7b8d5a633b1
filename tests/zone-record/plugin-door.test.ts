/**
 * What the `ovhdns` plugin adds to the provider it serves (provider/plugin/server.ts), over gRPC as the engine
 * drives it: it serves `ovhdns:index:ZoneRecord` only, reads its credentials from the `ovhdns` config (the
 * dynamic provider's `ovh:` keys mean nothing to it), makes `ovhdns:owner` the default owner, reads an import id
 * written `<zoneName>/<recordId>`, and answers GetPluginInfo with the package's version. The lifecycle itself runs through
 * both doors in host-lifecycle.test.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { HostError, makeUrn, spawnProviderHost, type ProviderHost } from "../../tools/plugin-host";
import { stackConfigFor, zoneLines } from "./support";

const ROOT = path.resolve(__dirname, "../..");
const PLUGIN = path.join(ROOT, "dist", "provider", "plugin", "main.js");
const urn = (name: string, type = "ovhdns:index:ZoneRecord") => makeUrn({ stack: "dev", project: "dns", type, name });
const www = { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 };

describe("the ovhdns plugin's own part", () => {
  let emulator: Emulator;
  const hosts: ProviderHost[] = [];
  /** The plugin, configured with `config` (bare keys, the two secrets wrapped as the engine wraps them). */
  const plugin = async (config: Record<string, string>) => {
    const host = await spawnProviderHost({ cwd: ROOT, project: "dns", config, secretKeys: ["applicationSecret", "consumerKey"], script: PLUGIN });
    hosts.push(host);
    await host.configure();
    return host;
  };
  const ovhdnsConfig = () => Object.fromEntries(Object.entries(stackConfigFor(emulator)).map(([k, v]) => [k.replace(/^ovh:/, ""), v]));

  beforeEach(async () => (emulator = await startEmulator({ zones: { "example.com": [] }, refreshDurationMs: 5 })));
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((h) => h.close()));
    await emulator.close();
  });

  it("refuses a resource type other than those it serves, naming them, before any call", async () => {
    const host = await plugin(ovhdnsConfig());
    emulator.clearLog();
    const err = (await host.create(urn("www", "ovhdns:index:Zone"), www).catch((e: unknown) => e)) as HostError;
    expect(err).toBeInstanceOf(HostError);
    expect(err.providerMessage).toContain(
      'the ovhdns plugin serves the resources ovhdns:index:ZoneRecord, ovhdns:index:ZoneDnssec, ovhdns:index:ZoneRedirection, ovhdns:index:ZoneSoa, ' +
      'ovhdns:index:DynHostRecord, ovhdns:index:DynHostLogin and the component ovhdns:index:Zone; "ovhdns:index:Zone" is not one of its resources');
    expect(emulator.log).toEqual([]);
  });

  it("serves ovhdns:index:ZoneDnssec with the dynamic provider's code: check on the field, enable, refresh, disable", async () => {
    const host = await plugin(ovhdnsConfig());
    const dnssec = (name: string) => urn(name, "ovhdns:index:ZoneDnssec");
    expect((await host.check(dnssec("bad"), {}, { zoneName: "example.com", timeoutSeconds: 1 })).failures.map((f) => f.property)).toEqual(["timeoutSeconds"]);
    // The ZoneRecord's defaults (owner, stack key) are not a ZoneDnssec's inputs.
    expect((await host.check(dnssec("dnssec"), {}, { zoneName: "Example.COM" })).inputs).toEqual({ zoneName: "example.com" });
    const created = await host.create(dnssec("dnssec"), { zoneName: "example.com" });
    expect(created).toEqual({ id: "example.com", properties: { zoneName: "example.com", status: "enabled", adopted: false } });
    expect(emulator.zone("example.com").dnssec).toBe("enabled");
    expect((await host.read("example.com", dnssec("dnssec"), created.properties)).properties).toMatchObject({ status: "enabled" });
    await host.delete("example.com", dnssec("dnssec"), created.properties);
    expect(emulator.zone("example.com").dnssec).toBe("disabled");
  });

  it("reads its credentials from the ovhdns config, not from the dynamic provider's ovh: keys", async () => {
    const host = await plugin(stackConfigFor(emulator)); // ovh:endpoint... : not the plugin's namespace
    const err = (await host.create(urn("www"), www).catch((e: unknown) => e)) as HostError;
    expect(err.providerMessage).toMatch(/applicationKey|OVH_APPLICATION_KEY|credential/i);
    expect(zoneLines(emulator)).toEqual([]);
    const configured = await plugin(ovhdnsConfig());
    await configured.create(urn("www"), www);
    expect(zoneLines(emulator)).toEqual(["A www 203.0.113.10 3600"]);
  });

  it("makes ovhdns:owner the default owner of a record, as the TypeScript SDK does; a record's own owner wins", async () => {
    const host = await plugin({ ...ovhdnsConfig(), owner: "team-dns" });
    expect((await host.check(urn("www"), {}, www)).inputs.owner).toBe("team-dns");
    expect((await host.check(urn("www"), {}, { ...www, owner: "other" })).inputs.owner).toBe("other");
    const bad = await plugin({ ...ovhdnsConfig(), owner: "no spaces" });
    expect((await bad.check(urn("www"), {}, www)).failures.map((f) => f.property)).toEqual(["owner"]);
  });

  it("imports a record by <zoneName>/<recordId> with no inputs at all, answering the inputs that declare it", async () => {
    emulator.addZone("example.com", [{ subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 }]);
    const id = String(emulator.zone("example.com").records[0].id);
    const host = await plugin(ovhdnsConfig());
    const read = await host.read(`example.com/${id}`, urn("www"), undefined);
    expect(read).toEqual({ id, properties: { ...www, recordId: id, fqdn: "www.example.com" }, inputs: www });
    const bad = (await host.read(`not a zone/${id}`, urn("www"), undefined).catch((e: unknown) => e)) as HostError;
    expect(bad.providerMessage).toContain(`write the id as <zoneName>/<recordId>, e.g. example.com/${id}`);
  });

  it("serves the data sources as functions, refusing an unknown function or a bad argument by name, before any call", async () => {
    emulator.addZone("example.com", [{ subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 }]);
    const host = await plugin(ovhdnsConfig());
    expect(await host.invoke("ovhdns:index:getZones", {})).toEqual({ zones: ["example.com"] });
    const found = await host.invoke("ovhdns:index:getZoneRecords", { zoneName: "Example.COM.", fieldType: "a" });
    expect(found).toEqual({ zoneName: "example.com", records: [expect.objectContaining({ subDomain: "www", fieldType: "A", fqdn: "www.example.com" })] });
    emulator.clearLog();
    const unknown = (await host.invoke("ovhdns:index:getRecords", {}).catch((e: unknown) => e)) as HostError;
    expect(unknown.providerMessage).toContain('the ovhdns plugin has no function "ovhdns:index:getRecords": it serves ovhdns:index:getDomains, ovhdns:index:getZones, ovhdns:index:getZone, ovhdns:index:getZoneRecords');
    const bad = (await host.invoke("ovhdns:index:getZoneRecords", { zoneName: "example.com", fieldType: 5 }).catch((e: unknown) => e)) as HostError;
    expect(bad.providerMessage).toContain('getZoneRecords: fieldType must be text such as "TXT", not 5');
    expect(emulator.log.filter((e) => e.path !== "/auth/time")).toEqual([]);
  });

  it("answers its version, the package's (its schema: tests/pulumi-cli/plugin.test.ts, through the CLI)", async () => {
    const host = await plugin(ovhdnsConfig());
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    expect(await host.getPluginInfo()).toEqual({ version });
  });
});
