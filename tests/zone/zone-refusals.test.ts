/**
 * Each whole-zone check refuses its case at preview through the local engine with no API call at all, and
 * the unmanaged records of the zone are named (warn) or deleted (delete) as the Zone's option says.
 */
import type { ZoneRecordSpec } from "../../sdk";
import { mutating, ZoneStack } from "./zone-rig";

const a = (subDomain: string, target = "203.0.113.10", ttl = 0): ZoneRecordSpec => ({ subDomain, fieldType: "A", target, ttl });

describe("whole-zone checks at preview", () => {
  let stack: ZoneStack;
  beforeAll(async () => (stack = await ZoneStack.start([{ subDomain: "www", fieldType: "A", target: "203.0.113.10" }])));
  afterAll(() => stack.close());

  it.each<[string, ZoneRecordSpec[], string]>([
    ["a CNAME beside another record", [a("www"), { subDomain: "www", fieldType: "CNAME", target: "example.net." }], "CNAME beside other records at www"],
    ["exact duplicates", [a("www"), a("www")], "duplicate records: www A 203.0.113.10"],
    ["a MX target that is a CNAME", [{ subDomain: "mx", fieldType: "CNAME", target: "x.example.net." }, { fieldType: "MX", target: "10 mx.example.com." }], "MX target is a CNAME"],
    ["two SPF policies", [{ fieldType: "TXT", target: "v=spf1 -all" }, { fieldType: "TXT", target: "v=spf1 mx -all" }], "more than one SPF policy at @"],
    ["DMARC outside _dmarc", [{ subDomain: "mail", fieldType: "TXT", target: "v=DMARC1; p=none" }], "DMARC policy outside _dmarc"],
    ["differing TTLs in one RRset", [a("www", "203.0.113.1", 300), a("www", "203.0.113.2", 600)], "differing TTLs in one RRset (www A)"],
  ])("refuses %s with no API call", async (_case, records, message) => {
    stack.declare(records);
    const preview = await stack.run("preview");
    expect(preview.ok).toBe(false);
    expect(preview.error).toContain(message);
    expect(preview.error).toContain("records.yaml:");
    expect(preview.calls).toEqual([]);
    expect(preview.plan.filter((s) => s.op !== "same")).toEqual([]);
  });
});

describe("unmanaged records", () => {
  let stack: ZoneStack;
  beforeAll(async () => (stack = await ZoneStack.start([
    { subDomain: "www", fieldType: "A", target: "203.0.113.10" },
    { subDomain: "old", fieldType: "A", target: "203.0.113.99" },
    { fieldType: "TXT", target: "left over" },
  ])));
  afterAll(() => stack.close());

  it("names them in a warning by default, and changes nothing about them", async () => {
    stack.declare([a("www")]);
    const up = await stack.runOk("up");
    const warning = up.diagnostics.find((d) => d.startsWith("warning: zone example.com holds"));
    // The seeded www A matches the declared one when the zone is listed, before any record is applied.
    expect(warning).toMatch(/^warning: zone example\.com holds 2 record\(s\) that this Zone does not declare:\n {2}- @ TXT "left over" \(id \d+\)\n {2}- old A 203\.0\.113\.99 \(id \d+\)\nDeclare them, or set unmanaged: "delete"/);
    expect(mutating(up.calls).filter((c) => c.method === "DELETE")).toEqual([]);
  });

  it("fails the preview with the reason when the zone cannot be listed, and says what to set", async () => {
    stack.declare([a("www")], {}, "not-hosted.example");
    const preview = await stack.run("preview");
    expect(preview.ok).toBe(false);
    expect(preview.error).toContain("zone not-hosted.example: listing the zone for records this Zone does not declare failed: ");
    expect(preview.error).toContain('If the zone is created by this program, set newZone: true; to skip the listing, set unmanaged: "ignore".');
    expect(mutating(preview.calls)).toEqual([]);
    stack.declare([a("www")], { newZone: true }, "not-hosted.example");
    const skipped = await stack.runOk("preview");
    expect(skipped.calls).toEqual([]);
  });

  it("deletes them on up with unmanaged: \"delete\", after the guard let them through", async () => {
    stack.declare([a("www"), a("api")], { unmanaged: "delete" });
    const preview = await stack.runOk("preview");
    expect(preview.plan.map((s) => `${s.op} ${s.name}`)).toContain("create main-unmanaged");
    expect(mutating(preview.calls)).toEqual([]);
    const up = await stack.runOk("up");
    // The seeded www A (now a duplicate of the Zone's own) and the two others go; the records the Zone holds stay.
    expect(up.calls.filter((c) => c.method === "DELETE")).toHaveLength(3);
    expect(stack.zone()).toEqual(["api A 203.0.113.10 0", "www A 203.0.113.10 0"]);
    const held = stack.heldIds();
    expect(stack.emulator.zone("example.com").records.map((r) => String(r.id)).sort()).toEqual([held["main-api-A"], held["main-www-A"]].sort());
    const again = await stack.runOk("preview");
    expect(again.plan.filter((s) => s.op !== "same")).toEqual([]);
  });
});

