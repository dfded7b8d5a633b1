/**
 * A Zone of 200 records through the local engine against the emulator: reordering changes nothing, removing
 * one deletes exactly one, and the mass-deletion guard stops a 50% deletion before any DELETE.
 */
import type { ZoneRecordSpec } from "../../sdk";
import { mutating, ZoneStack } from "./zone-rig";

const records: ZoneRecordSpec[] = [
  ...Array.from({ length: 190 }, (_, i) => ({ subDomain: `host${i}`, fieldType: "A", target: `203.0.113.${i % 250}` })),
  ...Array.from({ length: 5 }, (_, i) => ({ fieldType: "MX", target: `${10 * (i + 1)} mx${i}.example.net.` })),
  ...Array.from({ length: 5 }, (_, i) => ({ subDomain: "multi", fieldType: "TXT", target: `token-${i}` })),
];

/** A fixed permutation: every 7th record first, and so on. */
function shuffled<T>(items: T[]): T[] {
  return [...Array(7).keys()].flatMap((k) => items.filter((_, i) => i % 7 === k)).reverse();
}

const deletes = (calls: { method: string }[]) => calls.filter((c) => c.method === "DELETE").length;

describe("a Zone of 200 records, moved from state to state", () => {
  let stack: ZoneStack;
  beforeAll(async () => (stack = await ZoneStack.start()));
  afterAll(() => stack.close());

  it("creates the 200 records, with their outputs", async () => {
    stack.declare(records);
    const up = await stack.runOk("up");
    expect(up.summary.create).toBe(201); // 200 records and the manifest (no deleter of unmanaged records under "warn")
    expect(stack.zone()).toHaveLength(200);
    expect(up.outputs.recordCount).toBe(200);
    expect((up.outputs.fqdns as Record<string, string>)["host7-A"]).toBe("host7.example.com");
    expect(String(up.outputs.zoneFile).split("\n").slice(0, 3)).toEqual(["$ORIGIN example.com.", "$TTL 3600", "@\tIN MX\t10 mx0.example.net."]);
  });

  it("changes nothing when the 200 records are reordered", async () => {
    stack.declare(shuffled(records));
    const preview = await stack.runOk("preview");
    expect(preview.summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0, same: 201 });
    expect(mutating(preview.calls)).toEqual([]);
    const up = await stack.runOk("up");
    expect(up.summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
    expect(mutating(up.calls)).toEqual([]);
  });

  it("deletes exactly one record when one is removed, from a shared RRset too", async () => {
    const without = shuffled(records).filter((r) => r.target !== "token-3");
    stack.declare(without);
    const up = await stack.runOk("up");
    const changed = up.plan.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.name}`);
    expect(changed).toEqual(["update main-manifest", expect.stringMatching(/^delete main-multi-TXT-[0-9a-f]{8}$/)]);
    expect(up.summary).toMatchObject({ create: 0, update: 1, replace: 0, delete: 1 });
    expect(deletes(up.calls)).toBe(1);
    expect(stack.zone()).toHaveLength(199);
    expect(stack.zone().some((l) => l.includes("token-3"))).toBe(false);
  });

  it("refuses a 50% deletion at preview and at up with no DELETE sent, naming what would go and how to allow it", async () => {
    const half = records.filter((r) => r.target !== "token-3").slice(0, 100);
    // A new record too: no record may be applied before the guard (they depend on it), so nothing is POSTed.
    stack.declare([...half, { subDomain: "new", fieldType: "A", target: "203.0.113.200" }]);
    for (const op of ["preview", "up"] as const) {
      const run = await stack.run(op);
      expect(run.ok).toBe(false);
      expect(run.error).toContain("zone example.com: this update would delete or replace 99 of the 199 records the stack manages there (50% > maxDeletePercent 30)");
      expect(run.error).toContain("  - host150 A 203.0.113.150 (host150-A)");
      expect(run.error).toContain("pulumi config set ovhdns:allowMassDelete true");
      expect(mutating(run.calls)).toEqual([]);
    }
    expect(stack.zone()).toHaveLength(199);
  });

  it("lets the 50% deletion through with ovhdns:allowMassDelete, or with a higher maxDeletePercent", async () => {
    const half = records.filter((r) => r.target !== "token-3").slice(0, 100);
    stack.declare(half, { maxDeletePercent: 60 });
    const preview = await stack.runOk("preview");
    expect(preview.summary.delete).toBe(99);
    stack.declare(half);
    stack.setConfig("ovhdns:allowMassDelete", "true");
    const up = await stack.runOk("up");
    stack.setConfig("ovhdns:allowMassDelete", undefined);
    expect(deletes(up.calls)).toBe(99);
    expect(stack.zone()).toHaveLength(100);
  });
});
