/**
 * Bringing records that already exist under Pulumi, through the real Pulumi CLI: the `adopt` input takes
 * them over without a duplicate; the `import` resource option cannot work for a dynamic resource under the
 * real engine (its import Read carries neither inputs nor state, so the plugin host has no provider code:
 * pulumi/pulumi#16175), and this test pins what the user sees then.
 */
import { changes } from "../../tools/pulumi-cli";
import { cliStack, RECORDS_PROGRAM, recordsRig, withCalls, writes, zoneLines } from "./support";

jest.setTimeout(900_000);

const existing = [
  { subDomain: "", fieldType: "A", target: "203.0.113.10", ttl: 3600 },
  { subDomain: "", fieldType: "TXT", target: '"v=spf1 include:mx.ovh.com -all"', ttl: 0 },
  { subDomain: "www", fieldType: "CNAME", target: "example.com.", ttl: 60 },
];

describe("adopting existing records through the real Pulumi CLI", () => {
  const rig = recordsRig(existing);

  it("adopt: the first up takes every existing record over (no POST of a record), and the next preview shows nothing", async () => {
    rig.file.declare({
      apex: { fieldType: "A", target: "203.0.113.10", ttl: 3600, adopt: true },
      spf: { fieldType: "TXT", target: "v=spf1 include:mx.ovh.com -all", adopt: true },
      www: { subDomain: "www", fieldType: "CNAME", target: "example.com.", ttl: 3600, adopt: true },
      mail: { fieldType: "MX", target: "10 mx.example.com.", adopt: true },
    });
    const ids = rig.emulator.zone("example.com").records.map((r) => String(r.id)).sort();
    rig.ws = await cliStack(RECORDS_PROGRAM, rig.emulator, "stack-config", { config: { recordsFile: rig.file.path } });
    const up = await withCalls(rig.emulator, () => rig.ws!.up());
    const posts = writes(up.calls).filter((c) => c.startsWith("POST ") && c.endsWith("/record"));
    expect(posts).toHaveLength(1); // only the MX, which did not exist
    expect(writes(up.calls).filter((c) => c.startsWith("PUT "))).toHaveLength(1); // the CNAME's TTL 60 -> 3600
    const out = (await rig.ws.outputs()).ids as Record<string, string>;
    expect([out.apex, out.spf, out.www].sort()).toEqual(ids);
    expect(zoneLines(rig.emulator)).toEqual([
      "@ A 203.0.113.10 3600", "@ MX 10 mx.example.com. 0", '@ TXT "v=spf1 include:mx.ovh.com -all" 0', "www CNAME example.com. 3600",
    ]);
    const preview = await withCalls(rig.emulator, () => rig.ws!.preview());
    expect(changes(preview.result)).toEqual([]);
    expect(preview.calls).toEqual([]);
    // Destroy deletes what was adopted: the stack owns it now.
    await rig.ws.destroy();
    expect(zoneLines(rig.emulator)).toEqual([]);
  });

  it("renaming a resource with adopt keeps its record: the new name takes it over, the old name leaves the state without deleting it", async () => {
    // Issue 16, defect 1: the old name's delete used to remove the record the new name had just adopted, and the
    // next preview showed no change.
    rig.file.declare({ apex: { fieldType: "A", target: "203.0.113.10", ttl: 3600, adopt: true } });
    const id = String(rig.emulator.zone("example.com").records[0].id);
    rig.ws = await cliStack(RECORDS_PROGRAM, rig.emulator, "stack-config", { config: { recordsFile: rig.file.path } });
    await rig.ws.up();
    rig.file.declare({ "apex-renamed": { fieldType: "A", target: "203.0.113.10", ttl: 3600, adopt: true } });
    const up = await withCalls(rig.emulator, () => rig.ws!.up());
    expect(writes(up.calls).filter((c) => !c.endsWith("/refresh"))).toEqual([]);
    expect(((await rig.ws.outputs()).ids as Record<string, string>)["apex-renamed"]).toBe(id);
    expect(zoneLines(rig.emulator)).toContain("@ A 203.0.113.10 3600");
    expect(rig.emulator.zone("example.com").records.map((r) => String(r.id))).toContain(id);
    expect(changes(await rig.ws.preview())).toEqual([]);
  });

  it("the import resource option fails under the real engine with the plugin host's error, and changes nothing", async () => {
    const id = String(rig.emulator.zone("example.com").records[0].id);
    rig.file.declare({ apex: { fieldType: "A", target: "203.0.113.10", ttl: 3600, importId: id } });
    rig.ws = await cliStack(RECORDS_PROGRAM, rig.emulator, "stack-config", { config: { recordsFile: rig.file.path } });
    const up = await withCalls(rig.emulator, () => rig.ws!.run(["up", "--yes", "--skip-preview"]));
    expect(up.result.code).not.toBe(0);
    expect(`${up.result.stdout}\n${up.result.stderr}`).toMatch(/code must be a string|__provider/);
    expect(writes(up.calls)).toEqual([]);
    expect(rig.emulator.zone("example.com").records).toHaveLength(3);
  });
});
