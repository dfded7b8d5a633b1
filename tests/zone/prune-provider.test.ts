/**
 * The deleter of undeclared records against the emulator: it never deletes a record the Zone holds, skips what
 * is already gone, and when DELETEs fail it reports what is left, the next run finishing the job.
 */
import { startEmulator, type Emulator } from "../../emulator";
import { SessionPool } from "../../provider/zone-record";
import { chooseRecords, ZonePruneProvider } from "../../provider/zone-manifest";
import { stackConfigFor } from "../zone-record/support";

const ZONE = "example.com";

describe("ZonePruneProvider", () => {
  let emulator: Emulator;
  let provider: ZonePruneProvider;
  beforeEach(async () => {
    emulator = await startEmulator({ zones: { [ZONE]: [
      { subDomain: "www", fieldType: "A", target: "203.0.113.10" },
      { subDomain: "www", fieldType: "A", target: "203.0.113.10" },
      { subDomain: "old", fieldType: "A", target: "203.0.113.99" },
      { fieldType: "TXT", target: "left over" },
    ] }, refreshDurationMs: 5 });
    provider = new ZonePruneProvider(new SessionPool(undefined, { refresh: { settleMs: 2 }, refreshRetry: { baseDelayMs: 5 }, sleep: async () => undefined }));
    const config = stackConfigFor(emulator);
    await provider.configure({ config: { get: (k: string) => config[k], require: (k: string) => config[k] } });
  });
  afterEach(() => emulator.close());

  const ids = () => emulator.zone(ZONE).records.map((r) => String(r.id));
  const deletions = [
    { subDomain: "www", fieldType: "A", target: "203.0.113.10" },
    { subDomain: "old", fieldType: "A", target: "203.0.113.99" },
    { subDomain: "", fieldType: "TXT", target: '"left over"' },
    { subDomain: "gone", fieldType: "A", target: "203.0.113.1" },
  ];

  it("deletes one copy of each undeclared content that the Zone does not hold, and skips what is gone", async () => {
    const [held, duplicate, old, txt] = ids();
    const { outs } = await provider.create({ zoneName: ZONE, deletions, heldIds: [held] });
    expect(ids()).toEqual([held]);
    expect([...(outs.deleted as string[])].sort()).toEqual([duplicate, old, txt].sort());
    expect(emulator.count({ method: "DELETE" })).toBe(3);
  });

  it("sends nothing when there is nothing to delete", async () => {
    await provider.update("example.com", {}, { zoneName: ZONE, deletions: [], heldIds: [] });
    expect(emulator.log).toEqual([]);
  });

  it("reports the records it could not delete, and the next run deletes only those", async () => {
    const [held, , old, txt] = ids();
    emulator.setFaults({ serverErrorRate: 1, methods: ["DELETE"], pathPattern: new RegExp(`/record/${txt}$`) });
    const err = (await provider.create({ zoneName: ZONE, deletions, heldIds: [held] }).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/^zone example\.com: 1 undeclared record\(s\) could not be deleted:\n/);
    expect(err.message).toContain(`  - @ TXT "left over" (id ${txt}): not deleted: OVH API error 500`);
    expect(err.message).toContain(`  - old A 203.0.113.99 (id ${old}): deleted and published\n`);
    expect(ids()).toEqual([held, txt]);
    emulator.setFaults({});
    emulator.clearLog();
    const { outs } = await provider.create({ zoneName: ZONE, deletions, heldIds: [held] });
    expect(outs.deleted).toEqual([txt]);
    expect(emulator.count({ method: "DELETE" })).toBe(1);
    expect(ids()).toEqual([held]);
  });
});

