/**
 * Every example through the real Pulumi CLI against the emulator: preview, up, a change, refresh, destroy,
 * asserting on the zone and on the API calls each command made. `gitops` and `bind` manage their zone as a
 * whole with the Zone component: a change there is an edit of the records file. `zone-services` holds every
 * resource of the package, its DynHost password a secret that reaches neither the state file nor the CLI's output.
 * (`verification` runs through the CLI in examples-copied.test.ts, and under the local engine and setMocks in
 * tests/examples.)
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { changes, type CliResult, type PulumiWorkspace } from "../../tools/pulumi-cli";
import { cliStack, EXAMPLES, passwordDigest, withCalls, withCallsPrinted, writes, zoneLines } from "./support";

jest.setTimeout(900_000);

const NS = { subDomain: "", fieldType: "NS", target: "dns200.anycast.me.", ttl: 0 };

describe("the examples through the real Pulumi CLI", () => {
  let emulator: Emulator;
  let ws: PulumiWorkspace | undefined;
  beforeEach(async () => {
    emulator = await startEmulator({ zones: { "example.com": [NS] }, domains: ["example.com"] });
  });
  afterEach(async () => {
    ws?.remove();
    await emulator.close();
  });

  it("basic: preview sends no write, up creates 8 records, a change updates in place, refresh finds nothing, destroy leaves the zone's NS", async () => {
    // As users run it: the CLI type-checks the program at each start.
    ws = await cliStack("basic", emulator, "stack-config", { config: { zoneName: "example.com" }, typeCheck: true });
    const preview = await withCalls(emulator, () => ws!.preview());
    expect(preview.result.code).toBe(0);
    expect(changes(preview.result)).toHaveLength(9); // the stack and 8 records
    expect(preview.calls).toEqual([]);

    const up = await withCalls(emulator, () => ws!.up());
    expect(writes(up.calls).filter((c) => c.endsWith("/record"))).toHaveLength(8);
    expect(writes(up.calls).filter((c) => c.endsWith("/refresh")).length).toBeLessThanOrEqual(2);
    expect(zoneLines(emulator)).toEqual([
      "@ A 203.0.113.10 3600", "@ AAAA 2001:db8::10 3600", '@ CAA 0 issue "letsencrypt.org" 0', "@ MX 10 mx1.example.com. 0",
      "@ MX 20 mx2.example.com. 0", "@ NS dns200.anycast.me. 0", '@ TXT "v=spf1 mx include:mx.ovh.com -all" 0',
      "_sip._tcp SRV 10 5 5060 sip.example.com. 0", "www CNAME example.com. 3600",
    ]);
    expect((await ws.outputs()).wwwName).toBe("www.example.com");

    const same = await withCalls(emulator, () => ws!.preview());
    expect(changes(same.result)).toEqual([]);
    expect(same.calls).toEqual([]);

    await ws.setConfig("webIpv4", "203.0.113.77");
    const changed = await withCalls(emulator, () => ws!.preview());
    expect(changes(changed.result)).toEqual(["update apex-a"]);
    const apply = await withCalls(emulator, () => ws!.up());
    expect(writes(apply.calls).filter((c) => c.startsWith("PUT "))).toHaveLength(1);
    expect(writes(apply.calls).filter((c) => c.startsWith("POST ") && c.endsWith("/record"))).toEqual([]);
    expect(zoneLines(emulator)).toContain("@ A 203.0.113.77 3600");

    const refresh = await withCalls(emulator, () => ws!.refresh());
    expect(writes(refresh.calls)).toEqual([]);
    expect(refresh.result.stdout).toMatch(/Resources:\s+9 unchanged\s/);

    const destroy = await withCalls(emulator, () => ws!.destroy());
    expect(writes(destroy.calls).filter((c) => c.startsWith("DELETE "))).toHaveLength(8);
    expect(zoneLines(emulator)).toEqual(["@ NS dns200.anycast.me. 0"]);
  });

  it("zone-services: preview sends no write, up makes every resource, a change updates in place, refresh finds nothing, destroy puts the zone back", async () => {
    const password = "office-router-7c2e91";
    const said: string[] = [];
    const run = <T extends CliResult>(fn: () => Promise<T>) => withCallsPrinted(emulator, said, fn);
    const zone = () => emulator.zone("example.com");
    ws = await cliStack("zone-services", emulator, "stack-config", { config: { zoneName: "example.com" }, secrets: { dynhostPassword: password } });
    const preview = await run(() => ws!.preview());
    expect(preview.result.code).toBe(0);
    expect(changes(preview.result).filter((c) => !c.includes("ovh-dns-zone-services-")).sort()).toEqual([
      "create apex-a", "create blog", "create dnssec", "create mx", "create office", "create router", "create soa", "create spf", "create www",
    ]);
    expect(writes(preview.calls)).toEqual([]);

    const up = await run(() => ws!.up());
    expect(up.result.code).toBe(0);
    expect(zoneLines(emulator).filter((l) => !l.startsWith("blog "))).toEqual([
      "@ A 203.0.113.10 3600", "@ MX 10 mx1.example.com. 0", "@ NS dns200.anycast.me. 0", '@ TXT "v=spf1 mx -all" 0', "www CNAME example.com. 0",
    ]);
    expect(zone().redirections.map((r) => `${r.subDomain} ${r.type} ${r.target}`)).toEqual(["blog visiblePermanent https://blog.example.org/"]);
    expect([zone().soa.nxDomainTtl, zone().soa.email, zone().soa.ttl]).toEqual([300, "hostmaster@example.com", 3600]);
    expect(zone().dnssec).toBe("enabled");
    expect(zone().dynHostRecords.map((r) => `${r.subDomain} ${r.ip}`)).toEqual(["office 198.51.100.20"]);
    expect(zone().dynHostLogins.map((l) => `${l.login} ${l.subDomain} ${l.passwordDigest === passwordDigest(password)}`)).toEqual(["example.com-router office true"]);
    expect(await ws.outputs()).toMatchObject({
      blogUrl: "blog.example.com", dnssecStatus: "enabled", officeName: "office.example.com", routerLogin: "example.com-router",
      apexRecordId: String(zone().records.find((r) => r.fieldType === "A" && r.subDomain === "")!.id),
    });

    // The state holds the login, its password only encrypted.
    const state = ws.stateFileText();
    expect(state).toContain("pulumi-nodejs:dynamic/ovhdns:DynHostLogin");
    expect(state).not.toContain(password);

    await ws.setConfig("blogTarget", "https://news.example.org/");
    const changed = await run(() => ws!.preview());
    expect(changes(changed.result)).toEqual(["update blog"]);
    const apply = await run(() => ws!.up());
    expect(writes(apply.calls).filter((c) => !c.endsWith("/refresh"))).toEqual([`PUT /domain/zone/example.com/redirection/${zone().redirections[0].id}`]);
    expect(zone().redirections.map((r) => r.target)).toEqual(["https://news.example.org/"]);

    const refresh = await run(() => ws!.refresh());
    expect(writes(refresh.calls)).toEqual([]);
    expect(refresh.result.stdout).toMatch(/Resources:\s+10 unchanged\s/);

    const destroy = await run(() => ws!.destroy());
    expect(destroy.result.code).toBe(0);
    expect(zoneLines(emulator)).toEqual(["@ NS dns200.anycast.me. 0"]);
    expect([zone().redirections, zone().dynHostRecords, zone().dynHostLogins, zone().dnssec]).toEqual([[], [], [], "disabled"]);
    expect([zone().soa.nxDomainTtl, zone().soa.email]).toEqual([60, "tech@ovh.net"]);
    // The password reached the emulator's login (its digest matched), but not what the CLI printed.
    expect(said.join("\n")).not.toContain(password);
  });

  it("data-sources: outputs the account's domains, zones and a zone's records, and writes nothing", async () => {
    ws = await cliStack("data-sources", emulator, "stack-config", { config: { zoneName: "example.com" } });
    const up = await withCalls(emulator, () => ws!.up());
    expect(writes(up.calls)).toEqual([]);
    const out = await ws.outputs();
    expect(out.domains).toEqual(["example.com"]);
    expect(out.zones).toEqual(["example.com"]);
    const ns = String(emulator.zone("example.com").records[0].id);
    expect(out.records).toEqual([expect.objectContaining({ recordId: ns, fieldType: "NS", fqdn: "example.com" })]);
    // A record added behind the program's back shows on the next run, as a data source should.
    emulator.addZone("example.com", [NS, { subDomain: "", fieldType: "MX", target: "10 mx.example.com.", ttl: 0 }]);
    await ws.up();
    expect((await ws.outputs()).mailRecords).toEqual([expect.stringMatching(/^[0-9]+ example\.com 10 mx\.example\.com\.$/)]);
    await ws.destroy();
  });

  it("gitops: records.yaml through Zone.fromYaml - up, an edited file updates one record, refresh finds nothing, destroy", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gitops-example-"));
    const file = path.join(dir, "records.yaml");
    const original = fs.readFileSync(path.join(EXAMPLES, "gitops", "records.yaml"), "utf8");
    fs.writeFileSync(file, original);
    try {
      ws = await cliStack("gitops", emulator, "stack-config", { config: { recordsFile: file } });
      const preview = await withCalls(emulator, () => ws!.preview());
      expect(preview.result.code).toBe(0);
      expect(writes(preview.calls)).toEqual([]);
      const up = await withCalls(emulator, () => ws!.up());
      expect(writes(up.calls).filter((c) => c.endsWith("/record"))).toHaveLength(5);
      expect(zoneLines(emulator)).toEqual([
        "@ A 203.0.113.10 3600", "@ MX 10 mx1.example.com. 0", "@ NS dns200.anycast.me. 0", '@ TXT "v=spf1 mx -all" 0',
        '_dmarc TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com" 0', "www CNAME example.com. 0",
      ]);
      expect((await ws.outputs()).recordCount).toBe(5);
      fs.writeFileSync(file, original.replace("target: 203.0.113.10", "target: 203.0.113.11"));
      const edited = await ws.preview();
      expect(changes(edited).filter((c) => !c.includes("manifest"))).toEqual([expect.stringMatching(/^update zone-@-A/)]);
      const apply = await withCalls(emulator, () => ws!.up());
      expect(writes(apply.calls).filter((c) => c.startsWith("PUT "))).toHaveLength(1);
      expect(zoneLines(emulator)).toContain("@ A 203.0.113.11 3600");
      const refresh = await withCalls(emulator, () => ws!.refresh());
      expect(writes(refresh.calls)).toEqual([]);
      await ws.destroy();
      expect(zoneLines(emulator)).toEqual(["@ NS dns200.anycast.me. 0"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("bind: a zone file through Zone.fromBind - up creates every record, a second up changes nothing, destroy", async () => {
    ws = await cliStack("bind", emulator, "stack-config");
    await ws.up();
    const lines = zoneLines(emulator);
    expect(lines).toContain("www CNAME example.com. 300");
    expect(lines).toContain("_sip._udp SRV 10 5 5060 sip.example.com. 0"); // no TTL column: the zone default
    expect(lines.length).toBeGreaterThanOrEqual(13);
    const again = await withCalls(emulator, () => ws!.preview());
    expect(changes(again.result)).toEqual([]);
    expect(again.calls.filter((c) => !c.startsWith("GET "))).toEqual([]);
    await ws.destroy();
    expect(zoneLines(emulator)).toEqual(["@ NS dns200.anycast.me. 0"]);
  });
});
