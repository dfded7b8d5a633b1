/**
 * Ownership (provider/zone-record/ownership.ts): which resource of a run holds which record. Each test plays the
 * calls one `pulumi up` makes in one provider process, in the engine's order (diffs and creates of the program's
 * resources, then the deletes of the resources it dropped), against the emulator.
 */
import { behindPulumi, startRig, zoneLines, type Rig } from "./support";

const www = { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "192.0.2.1", ttl: 3600 };
type Created = { id: string; outs: Record<string, unknown> };

describe("record ownership across the steps of one run", () => {
  let rig: Rig;
  let first: Created;
  /** A new provider process of the same stack: the next `pulumi up`. */
  const nextRun = () => startRig({}, () => rig.config);
  const deletes = () => rig.emulator.count({ method: "DELETE" });

  beforeEach(async () => {
    rig = await startRig();
    first = (await rig.provider.create({ ...www, adopt: true })) as Created;
  });
  afterEach(() => rig.emulator.close());

  it("keeps the record when a resource with adopt is renamed: the new name takes it, the old name's delete leaves it", async () => {
    const run = await nextRun();
    try {
      const renamed = await run.provider.create({ ...www, adopt: true });
      expect(renamed.id).toBe(first.id);
      await run.provider.delete(first.id, first.outs);
      expect([zoneLines(rig.emulator), deletes()]).toEqual([["A www 192.0.2.1 3600"], 0]);
    } finally {
      await run.emulator.close();
    }
  });

  it("keeps the record when the run after an interrupted rename deletes the old name: the diff of the new one holds it", async () => {
    const interrupted = await nextRun();
    const renamed = (await interrupted.provider.create({ ...www, adopt: true }).finally(() => interrupted.emulator.close())) as Created;
    const run = await nextRun();
    try {
      await run.provider.diff(renamed.id, renamed.outs, { ...www, adopt: true });
      await run.provider.delete(first.id, first.outs);
      expect([zoneLines(rig.emulator), deletes()]).toEqual([["A www 192.0.2.1 3600"], 0]);
    } finally {
      await run.emulator.close();
    }
  });

  it("deletes the old record of a replacement the engine decided (replaceOnChanges, --replace): it is its own holder", async () => {
    const run = await nextRun();
    try {
      await run.provider.diff(first.id, first.outs, { ...www, ttl: 600 });
      await run.provider.create({ ...www, ttl: 600 });
      await run.provider.delete(first.id, first.outs);
      expect([zoneLines(rig.emulator), deletes()]).toEqual([["A www 192.0.2.1 600"], 1]);
    } finally {
      await run.emulator.close();
    }
  });

  it("deletes a dropped resource that `up --refresh` read first", async () => {
    const run = await nextRun();
    try {
      const read = await run.provider.read(first.id, first.outs);
      await run.provider.delete(read.id ?? "", read.props ?? {});
      expect([zoneLines(rig.emulator), deletes()]).toEqual([[], 1]);
    } finally {
      await run.emulator.close();
    }
  });

  it("never adopts a record that a resource of the program holds: a second resource declaring it gets its own", async () => {
    const run = await nextRun();
    try {
      await run.provider.diff(first.id, first.outs, { ...www, adopt: true });
      const twin = await run.provider.create({ ...www, adopt: true });
      expect(twin.id).not.toBe(first.id);
      expect(rig.emulator.count({ method: "POST", path: /record$/ })).toBe(2); // the first's, then the twin's
    } finally {
      await run.emulator.close();
    }
  });

  it("gives a record held by two resources to neither's delete: dropping one leaves the other's record", async () => {
    // Two resources of the stack ended up holding one record (an old state, or a refresh before this fix).
    const run = await nextRun();
    try {
      const other = { ...first.outs, instanceId: "0123456789abcdef" };
      await run.provider.diff(first.id, other, www);
      await run.provider.delete(first.id, first.outs);
      expect([zoneLines(rig.emulator), deletes()]).toEqual([["A www 192.0.2.1 3600"], 0]);
    } finally {
      await run.emulator.close();
    }
  });
});

describe("re-binding on refresh", () => {
  let rig: Rig;
  beforeEach(async () => (rig = await startRig()));
  afterEach(() => rig.emulator.close());

  it("does not bind a resource whose record was deleted by hand to an identical record another resource holds", async () => {
    await rig.provider.create({ ...www, subDomain: "mail" }); // older than both: the zone was not rewritten as text
    const a = await rig.provider.create(www);
    const b = await rig.provider.create({ ...www, ttl: 600 });
    await rig.provider.update(b.id, b.outs, www); // two identical records, held by a and b
    const console = behindPulumi(rig); // deleted by hand
    await console.delete(`/domain/zone/example.com/record/${a.id}`);
    const run = await startRig({}, () => rig.config);
    try {
      const [readA, readB] = [await run.provider.read(a.id, a.outs), await run.provider.read(b.id, b.outs)];
      expect([readA.id, readB.id]).toEqual(["", b.id]);
    } finally {
      await run.emulator.close();
    }
  });
});
