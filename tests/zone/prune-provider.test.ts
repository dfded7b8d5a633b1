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
    const [held, , , txt] = ids();
    emulator.setFaults({ serverErrorRate: 1, methods: ["DELETE"], pathPattern: new RegExp(`/record/${txt}$`) });
    await expect(provider.create({ zoneName: ZONE, deletions, heldIds: [held] })).rejects.toThrow(
      `zone example.com: 1 undeclared record(s) could not be deleted; run \`pulumi up\` again:\n  - @ TXT "left over" (id ${txt}): `,
    );
    expect(ids()).toEqual([held, txt]);
    emulator.setFaults({});
    emulator.clearLog();
    const { outs } = await provider.create({ zoneName: ZONE, deletions, heldIds: [held] });
    expect(outs.deleted).toEqual([txt]);
    expect(emulator.count({ method: "DELETE" })).toBe(1);
    expect(ids()).toEqual([held]);
  });
});

describe("chooseRecords", () => {
  const rec = (recordId: string, target: string) => ({ recordId, zoneName: ZONE, subDomain: "www", fieldType: "A", target, ttl: 0, fqdn: "www.example.com" });

  it("chooses each record once: two copies to delete take two records", () => {
    const want = { subDomain: "www", fieldType: "A", target: "203.0.113.10" };
    expect(chooseRecords([want, want, want], [rec("1", "203.0.113.10"), rec("2", "203.0.113.11"), rec("3", "203.0.113.10")]).map((r) => r.recordId)).toEqual(["1", "3"]);
  });
});
