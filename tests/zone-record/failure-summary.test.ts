/**
 * An `up` that fails says which records are in which state: the error of every failing ZoneRecord step ends with
 * what the run did to the zone (provider/zone-record/run-report.ts), and what it says is checked against the
 * emulator's zone (the records, and the records as served since the last refresh) and against what the next
 * `up` does.
 */
import { SessionPool, ZoneRecordProvider } from "../../provider/zone-record";
import { RecordGoneError, RecordInitError } from "../../provider/zone-record/lifecycle";
import { behindPulumi, startRig, zoneLines, type Rig } from "./support";

const rec = (name: string, i: number) => ({ zoneName: "example.com", subDomain: name, fieldType: "A", target: `192.0.2.${i}`, ttl: 3600 });
const HEAD = "In zone example.com, this run so far:\n  - ";
const REFRESH_FAILS = { serverErrorRate: 1, methods: ["POST"], pathPattern: "/refresh$" };
const NOT_WRITTEN_TAIL = "each failed step's error says why, and the next `pulumi up` tries again";
const UNSETTLED_TAIL =
  "the record may exist; it stays in the state as unsettled, and the next `pulumi up` (or `pulumi refresh`) takes it over instead of " +
  "posting it again: keep it declared until then";

const served = (rig: Rig) => rig.emulator.zone("example.com").published.map((r) => `${r.subDomain} ${r.target}`).sort();
const rejections = (results: PromiseSettledResult<unknown>[]) =>
  results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as Error & { reasons?: string[] });

/** A new provider process on the same stack: the next `pulumi up`. */
async function nextUp(rig: Rig): Promise<ZoneRecordProvider> {
  const provider = new ZoneRecordProvider(new SessionPool(undefined, { refresh: { settleMs: 2 }, refreshRetry: { baseDelayMs: 5 }, sleep: async () => undefined }));
  await provider.configure({ config: { get: (key: string) => rig.config[key], require: (key: string) => rig.config[key] } });
  return provider;
}

/** A rig whose create waits run `onSleep` (where a test switches faults between a POST and its look-up). */
async function rigWithSleepHook(): Promise<{ rig: Rig; hook: { onSleep: () => Promise<void> } }> {
  const hook = { onSleep: async () => undefined as void };
  const rig = await startRig({}, undefined, () => hook.onSleep());
  return { rig, hook };
}

