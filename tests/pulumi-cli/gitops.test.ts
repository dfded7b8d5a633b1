/**
 * A zone kept in Git, state to state, through the real Pulumi CLI against the emulator: create, TTL, rename,
 * replace, delete, reorder, nothing changed (0 calls), drift shown by refresh and restored by up, and an
 * upgrade of the provider's code that shows no change. Each step checks the plan, the zone and the API calls.
 */
import { startEmulator, type Emulator } from "../../emulator";
import { changes, type PulumiWorkspace } from "../../tools/pulumi-cli";
import { behindPulumi, cliStack, RECORDS_PROGRAM, RecordsFile, summary, withCalls, writes, zoneLines } from "./support";

jest.setTimeout(900_000);

const web = { fieldType: "A", target: "203.0.113.10", ttl: 3600 };
const www = { subDomain: "www", fieldType: "CNAME", target: "example.com." };
const spf = { fieldType: "TXT", target: "v=spf1 mx -all" };

describe("a zone kept in Git, through the real Pulumi CLI", () => {
  let emulator: Emulator;
  let ws: PulumiWorkspace;
  let file: RecordsFile;
  const ids = async () => ((await ws.outputs()).ids ?? {}) as Record<string, string>;

  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": [] } });
    file = new RecordsFile();
    ws = await cliStack(RECORDS_PROGRAM, emulator, "stack-config", { config: { recordsFile: file.path } });
  });
  afterAll(async () => {
    ws.remove();
    file.remove();
    await emulator.close();
  });

  it("creates the declared records; the preview before sends no call", async () => {
    file.declare({ web, www, spf });
    const preview = await withCalls(emulator, () => ws.preview());
    expect(changes(preview.result)).toEqual([`create ovh-dns-records-${ws.stack}`, "create spf", "create web", "create www"]);
    expect(preview.calls).toEqual([]);
    const up = await withCalls(emulator, () => ws.up());
    expect(summary(up.result.stdout)).toEqual({ created: 4 });
    expect(writes(up.calls).filter((c) => c.endsWith("/record"))).toHaveLength(3);
    expect(zoneLines(emulator)).toEqual(["@ A 203.0.113.10 3600", '@ TXT "v=spf1 mx -all" 0', "www CNAME example.com. 0"]);
  });

  it("sends no call at all for a preview or an up with nothing to change", async () => {
    const preview = await withCalls(emulator, () => ws.preview());
    expect(changes(preview.result)).toEqual([]);
    const up = await withCalls(emulator, () => ws.up());
    expect(summary(up.result.stdout)).toEqual({ unchanged: 4 });
    expect([...preview.calls, ...up.calls]).toEqual([]);
  });

  it("changes a TTL in place with one PUT", async () => {
    file.declare({ web: { ...web, ttl: 600 }, www, spf });
    const preview = await ws.preview();
    expect(changes(preview)).toEqual(["update web"]);
    const up = await withCalls(emulator, () => ws.up());
    expect(writes(up.calls).filter((c) => !c.endsWith("/refresh"))).toEqual([expect.stringMatching(/^PUT \/domain\/zone\/example\.com\/record\/\d+$/)]);
    expect(zoneLines(emulator)).toContain("@ A 203.0.113.10 600");
  });

  it("renames a subDomain in place, keeping the record id", async () => {
    const before = (await ids()).www;
    file.declare({ web: { ...web, ttl: 600 }, www: { ...www, subDomain: "www2" }, spf });
    expect(changes(await ws.preview())).toEqual(["update www"]);
    await ws.up();
    expect((await ids()).www).toBe(before);
    expect(zoneLines(emulator)).toContain("www2 CNAME example.com. 0");
  });

  it("replaces a record whose fieldType changes: a new id, the old record deleted", async () => {
    const before = (await ids()).web;
    file.declare({ web: { fieldType: "AAAA", target: "2001:db8::11", ttl: 600 }, www: { ...www, subDomain: "www2" }, spf });
    const preview = await ws.preview();
    expect(changes(preview)).toEqual(["replace web"]);
    expect(preview.steps.find((s) => s.op === "replace")?.replaceReasons).toEqual(["fieldType"]);
    const up = await ws.up();
    expect(summary(up.stdout)).toEqual({ replaced: 1, unchanged: 3 });
    expect((await ids()).web).not.toBe(before);
    expect(zoneLines(emulator)).toEqual(["@ AAAA 2001:db8::11 600", '@ TXT "v=spf1 mx -all" 0', "www2 CNAME example.com. 0"]);
  });

  it("deletes a record removed from the file, and only that one", async () => {
    file.declare({ web: { fieldType: "AAAA", target: "2001:db8::11", ttl: 600 }, www: { ...www, subDomain: "www2" } });
    const up = await withCalls(emulator, () => ws.up());
    expect(writes(up.calls).filter((c) => c.startsWith("DELETE "))).toHaveLength(1);
    expect(zoneLines(emulator)).toEqual(["@ AAAA 2001:db8::11 600", "www2 CNAME example.com. 0"]);
  });

  it("does nothing when the file is only reordered", async () => {
    file.declare({ www: { subDomain: "www2", target: "example.com.", fieldType: "CNAME" }, web: { ttl: 600, target: "2001:db8::11", fieldType: "AAAA" } });
    const preview = await withCalls(emulator, () => ws.preview());
    expect(changes(preview.result)).toEqual([]);
    expect(preview.calls).toEqual([]);
  });

  it("shows a record edited behind Pulumi's back in refresh, and the next up restores it", async () => {
    const id = (await ids()).web;
    await behindPulumi(emulator).put(`/domain/zone/example.com/record/${id}`, { target: "2001:db8::99" });
    const refresh = await withCalls(emulator, () => ws.refresh());
    expect(summary(refresh.result.stdout)).toMatchObject({ updated: 1 });
    expect(writes(refresh.calls)).toEqual([]);
    const preview = await ws.preview();
    expect(changes(preview)).toEqual(["update web"]);
    await ws.up();
    expect(zoneLines(emulator)).toContain("@ AAAA 2001:db8::11 600");
    expect(changes(await ws.preview())).toEqual([]);
  });

  it("shows no change after an upgrade of the provider's code (another __provider text in the state)", async () => {
    const exported = await ws.exportState();
    const text = JSON.stringify(exported).replace(/exports\.handler = \(\) => require\(\\"pulumi-ovh-dns\/provider\\"\)\.zoneRecordProvider;/g,
      'exports.handler = () => require(\\"pulumi-ovh-dns/provider\\").zoneRecordProvider; // 0.0.1');
    expect(text).toContain("// 0.0.1");
    await ws.importState(text);
    const preview = await withCalls(emulator, () => ws.preview());
    expect(changes(preview.result)).toEqual([]);
    expect(preview.calls).toEqual([]);
  });

  it("destroys what it manages", async () => {
    const destroy = await withCalls(emulator, () => ws.destroy());
    expect(writes(destroy.calls).filter((c) => c.startsWith("DELETE "))).toHaveLength(2);
    expect(zoneLines(emulator)).toEqual([]);
  });
});
