/**
 * `GET /` at the emulator's origin: a read-only, plain-text view of its zones for a person testing a stack on
 * it, each record marked against what the zone serves (new, changed or deleted since the last refresh).
 */
import { startEmulator, type Emulator } from "../../emulator";
import { ovhCall } from "./helpers/ovh-call";

describe("the zones page (GET /)", () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await startEmulator({
      zones: {
        "example.com": [
          { subDomain: "", fieldType: "A", target: "203.0.113.1", ttl: 0 },
          { subDomain: "www", fieldType: "CNAME", target: "example.com.", ttl: 3600 },
          { subDomain: "old", fieldType: "TXT", target: '"v=1"', ttl: 0 },
        ],
        "example.org": [],
      },
      refreshDurationMs: 0,
    });
  });
  afterEach(() => emu.close());

  const page = async () => {
    const response = await fetch(`${emu.origin}/`);
    return { status: response.status, type: response.headers.get("content-type"), text: (await response.text()).replace(/serial \d+/g, "serial N") };
  };
  const idOf = (subDomain: string) => String(emu.zone("example.com").records.find((r) => r.subDomain === subDomain)!.id);

  it("lists every zone and record as text, all served after seeding", async () => {
    const { status, type, text } = await page();
    expect([status, type]).toEqual([200, "text/plain; charset=utf-8"]);
    expect(text).toBe([
      "OVH API emulator: 2 zones (a read-only view; the API is under /1.0)",
      "",
      "example.com: 3 records, serial N, all served",
      `  ${"id".padEnd(idOf("").length)}  name  type   ttl   target`,
      `  ${idOf("")}  @     A      0     203.0.113.1`,
      `  ${idOf("old")}  old   TXT    0     "v=1"`,
      `  ${idOf("www")}  www   CNAME  3600  example.com.`,
      "",
      "example.org: 0 records, serial N, all served",
      "  id  name  type  ttl  target",
      "",
    ].join("\n"));
  });

  it("marks what changed since the last refresh, and shows it served once the zone is refreshed", async () => {
    const oldId = idOf("old");
    expect((await ovhCall(emu, "POST", "/domain/zone/example.com/record", { body: { fieldType: "A", subDomain: "api", target: "203.0.113.7", ttl: 60 } })).status).toBe(200);
    expect((await ovhCall(emu, "PUT", `/domain/zone/example.com/record/${idOf("www")}`, { body: { target: "example.net." } })).status).toBe(200);
    expect((await ovhCall(emu, "DELETE", `/domain/zone/example.com/record/${oldId}`)).status).toBeLessThan(300);
    const pending = (await page()).text.split("\n");
    expect(pending[2]).toBe("example.com: 3 records, serial N, 3 changes waiting for a refresh (POST /domain/zone/example.com/refresh)");
    expect(pending.slice(3, 8).map((l) => l.replace(/^ {2}\d+ +/, "").replace(/ +/g, " "))).toEqual([
      " id name type ttl target",
      "@ A 0 203.0.113.1",
      "api A 60 203.0.113.7 new, not served yet",
      'old TXT 0 "v=1" deleted, still served',
      "www CNAME 3600 example.net. changed, not served yet",
    ]);
    expect((await ovhCall(emu, "POST", "/domain/zone/example.com/refresh")).status).toBeLessThan(300);
    const served = (await page()).text;
    expect(served).toContain("example.com: 3 records, serial N, all served\n");
    expect(served).not.toMatch(/not served yet|still served/);
    expect(served).not.toContain('"v=1"');
  });

  it("is read-only: any other method on / is refused and changes nothing", async () => {
    const before = (await page()).text;
    for (const method of ["POST", "PUT", "DELETE"]) {
      const response = await fetch(`${emu.origin}/`, { method, body: method === "DELETE" ? undefined : "{}" });
      expect(response.status).toBe(404);
    }
    expect((await page()).text).toBe(before);
  });
});
