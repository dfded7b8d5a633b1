/**
 * What the lifecycle does when a record or its zone changed behind its back, or when a create could not find
 * out whether its POST was applied: re-binding on refresh only, "not found" for import, destroy of what is
 * gone, and the unsettled create that the next `up` settles.
 */
import { RecordIdError, ZoneRecordError } from "../../provider/records";
import { DeleteUnpublishedError, ZoneRefreshError } from "../../provider/zone-record";
import { RecordGoneError, RecordInitError } from "../../provider/zone-record/lifecycle";
import { startRig, zoneLines, type Rig } from "./support";

const www = { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "192.0.2.1", ttl: 3600 };
const seeded = (n: number) => Array.from({ length: n }, () => ({ subDomain: "www", fieldType: "A", target: "192.0.2.1", ttl: 3600 }));
const ids = (rig: Rig) => rig.emulator.zone("example.com").records.map((r) => String(r.id));

describe("ZoneRecord when records or zones change behind it", () => {
  let rig: Rig;
  afterEach(() => rig.emulator.close());

  it("re-binds two identical renumbered records, refreshed in parallel, to two different records", async () => {
    rig = await startRig();
    const a = await rig.provider.create(www);
    const b = await rig.provider.create(www);
    rig.emulator.addZone("example.com", seeded(2)); // a text edit in the console: every id changes
    const [ra, rb] = await Promise.all([rig.provider.read(a.id, a.outs), rig.provider.read(b.id, b.outs)]);
    expect(new Set([ra.id, rb.id])).toEqual(new Set(ids(rig)));
  });

  it("does not re-bind a refreshed record to one of the same name and type with another target", async () => {
    rig = await startRig();
    const a = await rig.provider.create(www);
    rig.emulator.addZone("example.com", [{ subDomain: "www", fieldType: "A", target: "192.0.2.99", ttl: 3600 }]);
    expect((await rig.provider.read(a.id, a.outs)).id).toBe("");
  });

  it("answers not found for an import of an id that does not exist, even beside an identical record", async () => {
    rig = await startRig({ zones: { "example.com": seeded(1) } });
    const missing = String(Number(ids(rig)[0]) + 1000);
    const { recordId: _r, fqdn: _f, ...inputs } = { ...www, recordId: "", fqdn: "" };
    expect(await rig.provider.read(missing, inputs)).toEqual({ id: "", props: {} });
    expect(await rig.provider.read(`${missing}.example.com`, {})).toEqual({ id: "", props: {} });
  });

  it("refreshes the zone after a DELETE answered 404, so a deletion whose refresh failed is published by the next destroy", async () => {
    rig = await startRig();
    const a = await rig.provider.create(www);
    rig.emulator.setFaults({ serverErrorRate: 1, methods: ["POST"], pathPattern: /\/refresh$/ });
    const failed = (await rig.provider.delete(a.id, a.outs).catch((e: unknown) => e)) as DeleteUnpublishedError;
    expect(failed).toBeInstanceOf(DeleteUnpublishedError);
    expect(failed.cause).toBeInstanceOf(ZoneRefreshError);
    expect([rig.emulator.zone("example.com").records.length, rig.emulator.zone("example.com").pendingChanges]).toEqual([0, true]);
    rig.emulator.setFaults({});
    rig.emulator.clearLog();
    await rig.provider.delete(a.id, a.outs);
    expect(rig.emulator.log.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
      `DELETE /domain/zone/example.com/record/${a.id} 404`,
      "POST /domain/zone/example.com/refresh 204",
    ]);
    expect(rig.emulator.zone("example.com").pendingChanges).toBe(false);
  });

  it("finishes the destroy of a record whose zone no longer exists", async () => {
    rig = await startRig();
    const a = await rig.provider.create(www);
    await expect(rig.provider.delete(a.id, { ...a.outs, zoneName: "gone.example" })).resolves.toBeUndefined();
    expect(rig.emulator.count({ method: "POST", path: /refresh$/, outcome: "ok" })).toBe(1); // the create's own
  });

  it("refuses to update a record that vanished, naming `pulumi refresh`, and makes nothing", async () => {
    rig = await startRig();
    const a = await rig.provider.create(www);
    rig.emulator.addZone("example.com", []);
    await expect(rig.provider.update(a.id, a.outs, { ...www, ttl: 600 })).rejects.toBeInstanceOf(RecordGoneError);
    await expect(rig.provider.update(a.id, a.outs, { ...www, ttl: 600 })).rejects.toThrow(
      `record ${a.id} of zone example.com no longer exists: it was deleted or renumbered outside Pulumi (editing a zone as text in the OVH console renumbers its records). Run \`pulumi refresh\` to re-bind or drop it, then \`pulumi up\` again.`,
    );
    expect(zoneLines(rig.emulator)).toEqual([]);
  });

  it.each([["5?x=1"], ["../refresh"], ["05"], ["9007199254740993"], ["1e21"], ["-5"]])(
    "refuses record id %s on delete, update and refresh, naming it, sending nothing",
    async (bad) => {
      rig = await startRig();
      rig.emulator.clearLog();
      const refused = new RecordIdError(
        `record id ${JSON.stringify(bad)} of zone example.com is not an OVH record id (a whole number from 1 to 2^53 - 1 in digits, ` +
          "such as 5390038375): nothing was sent; check the resource's id in the state",
      );
      await expect(rig.provider.delete(bad, { ...www, recordId: bad })).rejects.toThrow(refused);
      await expect(rig.provider.update(bad, { ...www, recordId: bad }, www)).rejects.toThrow(refused);
      await expect(rig.provider.delete(bad, { ...www, recordId: bad })).rejects.toBeInstanceOf(ZoneRecordError);
      await expect(rig.provider.read(bad, { ...www, recordId: bad })).rejects.toThrow(
        `cannot read ZoneRecord "${bad}": the id must be an OVH record id (a whole number from 1 to 2^53 - 1, such as 5390038375), <zoneName>/<recordId> or <recordId>.<zoneName>`,
      );
      expect(rig.emulator.log.filter((e) => e.path !== "/auth/time")).toEqual([]);
    },
  );
});

