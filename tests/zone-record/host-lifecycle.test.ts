/**
 * The ZoneRecord lifecycle through both doors of the provider, over gRPC, as `pulumi up` drives them: Pulumi's
 * real dynamic-provider plugin host loading the serialized provider, and the `ovhdns` resource provider plugin
 * (dist/provider/plugin/main.js) serving the same provider object. Configure with the credentials as secrets,
 * then Check, Diff, Create, Read (refresh and import forms), Update and Delete against the emulator. Both load
 * the provider from the built package (`npm run build`, run by `npm test` before the tests).
 */
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { stackKeyOf } from "../../provider/zone-record/registry-codec";
import { SERIALIZED_PROVIDER, ZONE_RECORD_TYPE } from "../../sdk/zone-record";
import { HostError, UNKNOWN, makeUrn, spawnProviderHost, type ProviderHost } from "../../tools/plugin-host";
import { stackConfigFor, zoneLines } from "./support";

const ROOT = path.resolve(__dirname, "../..");

/** One door: how the engine reaches the provider, and what its resources carry. */
interface Door {
  name: string;
  /** The plugin's script; the dynamic-provider host when absent. */
  script?: string;
  type: string;
  /** What every input and output of the door holds besides the record's own properties. */
  carried: Record<string, string>;
  /** The config key of an `ovh:` setting, as the door's Configure receives it. */
  key: (ovhKey: string) => string;
}

const DOORS: Door[] = [
  { name: "Pulumi's dynamic-provider host", type: ZONE_RECORD_TYPE, carried: { __provider: SERIALIZED_PROVIDER }, key: (k) => k },
  {
    name: "the ovhdns plugin",
    script: path.join(ROOT, "dist", "provider", "plugin", "main.js"),
    type: "ovhdns:index:ZoneRecord",
    // The stack key the plugin derives from the URN (stack "dev" of project "dns"), as the SDK passes it.
    carried: { __stack: stackKeyOf("organization", "dns", "dev") },
    key: (k) => k.replace(/^ovh:/, ""),
  },
];

describe("the serialized provider", () => {
  it("is under 1,500 bytes", () => {
    const bytes = Buffer.byteLength(JSON.stringify(SERIALIZED_PROVIDER));
    console.log(`serialized __provider: ${bytes} bytes`);
    expect(bytes).toBeLessThanOrEqual(1500);
  });
});

