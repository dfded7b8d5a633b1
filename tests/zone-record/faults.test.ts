import { SessionPool, ZoneRecordProvider } from "../../provider/zone-record";
import { RecordInitError } from "../../provider/zone-record/lifecycle";
import { startRig, stackConfigFor, zoneLines, type Rig } from "./support";

const rec = (i: number) => ({ zoneName: "example.com", subDomain: `h${i}`, fieldType: "A", target: `192.0.2.${i}`, ttl: 0 });
const POST_RECORD = { methods: ["POST"], pathPattern: "^/domain/zone/[^/]+/record$" };

describe("ZoneRecordProvider when the API fails", () => {
  let rig: Rig;
  afterEach(() => rig.emulator.close());

  it.each([
    ["a lost response (the record was made, the answer lost)", { lostResponseRate: 1 }],
    ["a 500 after the record was made", { serverErrorAfterApplyRate: 1 }],
  ])("adopts the record of %s instead of posting again", async (_what, fault) => {
    rig = await startRig({ faults: { ...fault, ...POST_RECORD } });
    const { id } = await rig.provider.create(rec(1));
    expect(zoneLines(rig.emulator)).toEqual(["A h1 192.0.2.1 0"]);
    expect(String(rig.emulator.zone("example.com").records[0].id)).toBe(id);
    expect(rig.emulator.count({ method: "POST", path: "/domain/zone/example.com/record" })).toBe(1);
  });

  it.each([
    ["a 429", { tooManyRequestsRate: 1, retryAfterSeconds: 0 }],
    ["a 500 before anything was applied", { serverErrorRate: 1 }],
    ["a connection reset", { resetRate: 1 }],
  ])("posts again after %s, and makes the record once", async (_what, fault) => {
    rig = await startRig({ faults: { ...fault, ...POST_RECORD } });
    const done = rig.provider.create(rec(1));
    // Let the first POST fail, then let the API answer again.
    while (rig.emulator.count({ method: "POST", path: "/domain/zone/example.com/record" }) < 1) await new Promise((r) => setTimeout(r, 2));
    rig.emulator.setFaults({});
    await done;
    expect(zoneLines(rig.emulator)).toEqual(["A h1 192.0.2.1 0"]);
  });

  it("waits, then looks, then posts: a POST applied 300 ms after its connection dropped is found, not sent again", async () => {
    rig = await startRig({ faults: { lateApplyRate: 1, lateApplyDelayMs: 300, ...POST_RECORD } });
    // Real waits here: the create must outwait the late apply (400 ms, then 800...), as it would a slow API.
    const provider = new ZoneRecordProvider(new SessionPool(undefined, { refresh: { settleMs: 2 }, create: { settleDelayMs: 800 } }));
    await provider.configure({ config: { get: (key: string) => rig.config[key], require: (key: string) => rig.config[key] } });
    const { id } = await provider.create(rec(1));
    await rig.emulator.settle();
    expect(zoneLines(rig.emulator)).toEqual(["A h1 192.0.2.1 0"]);
    expect(String(rig.emulator.zone("example.com").records[0].id)).toBe(id);
    expect(rig.emulator.count({ method: "POST", path: "/domain/zone/example.com/record" })).toBe(1);
  });

  it("ends with exactly the declared records after 60 creates through 30% faults of every kind", async () => {
    rig = await startRig({
      seed: 7,
      faults: { serverErrorRate: 0.06, serverErrorAfterApplyRate: 0.06, tooManyRequestsRate: 0.06, retryAfterSeconds: 0, resetRate: 0.06, lostResponseRate: 0.06 },
    });
    const results = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => rig.provider.create(rec(i + 1))));
    const failed = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    // A create may fail for good (the refresh failed too often), but then it carries the record's id.
    for (const f of failed) expect(f.reason).toBeInstanceOf(RecordInitError);
    const lines = zoneLines(rig.emulator);
    expect(lines).toHaveLength(60);
    expect(new Set(lines).size).toBe(60);
  });

  it("keeps the record with its id when the zone refresh is not granted, with the access rule to add", async () => {
    rig = await startRig(
      { defaultCredentials: { applicationKey: "ak-test" }, consumerKeys: [{ consumerKey: "ck-no-refresh", applicationKey: "ak-test", rules: [
        { method: "GET", path: "/*" }, { method: "POST", path: "/domain/zone/*/record" },
      ] }] },
      (e) => ({ ...stackConfigFor(e), "ovh:consumerKey": "ck-no-refresh" }),
    );
    const err = await rig.provider.create(rec(1)).catch((e) => e);
    expect(err).toBeInstanceOf(RecordInitError);
    expect(err.id).toBe(String(rig.emulator.zone("example.com").records[0].id));
    expect(err.properties).toMatchObject({ subDomain: "h1", recordId: err.id });
    expect(err.message).toMatch(/refresh/);
    expect(err.message).toMatch(/POST \/domain\/zone\/.*refresh/);
  });
});
