/**
 * The mass-deletion guard through the real Pulumi CLI, when one is present: the real engine hands the
 * manifest's previous inputs to `check` as `olds`, and a refused check stops the update before any record
 * changes (docs/zone.md, "Safety"). It needs the CLI (`npm run setup:pulumi`) and fails without it.
 */
import type { ZoneRecordSpec } from "../../sdk";
import { mutating, ZoneStack } from "./zone-rig";

jest.setTimeout(900_000);

const records: ZoneRecordSpec[] = Array.from({ length: 12 }, (_, i) => ({ subDomain: `host${i}`, fieldType: "A", target: `203.0.113.${i}` }));

describe("a Zone through the real Pulumi CLI", () => {
  let stack: ZoneStack;
  beforeAll(async () => (stack = await ZoneStack.start()));
  afterAll(() => stack.close());

  it("refuses a 50% deletion at preview and at up with no change sent, then lets it through when allowed", async () => {
    stack.declare(records);
    expect((await stack.runCli("up")).ok).toBe(true);
    expect(stack.zone()).toHaveLength(12);
    stack.declare([...records.slice(0, 6), { subDomain: "new", fieldType: "A", target: "203.0.113.200" }]);
    for (const op of ["preview", "up"] as const) {
      const run = await stack.runCli(op);
      expect(run.ok).toBe(false);
      expect(`${run.stdout}${run.stderr}`).toContain("this update would delete or replace 6 of the 12 records the stack manages there");
      expect(mutating(run.calls)).toEqual([]);
    }
    stack.setConfig("ovhdns:allowMassDelete", "true");
    const up = await stack.runCli("up");
    expect(up.ok).toBe(true);
    expect(up.calls.filter((c) => c.method === "DELETE")).toHaveLength(6);
    expect(stack.zone()).toHaveLength(7);
  });
});

describe("a Zone with unmanaged: \"delete\" through the real Pulumi CLI", () => {
  let stack: ZoneStack;
  beforeAll(async () => (stack = await ZoneStack.start([{ subDomain: "stray", fieldType: "A", target: "198.51.100.7" }])));
  afterAll(() => stack.close());

  it("names in a plain preview the undeclared records the up will delete, then deletes exactly those", async () => {
    stack.declare(records.slice(0, 2), { unmanaged: "delete" });
    const preview = await stack.runCli("preview");
    expect(preview.ok).toBe(true);
    expect(preview.stdout).toMatch(/zone example\.com: this update deletes 1 record\(s\) that this Zone does not declare \(unmanaged: "delete"\):\n\s+- stray A 198\.51\.100\.7 \(id \d+\)/);
    expect(mutating(preview.calls)).toEqual([]);
    const up = await stack.runCli("up");
    expect(up.ok).toBe(true);
    expect(up.calls.filter((c) => c.method === "DELETE")).toHaveLength(1);
    expect(stack.zone()).toEqual(["host0 A 203.0.113.0 0", "host1 A 203.0.113.1 0"]);
  });
});

describe("a Zone with unmanaged: \"delete\" beside another stack, after the zone was rewritten as text, through the real Pulumi CLI", () => {
  let ours: ZoneStack;
  let theirs: ZoneStack;
  beforeAll(async () => {
    ours = await ZoneStack.start([{ fieldType: "NS", target: "dns1.ovh.net." }]);
    theirs = ours.beside("theirs");
  });
  afterAll(async () => {
    await theirs.close();
    await ours.close();
  });

  it("refuses at preview and at up naming the other owner in a diagnostic, with no write, and keeps that stack's record", async () => {
    theirs.declare([{ subDomain: "shop", fieldType: "A", target: "203.0.113.20" }], { owner: "team-b" });
    await theirs.runOk("up");
    ours.declare(records.slice(0, 1), { owner: "team-a", unmanaged: "delete" });
    expect((await ours.runCli("up")).ok).toBe(true);
    // The OVH console's text editor: the same records, every one under a new id (the claim records too).
    const zone = ours.emulator.zone("example.com").records.map((r) => ({ subDomain: r.subDomain, fieldType: r.fieldType, target: r.target, ttl: r.ttl }));
    ours.emulator.addZone("example.com", zone);
    for (const op of ["preview", "up"] as const) {
      const run = await ours.runCli(op);
      expect(run.ok).toBe(false);
      const printed = `${run.stdout}${run.stderr}`;
      // As a Pulumi diagnostic with its message only: no stack trace, no "unhandled exception".
      expect(printed).toMatch(/Diagnostics:[\s\S]*error: .*zone example\.com: unmanaged: "delete" refused, nothing was sent: the claims of owner "team-b" predate a rewrite/);
      expect(printed).toContain('Run `pulumi refresh`, then `pulumi up`, on the stack whose owner is "team-b"');
      expect(printed).not.toMatch(/unhandled exception|\n\s+at .*\.js:\d+/);
      expect(mutating(run.calls)).toEqual([]);
    }
    expect(ours.zone()).toContain("shop A 203.0.113.20 0");
  });
});

describe("a record removed by an up whose zone refresh failed, then declared again, through the real Pulumi CLI", () => {
  let stack: ZoneStack;
  beforeAll(async () => (stack = await ZoneStack.start()));
  afterAll(() => stack.close());

  it("fails the removal naming what to do, and the up that declares it again makes it anew and publishes it", async () => {
    stack.declare(records.slice(0, 2));
    expect((await stack.runCli("up")).ok).toBe(true);
    stack.declare(records.slice(0, 1));
    stack.emulator.setFaults({ serverErrorRate: 1, methods: ["POST"], pathPattern: /\/refresh$/ });
    const removal = await stack.runCli("up");
    stack.emulator.setFaults({});
    expect(removal.ok).toBe(false);
    expect(`${removal.stdout}${removal.stderr}`).toMatch(/record \d+ was deleted from zone example\.com, but the zone refresh that publishes the deletion failed/);
    expect(stack.zone()).toEqual(["host0 A 203.0.113.0 0"]);

    stack.declare(records.slice(0, 2));
    const preview = await stack.runCli("preview");
    expect(preview.stdout).toMatch(/\+-\s+.*main-host1-A\s+replace/);
    const up = await stack.runCli("up");
    expect(up.ok).toBe(true);
    expect(stack.zone()).toEqual(["host0 A 203.0.113.0 0", "host1 A 203.0.113.1 0"]);
    const view = stack.emulator.zone("example.com");
    expect(view.published.map((r) => r.id).sort()).toEqual(view.records.map((r) => r.id).sort());
    expect(mutating((await stack.runCli("preview")).calls)).toEqual([]);
  });
});