describe("ZonePruneProvider and the zone refresh", () => {
  let emulator: Emulator;
  let provider: ZonePruneProvider;
  beforeEach(async () => {
    emulator = await startEmulator({ zones: { [ZONE]: [
      { subDomain: "old", fieldType: "A", target: "203.0.113.99" },
      { fieldType: "TXT", target: "left over" },
    ] }, refreshDurationMs: 5 });
    provider = new ZonePruneProvider(new SessionPool(undefined, { refresh: { settleMs: 2 }, refreshRetry: { attempts: 2, baseDelayMs: 5 }, sleep: async () => undefined }));
    const config = stackConfigFor(emulator);
    await provider.configure({ config: { get: (k: string) => config[k], require: (k: string) => config[k] } });
  });
  afterEach(() => emulator.close());

  const deletions = [{ subDomain: "old", fieldType: "A", target: "203.0.113.99" }, { subDomain: "", fieldType: "TXT", target: '"left over"' }];
  const refreshes = () => emulator.count({ method: "POST", path: `/domain/zone/${ZONE}/refresh` });
  const failRefreshes = () => emulator.setFaults({ serverErrorRate: 1, methods: ["POST"], pathPattern: "/refresh$" });

  it("publishes a deletion whose DELETE was answered 404 (a retry after a lost answer) before it returns", async () => {
    emulator.setFaults({ lostResponseRate: 1, methods: ["DELETE"] });
    await provider.create({ zoneName: ZONE, deletions: deletions.slice(0, 1), heldIds: [] });
    // The first DELETE was applied and its answer lost; the client's retry was answered 404.
    expect(emulator.log.filter((e) => e.method === "DELETE").map((e) => e.status)).toEqual([0, 404]);
    expect(emulator.zone(ZONE).records.map((r) => r.subDomain)).toEqual([""]);
    expect(emulator.zone(ZONE).pendingChanges).toBe(false);
    expect(refreshes()).toBeGreaterThan(0);
  });

  it("says which records were deleted but not published when the refresh fails, and the next update publishes them with nothing left to delete", async () => {
    const [old, txt] = emulator.zone(ZONE).records.map((r) => String(r.id));
    failRefreshes();
    const err = (await provider.create({ zoneName: ZONE, deletions, heldIds: [] }).catch((e: unknown) => e)) as { message: string; id?: string; properties?: Record<string, unknown> };
    expect(err.message).toContain(`zone example.com: 2 undeclared record(s) were deleted but the zone refresh that publishes their deletion failed`);
    expect(err.message).toContain(`  - old A 203.0.113.99 (id ${old}): deleted, not published\n`);
    expect(err.message).toContain(`  - @ TXT "left over" (id ${txt}): deleted, not published\n`);
    expect(err.message).not.toContain("could not be deleted");
    // It ends with what the run did to the zone, the deletions included.
    expect(err.message.endsWith(
      "\nIn zone example.com, this run so far:\n  - 2 written but not served, the zone refresh that publishes them failed " +
        '(deleted old A 203.0.113.99, deleted @ TXT "left over"): the next `pulumi up` refreshes the zone again.',
    )).toBe(true);
    expect((err as { reasons?: string[] }).reasons).toEqual([err.message]);
    // Kept in the state as made but not initialised: the next up updates it, whatever the program lists.
    expect(err.id).toBe(ZONE);
    expect(err.properties?.unpublished).toEqual([old, txt]);
    expect(emulator.zone(ZONE).pendingChanges).toBe(true);
    emulator.setFaults({});
    const olds = err.properties ?? {};
    expect((await provider.diff(ZONE, olds, { zoneName: ZONE, deletions: [], heldIds: [] })).changes).toBe(true);
    const { outs } = await provider.update(ZONE, olds, { zoneName: ZONE, deletions: [], heldIds: [] });
    expect(outs.unpublished).toEqual([]);
    expect(emulator.zone(ZONE).pendingChanges).toBe(false);
  });

  it("names the records in each state when a DELETE fails and the refresh fails too", async () => {
    const [old, txt] = emulator.zone(ZONE).records.map((r) => String(r.id));
    emulator.setFaults({ serverErrorRate: 1, methods: ["DELETE", "POST"], pathPattern: `/record/${txt}$|/refresh$` });
    const err = (await provider.create({ zoneName: ZONE, deletions, heldIds: [] }).catch((e: unknown) => e)) as Error & { properties?: Record<string, unknown> };
    expect(err.message).toContain(`  - old A 203.0.113.99 (id ${old}): deleted, not published\n`);
    expect(err.message).toContain(`  - @ TXT "left over" (id ${txt}): not deleted: `);
    expect(err.properties?.unpublished).toEqual([old]);
    // The summary holds the deletion made; the failed one is the prune's own line above (the next up lists the zone again).
    expect(err.message.endsWith("this run so far:\n  - 1 written but not served, the zone refresh that publishes it failed (deleted old A 203.0.113.99): the next `pulumi up` refreshes the zone again.")).toBe(true);
  });

  it("treats a zone refresh answered 404 (the zone is gone) as nothing to publish", async () => {
    emulator.setFaults({});
    const olds = { zoneName: "gone.example", deletions: [], heldIds: [], unpublished: ["1"] };
    const { outs } = await provider.update("gone.example", olds, { zoneName: "gone.example", deletions: [], heldIds: [] });
    expect(outs.unpublished).toEqual([]);
    expect(emulator.count({ method: "POST", path: "/domain/zone/gone.example/refresh" })).toBe(1);
  });
});

describe("chooseRecords", () => {
  const rec = (recordId: string, target: string) => ({ recordId, zoneName: ZONE, subDomain: "www", fieldType: "A", target, ttl: 0, fqdn: "www.example.com" });

  it("chooses each record once: two copies to delete take two records", () => {
    const want = { subDomain: "www", fieldType: "A", target: "203.0.113.10" };
    expect(chooseRecords([want, want, want], [rec("1", "203.0.113.10"), rec("2", "203.0.113.11"), rec("3", "203.0.113.10")]).map((r) => r.recordId)).toEqual(["1", "3"]);
  });
});
