/** A Zone with `adopt: true` takes over the zone's identical records instead of duplicating them. */
import { ZoneStack } from "./zone-rig";

describe("a Zone adopting existing records", () => {
  let stack: ZoneStack;
  beforeAll(async () => (stack = await ZoneStack.start([
    { subDomain: "www", fieldType: "A", target: "203.0.113.10" },
    { fieldType: "MX", target: "10 mx1.example.com.", ttl: 600 },
  ])));
  afterAll(() => stack.close());

  it("creates no duplicate: identical records are taken over, their TTL set in place, and only the new one is posted", async () => {
    const seeded = Object.fromEntries(stack.emulator.zone("example.com").records.map((r) => [`${r.subDomain}-${r.fieldType}`, String(r.id)]));
    stack.declare([
      { subDomain: "www", fieldType: "A", target: "203.0.113.10" },
      { fieldType: "MX", target: "10 mx1.example.com.", ttl: 3600 },
      { subDomain: "api", fieldType: "A", target: "203.0.113.20" },
    ], { adopt: true, unmanaged: "ignore" });
    const up = await stack.runOk("up");
    expect(up.calls.filter((c) => c.method === "POST" && c.path.endsWith("/record"))).toHaveLength(1);
    expect(stack.zone()).toEqual(["@ MX 10 mx1.example.com. 3600", "api A 203.0.113.20 0", "www A 203.0.113.10 0"]);
    const held = stack.heldIds();
    expect(held["main-www-A"]).toBe(seeded["www-A"]);
    expect(held["main-@-MX"]).toBe(seeded["-MX"]);
  });
});

/**
 * Issue 16, defect 1: with `adopt: true`, a child renamed by a sibling's arrival or departure used to take over
 * the record its old name held, and the old name's delete then removed it (the `up` reported success).
 */
describe("a Zone adopting records, as siblings come and go", () => {
  let stack: ZoneStack;
  const mx1 = { fieldType: "MX", target: "10 mx1.example.com." };
  const mx2 = { fieldType: "MX", target: "20 mx2.example.com." };
  beforeEach(async () => (stack = await ZoneStack.start([{ ...mx1, ttl: 0 }])));
  afterEach(() => stack.close());

  const served = () => stack.emulator.zone("example.com").exportText().split("\n").filter((l) => /\sMX\s/.test(l)).length;

  it("keeps the first MX when a second one is added (the first child's name changes)", async () => {
    stack.declare([mx1], { adopt: true, unmanaged: "ignore" });
    await stack.runOk("up");
    stack.declare([mx1, mx2], { adopt: true, unmanaged: "ignore" });
    await stack.runOk("up");
    expect(stack.zone()).toEqual(["@ MX 10 mx1.example.com. 0", "@ MX 20 mx2.example.com. 0"]);
    expect(new Set(Object.values(stack.heldIds())).size).toBe(2);
    expect(served()).toBe(2);
    expect((await stack.runOk("preview")).plan.filter((s) => s.op !== "same")).toEqual([]);
  });

  it("keeps the remaining MX when one of two is removed", async () => {
    stack.declare([mx1, mx2], { adopt: true, unmanaged: "ignore" });
    await stack.runOk("up");
    stack.declare([mx1], { adopt: true, unmanaged: "ignore" });
    await stack.runOk("up");
    expect(stack.zone()).toEqual(["@ MX 10 mx1.example.com. 0"]);
    expect(served()).toBe(1);
    expect((await stack.runOk("preview")).plan.filter((s) => s.op !== "same")).toEqual([]);
  });
});

/** Without adopt: a Pulumi alias carries a child across the change of its key when its last sibling goes. */
describe("a Zone's records as siblings come and go (aliases)", () => {
  let stack: ZoneStack;
  const mx1 = { fieldType: "MX", target: "10 mx1.example.com." };
  const mx2 = { fieldType: "MX", target: "20 mx2.example.com." };
  beforeEach(async () => (stack = await ZoneStack.start()));
  afterEach(() => stack.close());
  const idOf = (target: string) => String(stack.emulator.zone("example.com").records.find((r) => r.target === target)?.id);

  it("keeps the remaining MX's record (same id, one DELETE, no POST) when one of two goes", async () => {
    stack.declare([mx1, mx2], { unmanaged: "ignore" });
    await stack.runOk("up");
    const first = idOf(mx1.target);
    stack.declare([mx1], { unmanaged: "ignore" });
    const removed = await stack.runOk("up");
    expect(removed.calls.filter((c) => c.method === "POST" && c.path.endsWith("/record"))).toEqual([]);
    expect(removed.calls.filter((c) => c.method === "DELETE")).toHaveLength(1);
    expect([stack.zone(), idOf(mx1.target)]).toEqual([["@ MX 10 mx1.example.com. 0"], first]);
    expect((await stack.runOk("preview")).plan.filter((s) => s.op !== "same")).toEqual([]);
  });

  it("ends with both MX when a second is added, the first re-created under its new name (no alias: it cannot be known)", async () => {
    stack.declare([mx1], { unmanaged: "ignore" });
    await stack.runOk("up");
    stack.declare([mx2, mx1], { unmanaged: "ignore" });
    await stack.runOk("up");
    expect(stack.zone()).toEqual(["@ MX 10 mx1.example.com. 0", "@ MX 20 mx2.example.com. 0"]);
    expect((await stack.runOk("preview")).plan.filter((s) => s.op !== "same")).toEqual([]);
  });
});
