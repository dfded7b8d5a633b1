/**
 * GitOps, state to state: each step rewrites the records file and runs the stack through the local engine
 * (Pulumi's program runner and plugin host) against the emulator, asserting the printed plan, the zone and
 * the state after each step.
 */
import { GitopsStack, planLines, type Entry } from "./gitops-rig";

const web: Entry = { fieldType: "A", target: "203.0.113.10", ttl: 3600 };
const www: Entry = { subDomain: "www", fieldType: "CNAME", target: "example.com." };
const spf: Entry = { fieldType: "TXT", target: "v=spf1 mx -all" };
const mutating = (calls: { method: string }[]) => calls.filter((c) => c.method !== "GET");

describe("a zone kept in Git, moved from state to state", () => {
  let stack: GitopsStack;
  beforeAll(async () => (stack = await GitopsStack.start()));
  afterAll(() => stack.close());

  it("creates the declared records, and a preview before that sends no mutating call", async () => {
    stack.declare({ web, www, spf });
    const preview = await stack.run("preview");
    expect(planLines(preview.printed)).toEqual([
      "+ create  ovhdns:ZoneRecord  web",
      "+ create  ovhdns:ZoneRecord  www",
      "+ create  ovhdns:ZoneRecord  spf",
      "Resources: 3 to create",
    ]);
    expect(mutating(preview.calls)).toEqual([]);
    const up = await stack.run("up");
    expect(up.summary).toMatchObject({ create: 3 });
    expect(stack.zone()).toEqual(['@ A 203.0.113.10 3600', '@ TXT "v=spf1 mx -all" 0', "www CNAME example.com. 0"]);
    expect(Object.keys(stack.state().ids).sort()).toEqual(["spf", "web", "www"]);
  });

  it("keeps no credential in the state", () => {
    const c = stack.emulator.credentials;
    const { text } = stack.state();
    for (const secret of [c.applicationSecret, c.consumerKey]) expect(text).not.toContain(secret);
  });

  it("sends no call at all for an up with nothing to change", async () => {
    const up = await stack.run("up");
    expect(up.calls).toEqual([]);
    expect(planLines(up.printed)).toEqual(["Resources: 3 unchanged"]);
  });

  it("changes a target in place", async () => {
    stack.declare({ web: { ...web, target: "203.0.113.11" }, www, spf });
    const up = await stack.run("up");
    expect(planLines(up.printed)).toEqual([
      "~ update  ovhdns:ZoneRecord  web",
      '    ~ target: "203.0.113.10" => "203.0.113.11"',
      "Resources: 1 updated, 2 unchanged",
    ]);
    expect(stack.zone()).toContain("@ A 203.0.113.11 3600");
  });

  it("changes a TTL in place", async () => {
    stack.declare({ web: { ...web, target: "203.0.113.11", ttl: 600 }, www, spf });
    const up = await stack.run("up");
    expect(planLines(up.printed)).toEqual(["~ update  ovhdns:ZoneRecord  web", "    ~ ttl: 3600 => 600", "Resources: 1 updated, 2 unchanged"]);
    expect(stack.zone()).toContain("@ A 203.0.113.11 600");
  });

  it("renames a subDomain in place, keeping the record id", async () => {
    const idBefore = stack.state().ids.www;
    stack.declare({ web: { ...web, target: "203.0.113.11", ttl: 600 }, www: { ...www, subDomain: "www2" }, spf });
    const up = await stack.run("up");
    expect(planLines(up.printed)).toEqual(["~ update  ovhdns:ZoneRecord  www", '    ~ subDomain: "www" => "www2"', "Resources: 1 updated, 2 unchanged"]);
    expect(stack.state().ids.www).toBe(idBefore);
    expect(stack.zone()).toContain("www2 CNAME example.com. 0");
  });

  it("replaces a record whose fieldType changes", async () => {
    const idBefore = stack.state().ids.web;
    stack.declare({ web: { fieldType: "AAAA", target: "2001:db8::11", ttl: 600 }, www: { ...www, subDomain: "www2" }, spf });
    const up = await stack.run("up");
    const lines = planLines(up.printed);
    expect(lines[0]).toMatch(/^\+- replace {2}ovhdns:ZoneRecord {2}web/);
    expect(lines).toContain('    ~ fieldType: "A" => "AAAA"');
    expect(lines[lines.length - 1]).toBe("Resources: 1 replaced, 2 unchanged");
    expect(stack.state().ids.web).not.toBe(idBefore);
    expect(stack.zone()).toEqual(["@ AAAA 2001:db8::11 600", '@ TXT "v=spf1 mx -all" 0', "www2 CNAME example.com. 0"]);
  });

  it("deletes a record removed from the file", async () => {
    stack.declare({ web: { fieldType: "AAAA", target: "2001:db8::11", ttl: 600 }, www: { ...www, subDomain: "www2" } });
    const up = await stack.run("up");
    expect(planLines(up.printed)).toEqual(["- delete  ovhdns:ZoneRecord  spf", "Resources: 1 deleted, 2 unchanged"]);
    expect(stack.zone()).toEqual(["@ AAAA 2001:db8::11 600", "www2 CNAME example.com. 0"]);
  });

  it("does nothing when the file is only reordered", async () => {
    stack.declare({ www: { ...www, subDomain: "www2" }, web: { ttl: 600, target: "2001:db8::11", fieldType: "AAAA" } });
    const preview = await stack.run("preview");
    expect(planLines(preview.printed)).toEqual(["Resources: 2 unchanged"]);
    expect(preview.calls).toEqual([]);
  });
});
