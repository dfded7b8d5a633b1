/**
 * A record the previous update declared is never an unmanaged record: its ZoneRecord child's own delete removes
 * it. The mass-deletion guard counts each record once under `unmanaged: "delete"` as under `"warn"`, the prune
 * sends no DELETE for it, and the warning names only records nothing declared before either. A preview says
 * which undeclared records the up will delete.
 */
import type { ZoneRecordSpec } from "../../sdk";
import { mutating, ZoneStack } from "./zone-rig";

const host = (i: number): ZoneRecordSpec => ({ subDomain: `host${i}`, fieldType: "A", target: `203.0.113.${i}` });
const records = Array.from({ length: 31 }, (_, i) => host(i));
const deletes = (run: { calls: { method: string }[] }) => run.calls.filter((c) => c.method === "DELETE").length;

describe.each(["warn", "delete"] as const)("removing 12 of 31 declared records with unmanaged: %p", (unmanaged) => {
  let stack: ZoneStack;
  beforeAll(async () => (stack = await ZoneStack.start()));
  afterAll(() => stack.close());

  it("is refused as 12 of 31 (39%), then, allowed, sends exactly 12 DELETEs", async () => {
    stack.declare(records, { unmanaged });
    await stack.runOk("up");
    stack.declare(records.slice(12), { unmanaged });
    const refused = await stack.run("up");
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain("this update would delete or replace 12 of the 31 records the stack manages there (39% > maxDeletePercent 30)");
    expect(mutating(refused.calls)).toEqual([]);
    stack.setConfig("ovhdns:allowMassDelete", "true");
    const up = await stack.runOk("up");
    expect(deletes(up)).toBe(12);
    expect(up.diagnostics.filter((d) => d.startsWith("warning:"))).toEqual([]);
    expect(stack.zone()).toHaveLength(19);
  });
});

describe("unmanaged records beside a removed declared record", () => {
  let stack: ZoneStack;
  beforeAll(async () => (stack = await ZoneStack.start([{ subDomain: "stray", fieldType: "A", target: "198.51.100.7" }])));
  afterAll(() => stack.close());

  it("warns about the stray record only, not about the declared record the same up deletes", async () => {
    stack.declare(records.slice(0, 3), { unmanaged: "ignore" });
    await stack.runOk("up");
    stack.declare(records.slice(0, 2));
    for (const op of ["preview", "up"] as const) {
      const run = await stack.runOk(op);
      expect(run.diagnostics.filter((d) => d.startsWith("warning:"))).toEqual([
        expect.stringMatching(/^warning: zone example\.com holds 1 record\(s\) that this Zone does not declare:\n {2}- stray A 198\.51\.100\.7 \(id \d+\)\n/),
      ]);
    }
    expect(stack.zone()).toEqual(["host0 A 203.0.113.0 0", "host1 A 203.0.113.1 0", "stray A 198.51.100.7 0"]);
  });

  it("names in the preview the undeclared records the up will delete, and only those", async () => {
    stack.declare(records.slice(0, 1), { unmanaged: "delete" });
    const preview = await stack.runOk("preview");
    expect(preview.diagnostics.filter((d) => d.startsWith("warning:"))).toEqual([
      expect.stringMatching(/^warning: zone example\.com: this update deletes 1 record\(s\) that this Zone does not declare \(unmanaged: "delete"\):\n {2}- stray A 198\.51\.100\.7 \(id \d+\)$/),
    ]);
    const up = await stack.runOk("up");
    expect(deletes(up)).toBe(2);
    expect(stack.zone()).toEqual(["host0 A 203.0.113.0 0"]);
  });
});

describe("unmanaged: \"delete\" when the refresh after the deletions fails", () => {
  let stack: ZoneStack;
  beforeAll(async () => (stack = await ZoneStack.start([{ subDomain: "stray", fieldType: "A", target: "198.51.100.7" }])));
  afterAll(() => stack.close());

  it("fails saying the record was deleted but not published, and the next up publishes the deletion", async () => {
    stack.declare(records.slice(0, 1), { unmanaged: "ignore" });
    await stack.runOk("up");
    stack.declare(records.slice(0, 1), { unmanaged: "delete" });
    stack.emulator.setFaults({ serverErrorRate: 1, methods: ["POST"], pathPattern: "/refresh$" });
    const failed = await stack.run("up");
    expect(failed.ok).toBe(false);
    expect(failed.error).toMatch(/stray A 198\.51\.100\.7 \(id \d+\): deleted, not published/);
    expect(failed.error).not.toContain("could not be deleted");
    stack.emulator.setFaults({});
    expect(stack.emulator.zone("example.com").pendingChanges).toBe(true);
    // The API no longer lists the stray record: only the state says its deletion is unpublished.
    const up = await stack.runOk("up");
    expect(up.calls.filter((c) => c.path.endsWith("/refresh"))).not.toEqual([]);
    expect(stack.emulator.zone("example.com").pendingChanges).toBe(false);
    expect(stack.zone()).toEqual(["host0 A 203.0.113.0 0"]);
  });
});
