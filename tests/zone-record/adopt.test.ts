import { startRig, zoneLines, type Rig } from "./support";

const www = { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 };
const seeded = (records: { subDomain: string; fieldType: string; target: string; ttl?: number }[]) =>
  ({ zones: { "example.com": records } });

describe("adopt: taking over an existing record instead of posting a duplicate", () => {
  let rig: Rig;
  afterEach(() => rig.emulator.close());

  it("takes over the identical record: no POST, no refresh, the same id", async () => {
    rig = await startRig(seeded([{ subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 }]));
    const existing = String(rig.emulator.zone("example.com").records[0].id);
    const { id, outs } = await rig.provider.create({ ...www, adopt: true });
    expect(id).toBe(existing);
    expect(outs).toEqual({ ...www, recordId: existing, fqdn: "www.example.com", instanceId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(rig.emulator.count({ method: "POST" })).toBe(0);
    expect(rig.emulator.count({ method: "PUT" })).toBe(0);
    expect(zoneLines(rig.emulator)).toEqual(["A www 203.0.113.10 3600"]);
  });

  it("matches by meaning: TXT as OVH stores it (quoted) and host names in another case", async () => {
    rig = await startRig(seeded([
      { subDomain: "", fieldType: "TXT", target: '"v=spf1 include:mx.ovh.com -all"', ttl: 0 },
      { subDomain: "WWW", fieldType: "CNAME", target: "Web.Example.net.", ttl: 0 },
    ]));
    const spf = await rig.provider.create({ ...www, subDomain: "", fieldType: "TXT", target: "v=spf1 include:mx.ovh.com -all", ttl: 0, adopt: true });
    const cname = await rig.provider.create({ ...www, fieldType: "CNAME", target: "web.example.net.", ttl: 0, adopt: true });
    expect(spf.outs.target).toBe("v=spf1 include:mx.ovh.com -all");
    expect(cname.outs.target).toBe("web.example.net.");
    expect(rig.emulator.count({ method: "POST" })).toBe(0);
  });

  it("sets a different TTL in place with one PUT and one refresh", async () => {
    rig = await startRig(seeded([{ subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 60 }]));
    const existing = String(rig.emulator.zone("example.com").records[0].id);
    const { id, outs } = await rig.provider.create({ ...www, adopt: true });
    expect(id).toBe(existing);
    expect(outs.ttl).toBe(3600);
    expect(zoneLines(rig.emulator)).toEqual(["A www 203.0.113.10 3600"]);
    expect(rig.emulator.count({ method: "POST", path: /\/record$/ })).toBe(0);
    expect(rig.emulator.count({ method: "PUT", outcome: "ok" })).toBe(1);
    expect(rig.emulator.count({ method: "POST", path: /\/refresh$/ })).toBe(1);
  });

  it("never takes a record whose target differs: it creates the declared one beside it", async () => {
    rig = await startRig(seeded([{ subDomain: "www", fieldType: "A", target: "203.0.113.99", ttl: 3600 }]));
    const { id } = await rig.provider.create({ ...www, adopt: true });
    expect(id).not.toBe(String(rig.emulator.zone("example.com").records[0].id));
    expect(zoneLines(rig.emulator)).toEqual(["A www 203.0.113.10 3600", "A www 203.0.113.99 3600"]);
    expect(rig.emulator.count({ method: "POST", path: /\/record$/ })).toBe(1);
  });

  it("gives each of two identical declarations its own record, in parallel: one adopted, one created", async () => {
    rig = await startRig(seeded([{ subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 }]));
    const [a, b] = await Promise.all([rig.provider.create({ ...www, adopt: true }), rig.provider.create({ ...www, adopt: true })]);
    expect(a.id).not.toBe(b.id);
    expect(zoneLines(rig.emulator)).toEqual(["A www 203.0.113.10 3600", "A www 203.0.113.10 3600"]);
    expect(rig.emulator.count({ method: "POST", path: /\/record$/ })).toBe(1);
  });

  it("without adopt, posts a new record even when an identical one exists", async () => {
    rig = await startRig(seeded([{ subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 }]));
    await rig.provider.create(www);
    expect(rig.emulator.count({ method: "POST", path: /\/record$/ })).toBe(1);
    expect(rig.emulator.zone("example.com").records).toHaveLength(2);
  });

  it("fails without posting when the zone cannot be listed, naming the zone", async () => {
    rig = await startRig(seeded([]));
    rig.emulator.setFaults({ serverErrorRate: 1, methods: ["GET"], pathPattern: "/record$" });
    await expect(rig.provider.create({ ...www, adopt: true })).rejects.toThrow(/example\.com/);
    expect(rig.emulator.count({ method: "POST" })).toBe(0);
  });

  it("check keeps adopt, refuses a non-boolean with the field named, and diff ignores it", async () => {
    rig = await startRig(seeded([]));
    const ok = await rig.provider.check({}, { ...www, adopt: true });
    expect(ok.failures).toEqual([]);
    expect(ok.inputs).toMatchObject({ adopt: true });
    const bad = await rig.provider.check({}, { ...www, adopt: "yes" });
    expect(bad.failures).toEqual([expect.objectContaining({ property: "adopt", reason: expect.stringMatching(/true or false/) })]);
    const { id, outs } = await rig.provider.create(www);
    expect((await rig.provider.diff(id, outs, { ...www, adopt: true })).changes).toBe(false);
  });
});