describe.each(DOORS)("ZoneRecord through $name", (door) => {
  const urn = (name: string) => makeUrn({ stack: "dev", project: "dns", type: door.type, name });
  const SECRET_KEYS = ["ovh:applicationSecret", "ovh:consumerKey"].map(door.key);
  const www = { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600, ...door.carried };
  const configOf = (stack: Record<string, string>) => Object.fromEntries(Object.entries(stack).map(([k, v]) => [door.key(k), v]));
  let emulator: Emulator;
  let host: ProviderHost;
  let config: Record<string, string>;

  beforeAll(async () => {
    emulator = await startEmulator({
      zones: { "example.com": [] },
      refreshDurationMs: 5,
      defaultCredentials: { applicationKey: "ak-host-tests" },
      consumerKeys: [{ consumerKey: "ck-without-refresh", applicationKey: "ak-host-tests",
        rules: [{ method: "GET", path: "/*" }, { method: "POST", path: "/domain/zone/*/record" }] }],
    });
    config = configOf(stackConfigFor(emulator));
    host = await spawnProviderHost({ cwd: ROOT, project: "dns", config, secretKeys: SECRET_KEYS, script: door.script });
    await host.configure();
  });
  afterAll(async () => {
    await host.close();
    await emulator.close();
  });
  beforeEach(() => emulator.addZone("example.com", []));

  // That no credential reaches the state is checked on a real state file: tests/zone-record/state-secrets.test.ts.
  it("checks every input, reporting each failure with its property", async () => {
    const ok = await host.check(urn("www"), {}, www);
    expect(ok).toEqual({ inputs: www, failures: [] });
    const bad = await host.check(urn("bad"), {}, { ...www, fieldType: "CNAME", target: "web", ttl: 30 });
    expect(bad.failures.map((f) => f.property).sort()).toEqual(["target", "ttl"]);
    expect(bad.failures.find((f) => f.property === "ttl")?.reason).toMatch(/60/);
  });

  it("lets a value not known yet through check and shows it as a possible change in diff", async () => {
    const checked = await host.check(urn("www"), {}, { ...www, target: UNKNOWN });
    expect(checked.failures).toEqual([]);
    const { id, properties } = await host.create(urn("www"), www);
    expect(await host.diff(id, urn("www"), properties, checked.inputs)).toEqual({ changes: "some", replaces: [], deleteBeforeReplace: false });
  });

  it("creates, diffs, refreshes, updates and deletes a record", async () => {
    const { inputs } = await host.check(urn("www"), {}, www);
    const created = await host.create(urn("www"), inputs);
    expect(created.properties).toEqual({ ...www, recordId: created.id, fqdn: "www.example.com", instanceId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(zoneLines(emulator)).toEqual(["A www 203.0.113.10 3600"]);

    expect(await host.diff(created.id, urn("www"), created.properties, inputs)).toEqual({ changes: "none", replaces: [], deleteBeforeReplace: false });
    const refreshed = await host.read(created.id, urn("www"), created.properties, inputs);
    expect(refreshed).toEqual({ id: created.id, properties: created.properties });

    const news = { ...inputs, target: "203.0.113.11", ttl: 600 };
    expect((await host.diff(created.id, urn("www"), created.properties, news)).changes).toBe("some");
    const updated = await host.update(created.id, urn("www"), created.properties, news);
    expect(updated.properties).toMatchObject({ target: "203.0.113.11", ttl: 600, recordId: created.id });
    expect(zoneLines(emulator)).toEqual(["A www 203.0.113.11 600"]);

    await host.delete(created.id, urn("www"), updated.properties);
    expect(zoneLines(emulator)).toEqual([]);
    expect((await host.read(created.id, urn("www"), updated.properties)).id).toBe("");
  });

  it("asks for a replace on a change of type, deleting first when a CNAME would stand beside the old record", async () => {
    const { id, properties } = await host.create(urn("www"), www);
    const news = { ...www, fieldType: "CNAME", target: "web.example.com." };
    expect(await host.diff(id, urn("www"), properties, news)).toEqual({ changes: "some", replaces: ["fieldType"], deleteBeforeReplace: true });
  });

  it("imports an existing record from the program's inputs alone", async () => {
    emulator.addZone("example.com", [{ subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 }]);
    const id = String(emulator.zone("example.com").records[0].id);
    const read = await host.readImport(id, urn("www"), www);
    expect(read.id).toBe(id);
    expect(read.properties).toEqual({ ...www, recordId: id, fqdn: "www.example.com" });
    expect(read.inputs).toEqual(www);
  });

  it("keeps a created record in the state when its zone refresh fails", async () => {
    // A consumer key allowed to create records but not to refresh the zone: a common mistake, and a 403 that
    // terraform-provider-ovh only logs (a failed refresh is a log line there).
    const denied = { ...config, [door.key("ovh:consumerKey")]: "ck-without-refresh" };
    const other = await spawnProviderHost({ cwd: ROOT, project: "dns", config: denied, secretKeys: SECRET_KEYS, script: door.script });
    try {
      await other.configure();
      const err = (await other.create(urn("www"), www).catch((e) => e)) as HostError;
      expect(err).toBeInstanceOf(HostError);
      expect(err.initFailure?.id).toBe(String(emulator.zone("example.com").records[0].id));
      expect(err.initFailure?.properties).toMatchObject({ subDomain: "www", recordId: err.initFailure?.id, ...door.carried });
      expect(err.providerMessage).toMatch(/zone refresh that publishes it failed: .*add the rule POST \/domain\/zone\/example.com\/refresh/);
      // What the engine prints, the message and the init failure's reasons, ends with the zone as the run left it.
      expect(err.providerMessage.endsWith("\nIn zone example.com, this run so far:\n  - 1 written but not served, the zone refresh that " +
        "publishes it failed (created www A 203.0.113.10): the next `pulumi up` refreshes the zone again.")).toBe(true);
      expect(err.initFailure?.reasons).toEqual([err.providerMessage]);
    } finally {
      await other.close();
    }
  });

  it("never writes a credential into outputs or the host's logs", async () => {
    const created = await host.create(urn("www"), www);
    const seen = JSON.stringify(created) + host.stderr() + host.stdout();
    for (const key of SECRET_KEYS) expect(seen).not.toContain(config[key]);
  });
  it("ends with the zone exactly as declared when 10% of calls fail in every way", async () => {
    emulator.setFaults({ serverErrorRate: 0.02, serverErrorAfterApplyRate: 0.02, tooManyRequestsRate: 0.02, retryAfterSeconds: 0,
      resetRate: 0.02, lostResponseRate: 0.02 });
    try {
      const declared = Array.from({ length: 20 }, (_, i) => ({ ...www, subDomain: `h${i}`, target: `192.0.2.${i + 1}` }));
      const settle = async <T>(op: () => Promise<T>): Promise<T> => {
        // What the next `pulumi up` does after a failed step: the same step again.
        for (let attempt = 1; ; attempt++) {
          try { return await op(); } catch (err) { if (attempt === 5) throw err; }
        }
      };
      const created = await Promise.all(declared.map((d, i) => settle(() => host.create(urn(`h${i}`), d).catch((e: HostError) => {
        if (e.initFailure) return { id: e.initFailure.id, properties: e.initFailure.properties };
        throw e;
      }))));
      await Promise.all(created.slice(0, 10).map((c, i) =>
        settle(() => host.update(c.id, urn(`h${i}`), c.properties, { ...declared[i], ttl: 600 }).catch((e: HostError) => {
          if (!e.initFailure) throw e;
        }))));
      await Promise.all(created.slice(15).map((c, i) => settle(() => host.delete(c.id, urn(`h${15 + i}`), c.properties))));
      emulator.setFaults({});
      const expected = declared.slice(0, 15).map((d, i) => `A ${d.subDomain} ${d.target} ${i < 10 ? 600 : 3600}`).sort();
      expect(zoneLines(emulator)).toEqual(expected);
      const faults = emulator.log.filter((e) => e.outcome.startsWith("fault:")).length;
      console.log(`faults injected: ${faults}`);
      expect(faults).toBeGreaterThan(0);
    } finally {
      emulator.setFaults({});
    }
  });
});