describe("unmanaged: \"delete\" beside a declared record that is new or changing in the same name and type", () => {
  let stack: ZoneStack;
  beforeAll(async () => (stack = await ZoneStack.start()));
  afterAll(() => stack.close());

  it("deletes a record added by hand beside a new declared record of its name and type in the same up, and never the record a changing child holds", async () => {
    stack.declare([{ subDomain: "www", fieldType: "TXT", target: "token-3" }], { adopt: true, unmanaged: "delete" });
    await stack.runOk("up");
    // The lifecycle fuzzer's seed 12100, sequence 22, shrunk: a new declared www A and a www A made by hand.
    stack.emulator.addZone("example.com", [...stack.emulator.zone("example.com").records.map((r) => ({ ...r })), { subDomain: "www", fieldType: "A", target: "192.0.2.3", ttl: 3600 }]);
    await stack.runOk("refresh");
    stack.declare([{ subDomain: "www", fieldType: "TXT", target: "token-3" }, a("www", "192.0.2.2", 300)], { adopt: true, unmanaged: "delete" });
    const preview = await stack.runOk("preview");
    expect(preview.diagnostics.join("\n")).toMatch(/this update also deletes 1 record\(s\) that this Zone does not declare unless one of its records holds them .*\n {2}- www A 192\.0\.2\.3 \(id \d+\)/);
    await stack.runOk("up");
    expect(stack.zone()).toEqual(['www A 192.0.2.2 300', 'www TXT "token-3" 0']);
    expect((await stack.runOk("preview")).plan.filter((st) => st.op !== "same")).toEqual([]);

    // A lone record changing target: its child updates it in place; the deleter finds nothing of the old value.
    stack.declare([{ subDomain: "www", fieldType: "TXT", target: "token-3" }, a("www", "192.0.2.9", 300)], { adopt: true, unmanaged: "delete" });
    const held = stack.heldIds();
    const up = await stack.runOk("up");
    expect(up.calls.filter((c) => c.method === "DELETE")).toEqual([]);
    expect(stack.zone()).toEqual(['www A 192.0.2.9 300', 'www TXT "token-3" 0']);
    expect(stack.heldIds()).toEqual(held);
  });
});

describe("unmanaged records and the mass-deletion guard", () => {
  let stack: ZoneStack;
  beforeAll(async () => (stack = await ZoneStack.start(Array.from({ length: 12 }, (_, i) => ({ subDomain: `legacy${i}`, fieldType: "A", target: `198.51.100.${i}` })))));
  afterAll(() => stack.close());

  it("refuses a first unmanaged: \"delete\" that would empty a zone of 12 records, with no DELETE and nothing created", async () => {
    stack.declare([a("www")], { unmanaged: "delete" });
    const preview = await stack.run("preview");
    expect(preview.ok).toBe(false);
    expect(preview.error).toContain("this update would delete or replace 12 of the 12 records the stack manages there (100% > maxDeletePercent 30)");
    expect(preview.error).toContain("  - legacy0 A 198.51.100.0 (id ");
    const up = await stack.run("up");
    expect(up.ok).toBe(false);
    expect(mutating(up.calls)).toEqual([]);
    expect(stack.zone()).toHaveLength(12);
  });
});

