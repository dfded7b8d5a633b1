import { UNKNOWN_VALUE } from "../../provider/zone-record";
import { behindPulumi, startRig, zoneLines, type Rig } from "./support";

const www = { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 };

describe("ZoneRecordProvider against the emulator", () => {
  let rig: Rig;
  beforeEach(async () => (rig = await startRig()));
  afterEach(() => rig.emulator.close());

  it("creates a record, refreshes the zone once, and returns its id and outputs", async () => {
    const { id, outs } = await rig.provider.create(www);
    expect(id).toMatch(/^[1-9][0-9]{9,}$/);
    expect(outs).toEqual({ ...www, recordId: id, fqdn: "www.example.com", instanceId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(zoneLines(rig.emulator)).toEqual(["A www 203.0.113.10 3600"]);
    expect(rig.emulator.count({ method: "POST", path: "/domain/zone/example.com/record" })).toBe(1);
    expect(rig.emulator.count({ method: "POST", path: "/domain/zone/example.com/refresh" })).toBe(1);
    expect(rig.emulator.zone("example.com").pendingChanges).toBe(false);
  });

  it("creates 100 records in one zone in parallel with far fewer than 100 refreshes", async () => {
    const made = await Promise.all(Array.from({ length: 100 }, (_, i) =>
      rig.provider.create({ ...www, subDomain: `host${i}`, target: `203.0.113.${i + 1}` })));
    expect(new Set(made.map((m) => m.id)).size).toBe(100);
    expect(rig.emulator.zone("example.com").records).toHaveLength(100);
    const refreshes = rig.emulator.count({ method: "POST", path: "/domain/zone/example.com/refresh" });
    console.log(`100 parallel creates: ${refreshes} refresh call(s)`);
    expect(refreshes).toBeLessThanOrEqual(5);
    expect(rig.emulator.zone("example.com").pendingChanges).toBe(false);
  });

  it("keeps the program's TXT text while OVH stores it quoted, so a refresh shows no change", async () => {
    const spf = { ...www, subDomain: "", fieldType: "TXT", target: "v=spf1 include:mx.ovh.com -all", ttl: 0 };
    const { id, outs } = await rig.provider.create(spf);
    expect(outs.target).toBe("v=spf1 include:mx.ovh.com -all");
    expect(zoneLines(rig.emulator)).toEqual(['TXT  "v=spf1 include:mx.ovh.com -all" 0']);
    const read = await rig.provider.read(id, outs);
    expect(read).toEqual({ id, props: outs });
    const diff = await rig.provider.diff(id, outs, spf);
    expect(diff.changes).toBe(false);
  });

  it("updates target, ttl and subDomain in place with one PUT that never sends fieldType", async () => {
    const { id, outs } = await rig.provider.create(www);
    const news = { ...www, subDomain: "web", target: "203.0.113.20", ttl: 600 };
    const updated = await rig.provider.update(id, outs, news);
    expect(updated.outs).toEqual({ ...news, recordId: id, fqdn: "web.example.com", instanceId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(zoneLines(rig.emulator)).toEqual(["A web 203.0.113.20 600"]);
    expect(rig.emulator.count({ method: "PUT", outcome: "ok" })).toBe(1);
  });

  it("moves a record to the apex (a subDomain of \"\" is sent, never left out)", async () => {
    const { id, outs } = await rig.provider.create(www);
    const updated = await rig.provider.update(id, outs, { ...www, subDomain: "" });
    expect(updated.outs).toMatchObject({ subDomain: "", fqdn: "example.com" });
    expect(zoneLines(rig.emulator)).toEqual(["A  203.0.113.10 3600"]);
  });

  it("deletes a record, and a record already gone counts as deleted", async () => {
    const { id, outs } = await rig.provider.create(www);
    await rig.provider.delete(id, outs);
    expect(zoneLines(rig.emulator)).toEqual([]);
    await expect(rig.provider.delete(id, outs)).resolves.toBeUndefined();
    expect(rig.emulator.count({ method: "DELETE", status: 404 })).toBe(1);
  });

  it("re-binds to the identical record when OVH renumbered it, and drops a record that is gone", async () => {
    const { id, outs } = await rig.provider.create(www);
    // What "edit the zone as text" in the OVH console does: the same records come back with new ids.
    const emu = rig.emulator;
    emu.addZone("example.com", [{ subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 }]);
    const newId = String(emu.zone("example.com").records[0].id);
    expect(newId).not.toBe(id);
    const rebound = await rig.provider.read(id, outs);
    expect(rebound).toEqual({ id: newId, props: { ...outs, recordId: newId } });
    emu.addZone("example.com", []);
    expect(await rig.provider.read(newId, { ...outs, recordId: newId })).toEqual({ id: "", props: {} });
  });

  it("reports drift: a target edited behind Pulumi's back shows in read", async () => {
    const { id, outs } = await rig.provider.create(www);
    await behindPulumi(rig).request("PUT", `/domain/zone/example.com/record/${id}`, { body: { target: "198.51.100.7" } });
    const read = await rig.provider.read(id, outs);
    expect(read).toEqual({ id, props: { ...outs, target: "198.51.100.7" } });
    expect(await rig.provider.diff(id, read.props, www)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("imports an existing record from the program's inputs alone, by id or by <id>.<zone>", async () => {
    rig.emulator.addZone("example.com", [{ subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 }]);
    const id = String(rig.emulator.zone("example.com").records[0].id);
    const inputs = { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 };
    const byId = await rig.provider.read(id, inputs);
    expect(byId).toEqual({ id, props: { ...inputs, recordId: id, fqdn: "www.example.com" }, inputs });
    const byDotted = await rig.provider.read(`${id}.example.com`, { subDomain: "www" });
    expect(byDotted.id).toBe(id);
    expect(byDotted.props).toMatchObject({ zoneName: "example.com", fieldType: "A", target: "203.0.113.10" });
  });

  it("fails a refresh loudly when the zone does not exist, never dropping the record silently", async () => {
    await expect(rig.provider.read("5390038375", { ...www, zoneName: "unknown.example", recordId: "5390038375", fqdn: "x" }))
      .rejects.toThrow("no zone unknown.example in this account (the account has: example.com): check the spelling, or the endpoint");
  });

  it("checks inputs and lets values not known yet through", async () => {
    const ok = await rig.provider.check({}, { ...www, target: UNKNOWN_VALUE });
    expect(ok.failures).toEqual([]);
    const bad = await rig.provider.check({}, { ...www, ttl: 30 });
    expect(bad.failures).toEqual([expect.objectContaining({ property: "ttl" })]);
  });
});
