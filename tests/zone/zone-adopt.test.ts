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