describe("ZoneRecord create that could not find out whether its POST was applied", () => {
  let rig: Rig;
  afterEach(() => rig.emulator.close());

  async function unsettledCreate(): Promise<RecordInitError> {
    // The POST is applied but its answer lost; then every listing of the record fails. The create's wait before
    // it looks (its injected sleep) is where the listings start failing: no race with the test.
    const listingsFail = async () => rig.emulator.setFaults({ serverErrorRate: 1, methods: ["GET"], pathPattern: "/record$" });
    rig = await startRig({ faults: { lostResponseRate: 1, methods: ["POST"], pathPattern: "/record$" } }, undefined, listingsFail);
    await rig.provider.create({ ...www, subDomain: "other" }).catch(() => undefined); // the zone's "ids before"
    rig.emulator.setFaults({ lostResponseRate: 1, methods: ["POST"], pathPattern: "/record$" });
    const err = await rig.provider.create(www).catch((e: unknown) => e);
    rig.emulator.setFaults({});
    expect(err).toBeInstanceOf(RecordInitError);
    return err as RecordInitError;
  }

  it("is kept in the state as unsettled, naming the record that may exist", async () => {
    const err = await unsettledCreate();
    expect(err.id).toBe("unsettled");
    expect(err.message).toMatch(/^the creation of www A 192\.0\.2\.1 \(ttl 3600\) in zone example\.com may have been applied/);
    expect(err.properties).toMatchObject({ ...www, recordId: "unsettled" });
  });

  it("is settled by the next up, in a new process: the orphan is taken over and changed as declared, never posted again", async () => {
    const err = await unsettledCreate();
    const orphan = rig.emulator.zone("example.com").records.find((r) => r.subDomain === "www");
    const next = await startRig({}, () => rig.config); // a new provider process, same stack
    try {
      rig.emulator.clearLog();
      const { outs } = await next.provider.update("unsettled", { ...err.properties }, { ...www, target: "192.0.2.2" });
      expect(outs).toMatchObject({ target: "192.0.2.2", recordId: String(orphan?.id) });
      expect(rig.emulator.count({ method: "POST", path: /record$/ })).toBe(0);
      expect(zoneLines(rig.emulator)).toEqual(["A other 192.0.2.1 3600", "A www 192.0.2.2 3600"]);
      // From then on the stored recordId is the record: a later update and the destroy use it.
      await next.provider.delete("unsettled", outs);
      expect(zoneLines(rig.emulator)).toEqual(["A other 192.0.2.1 3600"]);
    } finally {
      await next.emulator.close();
    }
  });

  it("is settled by a refresh, which answers the orphan's id", async () => {
    const err = await unsettledCreate();
    const orphan = rig.emulator.zone("example.com").records.find((r) => r.subDomain === "www");
    const read = await rig.provider.read("unsettled", { ...err.properties });
    expect(read.id).toBe(String(orphan?.id));
  });
});
