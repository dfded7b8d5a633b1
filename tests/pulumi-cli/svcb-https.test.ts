/**
 * RP, SVCB and HTTPS through the real Pulumi CLI (docs/ovh-api.md §5): an HTTPS record with `ech`, which OVH
 * refuses, fails the preview naming the field and the reason, with nothing written; the three types are created;
 * the same records respelled (param order, key case, quotes, hint order, host case) preview no change; OVH holding
 * a respelled target is no drift to refresh; a real change is one PUT.
 */
import { changes } from "../../tools/pulumi-cli";
import { behindPulumi, recordsStack, withCalls, writes, zoneLines } from "./support";

jest.setTimeout(600_000);

const rp = { subDomain: "contact", fieldType: "RP", target: "hostmaster.example.com. ." };
const svcb = { subDomain: "_dns", fieldType: "SVCB", target: "1 dns.example.com. alpn=dot port=853" };
const https = { subDomain: "", fieldType: "HTTPS", target: "1 . alpn=h3,h2 ipv4hint=203.0.113.10,203.0.113.11" };

describe("RP, SVCB and HTTPS records through the real CLI", () => {
  const stack = recordsStack();

  it("fails the preview of an HTTPS record with ech, naming the field and OVH's reason, and writes nothing", async () => {
    stack.file.declare({ rp, web: { ...https, target: "1 . alpn=h2 ech=AEn+DQBFKwAgACAB" } });
    const up = await withCalls(stack.emulator, () => stack.ws.run(["up", "--yes"]));
    expect(up.result.code).not.toBe(0);
    const output = up.result.stdout + up.result.stderr;
    expect(output).toContain(`SvcParam "ech": OVH refuses it with "Invalid SvcParam key 'ech'"`);
    expect(up.calls).toEqual([]);
    expect(zoneLines(stack.emulator)).toEqual([]);
  });

  it("creates the three types", async () => {
    stack.file.declare({ rp, svcb, web: https });
    await stack.ws.up();
    expect(zoneLines(stack.emulator)).toEqual([
      "@ HTTPS 1 . alpn=h3,h2 ipv4hint=203.0.113.10,203.0.113.11 0",
      "_dns SVCB 1 dns.example.com. alpn=dot port=853 0",
      "contact RP hostmaster.example.com. . 0",
    ]);
  });

  it("previews no change, and sends no call, for the same records respelled", async () => {
    stack.file.declare({
      rp: { ...rp, target: "Hostmaster.Example.COM.   ." },
      svcb: { ...svcb, target: '01 DNS.example.com. PORT="0853" ALPN="dot"' },
      web: { ...https, target: '1 . ipv4hint=203.0.113.11,203.0.113.10 alpn="h3,h2"' },
    });
    const preview = await withCalls(stack.emulator, () => stack.ws.preview());
    expect(changes(preview.result)).toEqual([]);
    expect(preview.calls).toEqual([]);
  });

  it("sees no drift when OVH holds a respelled target, and changes a param in place with one PUT", async () => {
    const held = stack.emulator.zone("example.com").records.find((r) => r.fieldType === "SVCB")!;
    await behindPulumi(stack.emulator).put(`/domain/zone/example.com/record/${held.id}`, { target: "1 dns.example.com port=853 alpn=dot" });
    await stack.ws.refresh();
    expect(changes(await stack.ws.preview())).toEqual([]);
    stack.file.declare({ rp, svcb: { ...svcb, target: "1 dns.example.com. alpn=dot port=8853" }, web: https });
    expect(changes(await stack.ws.preview())).toEqual(["update svcb"]);
    const up = await withCalls(stack.emulator, () => stack.ws.up());
    expect(writes(up.calls).filter((c) => !c.endsWith("/refresh"))).toEqual([`PUT /domain/zone/example.com/record/${held.id}`]);
    expect(zoneLines(stack.emulator)).toContain("_dns SVCB 1 dns.example.com. alpn=dot port=8853 0");
  });
});
