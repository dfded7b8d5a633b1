import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { ovhCall } from "./helpers/ovh-call";

const SOA = "/domain/zone/example.com/soa";

describe("emulator GET/PUT /domain/zone/{zone}/soa", () => {
  let emu: Emulator;
  beforeEach(async () => (emu = await startEmulator({ zones: { "example.com": [] } })));
  afterEach(() => emu.close());

  test("answers the export head's values, keys in alphabetical order", async () => {
    const res = await ovhCall(emu, "GET", SOA);
    expect(res.status).toBe(200);
    expect(Object.keys(res.json as object)).toEqual(["email", "expire", "nxDomainTtl", "refresh", "serial", "server", "ttl"]);
    expect(res.json).toMatchObject({ email: "tech@ovh.net", expire: 3600000, nxDomainTtl: 60, refresh: 86400, server: "dns112.ovh.net", ttl: 3600 });
  });

  test("a PUT changes only the fields sent, and the export shows them after a refresh", async () => {
    expect((await ovhCall(emu, "PUT", SOA, { body: { nxDomainTtl: 300, ttl: 7200 } })).status).toBe(200);
    expect((await ovhCall(emu, "GET", SOA)).json).toMatchObject({ nxDomainTtl: 300, ttl: 7200, refresh: 86400 });
    expect(emu.zone("example.com").pendingChanges).toBe(true);
    await ovhCall(emu, "POST", "/domain/zone/example.com/refresh");
    const text = emu.zone("example.com").exportText();
    expect(text).toMatch(/^\$TTL 7200\n@\tIN SOA dns112\.ovh\.net\. tech\.ovh\.net\. \(\d{10} 86400 3600 3600000 300\)\n/);
  });

  test.each([
    [{ ttl: "3600" }, "Body parameter ttl isn't formated correctly: expected a non-negative integer"],
    [{ nxDomainTtl: -1 }, "Body parameter nxDomainTtl isn't formated correctly: expected a non-negative integer"],
    [{ retry: 60 }, "Unknown parameter(s) in body: retry"],
    [{ server: "ns.example.net" }, "Try to alter read-only properties: server"],
    [{ serial: 1 }, "Try to alter read-only properties: serial"],
    [{ email: "not an address" }, "Body parameter email isn't formated correctly: expected an email address"],
    [{ email: "hostmaster.example.com." }, "Body parameter email isn't formated correctly: expected an email address"],
    [{ email: 7 }, "Body parameter email isn't formated correctly: expected an email address"],
    [[1], "Body must be a JSON object"],
  ])("refuses %j with a 400 naming it, changing nothing", async (body, message) => {
    const res = await ovhCall(emu, "PUT", SOA, { body });
    expect([res.status, (res.json as { message: string }).message]).toEqual([400, message]);
    expect(emu.zone("example.com").soa).toMatchObject({ ttl: 3600, nxDomainTtl: 60 });
    expect(emu.zone("example.com").pendingChanges).toBe(false);
  });

  test("a PUT of email keeps the address as sent; the export serves it as the SOA's RNAME", async () => {
    expect((await ovhCall(emu, "PUT", SOA, { body: { email: "John.Doe@Example.com" } })).status).toBe(200);
    expect((await ovhCall(emu, "GET", SOA)).json).toMatchObject({ email: "John.Doe@Example.com", ttl: 3600 });
    await ovhCall(emu, "POST", "/domain/zone/example.com/refresh");
    expect(emu.zone("example.com").exportText()).toContain("@\tIN SOA dns112.ovh.net. John\\.Doe.Example.com. (");
  });

  test("the address outlives a restart through the state file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "soa-state-"));
    try {
      const stateFile = join(dir, "state.json");
      const first = await startEmulator({ stateFile, zones: { "example.com": [] } });
      await ovhCall(first, "PUT", SOA, { body: { email: "hostmaster@example.com", nxDomainTtl: 300 } });
      await first.close();
      const second = await startEmulator({ stateFile, zones: { "example.com": [] } });
      try {
        expect((await ovhCall(second, "GET", SOA)).json).toMatchObject({ email: "hostmaster@example.com", nxDomainTtl: 300 });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("an unknown zone is a 404", async () => {
    expect((await ovhCall(emu, "GET", "/domain/zone/nope.example/soa")).status).toBe(404);
    expect((await ovhCall(emu, "PUT", "/domain/zone/nope.example/soa", { body: { ttl: 60 } })).status).toBe(404);
  });
});
