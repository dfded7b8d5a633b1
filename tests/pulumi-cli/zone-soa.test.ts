/**
 * ZoneSoa through the real Pulumi CLI (docs/zone-soa.md): a bad value fails the preview on its field with nothing
 * written; the preview of the create and of a change names the exact fields; `up` writes only the fields that
 * differ and publishes them with one refresh; a change made behind Pulumi shows at `refresh` and is put back by the
 * next `up`; `destroy` gives the zone back the values it had. The administrator's `email` goes through each step, and
 * the same address spelt in another case is no change.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { changes, type PulumiWorkspace } from "../../tools/pulumi-cli";
import { behindPulumi, cliStack, summary, withCalls, writes } from "./support";

jest.setTimeout(600_000);

const PROGRAM = path.resolve(__dirname, "../fixtures/soa-program");
const SOA = "/domain/zone/example.com/soa";

describe("ZoneSoa through the real CLI", () => {
  let emulator: Emulator;
  let ws: PulumiWorkspace;
  let dir: string;
  const declare = (args: Record<string, unknown>) => fs.writeFileSync(path.join(dir, "soa.json"), JSON.stringify({ zoneName: "example.com", ...args }));
  const soa = () => {
    const { ttl, nxDomainTtl, refresh, expire, email } = emulator.zone("example.com").soa;
    return { ttl, nxDomainTtl, refresh, expire, email };
  };
  const DEFAULTS = { ttl: 3600, nxDomainTtl: 60, refresh: 86400, expire: 3600000, email: "tech@ovh.net" };

  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": [] } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "soa-"));
    ws = await cliStack(PROGRAM, emulator, "stack-config", { config: { soaFile: path.join(dir, "soa.json") } });
  });
  afterAll(async () => {
    ws.remove();
    fs.rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  });

  it("fails the preview of a bad value on its field, with the range, and writes nothing", async () => {
    declare({ nxDomainTtl: 10, expire: 100, refresh: 600, email: "hostmaster.example.com." });
    const up = await withCalls(emulator, () => ws.run(["up", "--yes"]));
    expect(up.result.code).not.toBe(0);
    const output = up.result.stdout + up.result.stderr;
    expect(output).toContain("nxDomainTtl 10 is outside 60..86400 seconds");
    expect(output).toContain("expire 100 is not above refresh 600");
    expect(output).toContain('email "hostmaster.example.com." has no "@": OVH takes the administrator\'s address as a mailbox, not the SOA\'s RNAME form; use "hostmaster@example.com"');
    expect(writes(up.calls)).toEqual([]);
    expect(soa()).toEqual(DEFAULTS);
  });

  it("previews the create, then writes the managed fields with one PUT and one refresh", async () => {
    declare({ nxDomainTtl: 300, ttl: 7200, email: "Hostmaster@Example.com" });
    // The stack itself is created with the first successful up too.
    expect(changes(await ws.preview()).filter((c) => c.endsWith(" soa"))).toEqual(["create soa"]);
    const up = await withCalls(emulator, () => ws.up());
    expect(writes(up.calls)).toEqual([`PUT ${SOA}`, "POST /domain/zone/example.com/refresh"]);
    expect(soa()).toEqual({ ...DEFAULTS, nxDomainTtl: 300, ttl: 7200, email: "Hostmaster@Example.com" });
    expect(emulator.zone("example.com").exportText()).toContain("$TTL 7200");
    expect(changes(await ws.preview())).toEqual([]);
  });

  it("previews a change as an update of that field, and sends only it", async () => {
    declare({ nxDomainTtl: 900, ttl: 7200, email: "Hostmaster@Example.com" });
    const preview = await ws.preview();
    expect(changes(preview)).toEqual(["update soa"]);
    // The dynamic-provider host reports no per-property diff to the engine; the CLI's own diff shows the field.
    const shown = await ws.run(["preview", "--diff"]);
    expect(shown.stdout.split("\n").filter((line) => /^\s+[~+-] \w+: /.test(line)).map((line) => line.trim())).toEqual(["~ nxDomainTtl: 300 => 900"]);
    const before = emulator.log.length;
    await ws.up();
    const puts = emulator.log.slice(before).filter((e) => e.method === "PUT");
    expect(puts.map((e) => `${e.method} ${e.path}`)).toEqual([`PUT ${SOA}`]);
    expect(soa()).toEqual({ ...DEFAULTS, nxDomainTtl: 900, ttl: 7200, email: "Hostmaster@Example.com" });
  });

  it("previews no change for the address spelt in another case", async () => {
    declare({ nxDomainTtl: 900, ttl: 7200, email: "HOSTMASTER@example.COM" });
    expect(changes(await ws.preview())).toEqual([]);
  });

  it("shows a change made behind Pulumi at refresh, and puts the declared value back at the next up", async () => {
    await behindPulumi(emulator).put(SOA, { nxDomainTtl: 120, email: "someone@elsewhere.example" });
    const refresh = await ws.refresh();
    expect(summary(refresh.stdout)).toMatchObject({ updated: 1 });
    expect(changes(await ws.preview())).toEqual(["update soa"]);
    await ws.up();
    expect(soa()).toMatchObject({ nxDomainTtl: 900, email: "HOSTMASTER@example.COM" });
  });

  it("destroy gives the zone back the values it had before", async () => {
    const destroy = await withCalls(emulator, () => ws.destroy());
    expect(writes(destroy.calls)).toEqual([`PUT ${SOA}`, "POST /domain/zone/example.com/refresh"]);
    expect(soa()).toEqual(DEFAULTS);
  });
});