describe("the error of a failing ZoneRecord step says what the run did to the zone", () => {
  let rig: Rig;
  afterEach(() => rig.emulator.close());

  it("a refresh that fails after parallel creates: the errors list them all as written but not served, those handed off included", async () => {
    rig = await startRig();
    await rig.provider.create(rec("before", 1));
    rig.emulator.setFaults(REFRESH_FAILS);
    const results = await Promise.allSettled([2, 3, 4, 5].map((i) => rig.provider.create(rec(`h${i}`, i))));
    const failed = rejections(results);
    // The steps handed off to a later one returned; the one that waited for the failed refresh failed.
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(4);
    for (const err of failed) {
      expect(err).toBeInstanceOf(RecordInitError);
      expect(err.message).toMatch(/^the change was made in zone example\.com but the zone refresh that publishes it failed: /);
      expect(err.message.endsWith(
        `\n${HEAD}1 written and served;\n  - 4 written but not served, the zone refresh that publishes them failed (created h2 A 192.0.2.2, ` +
          "created h3 A 192.0.2.3, created h4 A 192.0.2.4, created h5 A 192.0.2.5): the next `pulumi up` refreshes the zone again.",
      )).toBe(true);
      expect(err.reasons).toEqual([err.message]);
    }
    // So it is: the four are in the zone, and not served.
    expect(zoneLines(rig.emulator)).toHaveLength(5);
    expect(served(rig)).toEqual(["before 192.0.2.1"]);
    // And the next up, which updates each resource that failed to initialise, publishes them all.
    rig.emulator.setFaults({});
    const next = await nextUp(rig);
    for (const err of failed as RecordInitError[]) await next.update(err.id, { ...err.properties }, { ...err.properties });
    expect(served(rig)).toEqual(["before 192.0.2.1", "h2 192.0.2.2", "h3 192.0.2.3", "h4 192.0.2.4", "h5 192.0.2.5"]);
  });

  it("a POST that fails before it is applied: not written, and nothing of it is in the zone", async () => {
    rig = await startRig();
    await rig.provider.create(rec("before", 1));
    rig.emulator.setFaults({ serverErrorRate: 1, methods: ["POST"], pathPattern: "/record$" });
    const err = (await rig.provider.create(rec("www", 2)).catch((e: unknown) => e)) as Error;
    expect(err).not.toBeInstanceOf(RecordInitError);
    expect(err.message).toMatch(/^OVH API error 500 /);
    expect(err.message.endsWith(
      `\n${HEAD}1 written and served;\n  - 1 not written, nothing of it reached the zone (created www A 192.0.2.2): ${NOT_WRITTEN_TAIL}.`,
    )).toBe(true);
    expect(zoneLines(rig.emulator)).toEqual(["A before 192.0.2.1 3600"]);
  });

  it("an ambiguous POST whose look-up fails: unknown, kept as unsettled, and the next up takes the record over", async () => {
    const made = await rigWithSleepHook();
    rig = made.rig;
    await rig.provider.create(rec("before", 1));
    // The POST is applied but its answer lost; the create's wait before it looks is where the listings start failing.
    rig.emulator.setFaults({ lostResponseRate: 1, methods: ["POST"], pathPattern: "/record$" });
    made.hook.onSleep = async () => rig.emulator.setFaults({ serverErrorRate: 1, methods: ["GET"], pathPattern: "/record$" });
    const err = (await rig.provider.create(rec("mail", 2)).catch((e: unknown) => e)) as RecordInitError;
    rig.emulator.setFaults({});
    expect(err).toBeInstanceOf(RecordInitError);
    expect(err.id).toBe("unsettled");
    expect(err.message.endsWith(
      `\n${HEAD}1 written and served;\n  - 1 unknown, a POST whose answer was lost and whose look-up failed (created mail A 192.0.2.2): ${UNSETTLED_TAIL}.`,
    )).toBe(true);
    expect(err.reasons).toEqual([err.message]);
    // So it is: the record exists, not served; the next up takes it over without posting.
    const orphan = rig.emulator.zone("example.com").records.find((r) => r.subDomain === "mail");
    expect(orphan).toBeDefined();
    expect(served(rig)).toEqual(["before 192.0.2.1"]);
    const posts = rig.emulator.count({ method: "POST", path: "/domain/zone/example.com/record" });
    const { outs } = await (await nextUp(rig)).update("unsettled", { ...err.properties }, rec("mail", 2));
    expect(outs.recordId).toBe(String(orphan?.id));
    expect(rig.emulator.count({ method: "POST", path: "/domain/zone/example.com/record" })).toBe(posts);
    expect(served(rig)).toEqual(["before 192.0.2.1", "mail 192.0.2.2"]);
  });

  it("a mix under parallel steps: each record in its last state, in the error of every step that fails", async () => {
    const made = await rigWithSleepHook();
    rig = made.rig;
    const [a1, a2, , a4] = await Promise.all([1, 2, 3, 4].map((i) => rig.provider.create(rec(`a${i}`, i))));
    await behindPulumi(rig).request("DELETE", `/domain/zone/example.com/record/${a4.id}`); // its update will find nothing
    // Every record POST fails before it is applied, and so does every zone refresh; PUT and DELETE go through.
    rig.emulator.setFaults({ serverErrorRate: 1, methods: ["POST"], pathPattern: "/(record|refresh)$" });
    const results = await Promise.allSettled([
      rig.provider.update(a1.id, a1.outs, rec("a1", 11)),
      rig.provider.delete(a2.id, a2.outs),
      rig.provider.create(rec("n1", 21)),
      rig.provider.update(a4.id, a4.outs, rec("a4", 14)),
    ]);
    const failed = rejections(results);
    expect(results[2].status).toBe("rejected");
    expect(failed.find((e) => e instanceof RecordGoneError)).toBeDefined();
    // Of the update and the delete, the one that waited for the failed refresh failed; the other was handed off.
    expect([results[0].status, results[1].status].sort()).toEqual(["fulfilled", "rejected"]);
    for (const err of failed) expect(err.message).toContain(`\n${HEAD}`);
    expect((results[2] as PromiseRejectedResult).reason.message).toContain("created n1 A 192.0.2.21");

    // Then an ambiguous POST whose look-up fails: its error, the last of the run, holds the whole picture.
    rig.emulator.setFaults({ lostResponseRate: 1, methods: ["POST"], pathPattern: "/record$" });
    made.hook.onSleep = async () => rig.emulator.setFaults({ serverErrorRate: 1, methods: ["GET"], pathPattern: "/record$" });
    const last = (await rig.provider.create(rec("u1", 31)).catch((e: unknown) => e)) as Error;
    rig.emulator.setFaults({});
    expect(last.message.endsWith(
      `\n${HEAD}1 written and served;\n` +
        "  - 2 written but not served, the zone refresh that publishes them failed (updated a1 A 192.0.2.11, deleted a2 A 192.0.2.2): " +
        "the next `pulumi up` refreshes the zone again;\n" +
        `  - 2 not written, nothing of them reached the zone (created n1 A 192.0.2.21, updated a4 A 192.0.2.14): ${NOT_WRITTEN_TAIL};\n` +
        `  - 1 unknown, a POST whose answer was lost and whose look-up failed (created u1 A 192.0.2.31): ${UNSETTLED_TAIL}.`,
    )).toBe(true);
    // So it is: a1's update and a2's deletion are in the zone but not served, n1 is nowhere, u1 exists unserved.
    expect(zoneLines(rig.emulator)).toEqual(["A a1 192.0.2.11 3600", "A a3 192.0.2.3 3600", "A u1 192.0.2.31 3600"]);
    expect(served(rig)).toEqual(["a1 192.0.2.1", "a2 192.0.2.2", "a3 192.0.2.3", "a4 192.0.2.4"]);
  });
});
