import { startEmulator, type Emulator } from "../../emulator";
import { ovhCall } from "./helpers/ovh-call";

describe("emulator routes", () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await startEmulator({
      zones: {
        "example.com": [
          { subDomain: "www", fieldType: "A", target: "192.0.2.1", ttl: 3600 },
          { subDomain: "", fieldType: "MX", target: "10 mail.example.com.", ttl: 0 },
        ],
        "other.net": [],
      },
      domains: ["example.com"],
    });
  });
  afterEach(() => emu.close());

  test("GET /auth/time answers a bare integer of epoch seconds, unsigned", async () => {
    const res = await ovhCall(emu, "GET", "/auth/time", { unsigned: true });
    expect(res.status).toBe(200);
    expect(Number.isInteger(res.json)).toBe(true);
    expect(Math.abs((res.json as number) - Date.now() / 1000)).toBeLessThan(5);
  });

  test("GET /domain lists registered domains only, GET /domain/zone every zone", async () => {
    expect((await ovhCall(emu, "GET", "/domain")).json).toEqual(["example.com"]);
    expect((await ovhCall(emu, "GET", "/domain/zone")).json).toEqual(["example.com", "other.net"]);
  });

  test("GET /domain/zone/{zone} describes the zone", async () => {
    const res = await ovhCall(emu, "GET", "/domain/zone/example.com");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: "example.com", nameServers: ["dns112.ovh.net", "ns112.ovh.net"], hasDnsAnycast: false });
  });

  test("record create, read, list, update and delete go through the whole cycle", async () => {
    const created = await ovhCall(emu, "POST", "/domain/zone/example.com/record", {
      body: { fieldType: "CNAME", subDomain: "blog", target: "www.example.com.", ttl: 300 },
    });
    expect(created.status).toBe(200);
    const id = (created.json as { id: number }).id;
    expect(created.json).toEqual({ fieldType: "CNAME", id, subDomain: "blog", target: "www.example.com.", ttl: 300, zone: "example.com" });

    expect((await ovhCall(emu, "GET", `/domain/zone/example.com/record/${id}`)).json).toEqual(created.json);
    expect((await ovhCall(emu, "GET", "/domain/zone/example.com/record?fieldType=CNAME")).json).toEqual([id]);

    const put = await ovhCall(emu, "PUT", `/domain/zone/example.com/record/${id}`, { body: { target: "web.example.com.", ttl: 600 } });
    expect(put.status).toBe(200);
    expect(put.text).toBe("null");
    expect((await ovhCall(emu, "GET", `/domain/zone/example.com/record/${id}`)).json).toMatchObject({ target: "web.example.com.", ttl: 600 });

    const del = await ovhCall(emu, "DELETE", `/domain/zone/example.com/record/${id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe("");
    expect((await ovhCall(emu, "GET", `/domain/zone/example.com/record/${id}`)).status).toBe(404);
  });

  test("record list filters: fieldType exact, subDomain case-insensitive exact, empty subDomain is the apex", async () => {
    const [www, mx] = emu.zone("example.com").records.map((r) => r.id);
    expect((await ovhCall(emu, "GET", "/domain/zone/example.com/record")).json).toEqual([www, mx]);
    expect((await ovhCall(emu, "GET", "/domain/zone/example.com/record?subDomain=WWW")).json).toEqual([www]);
    expect((await ovhCall(emu, "GET", "/domain/zone/example.com/record?subDomain=ww")).json).toEqual([]);
    expect((await ovhCall(emu, "GET", "/domain/zone/example.com/record?subDomain=")).json).toEqual([mx]);
    expect((await ovhCall(emu, "GET", "/domain/zone/example.com/record?fieldType=MX&subDomain=www")).json).toEqual([]);
  });

  test("refresh answers 204 and status reports deployment", async () => {
    expect((await ovhCall(emu, "GET", "/domain/zone/example.com/status")).json).toEqual({ errors: null, isDeployed: true, warnings: null });
    const refresh = await ovhCall(emu, "POST", "/domain/zone/example.com/refresh");
    expect(refresh.status).toBe(204);
    expect(refresh.text).toBe("");
  });

  test("export answers a JSON string of BIND text with the OVH head", async () => {
    const res = await ovhCall(emu, "GET", "/domain/zone/example.com/export");
    expect(typeof res.json).toBe("string");
    const lines = (res.json as string).split("\n");
    expect(lines[0]).toBe("$TTL 3600");
    expect(lines[1]).toMatch(/^@\tIN SOA dns112\.ovh\.net\. tech\.ovh\.net\. \(\d{10} 86400 3600 3600000 60\)$/);
    expect(lines[2]).toBe("\tIN NS\tdns112.ovh.net.");
    expect(lines).toContain("www\t3600 IN A\t192.0.2.1");
    expect(lines).toContain("\tIN MX\t10 mail.example.com.");
  });

  test("every answer carries an X-Ovh-QueryID and the JSON content type", async () => {
    for (const res of [await ovhCall(emu, "GET", "/domain"), await ovhCall(emu, "GET", "/nope")]) {
      expect(res.headers.get("x-ovh-queryid")).toMatch(/^EU\.ext-3\.[0-9a-f]+\.\d+\.[0-9a-f-]{36}$/);
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    }
  });

  test("accepts a trailing slash and the /v1 alias", async () => {
    expect((await ovhCall(emu, "GET", "/domain/")).json).toEqual(["example.com"]);
    expect((await ovhCall(emu, "GET", "/domain/zone", { prefix: "/v1" })).json).toEqual(["example.com", "other.net"]);
  });

  test("answers 404 for an unknown route, zone or record id, and 405 for a wrong method", async () => {
    const route = await ovhCall(emu, "GET", "/domain/zone/example.com/nope");
    expect([route.status, route.json]).toEqual([404, { class: "Client::NotFound", message: "Got an invalid (or empty) URL" }]);
    const v2 = await ovhCall(emu, "GET", "/domain", { prefix: "/v2" });
    expect(v2.status).toBe(404);
    const zone = await ovhCall(emu, "GET", "/domain/zone/unknown.org/record");
    expect([zone.status, zone.json]).toEqual([404, { class: "Client::NotFound", message: "This service does not exist" }]);
    const record = await ovhCall(emu, "GET", "/domain/zone/example.com/record/42");
    expect([record.status, record.json]).toEqual([404, { class: "Client::NotFound", message: "The requested object (id = 42) does not exist" }]);
    const method = await ovhCall(emu, "DELETE", "/domain/zone/example.com");
    expect(method.status).toBe(405);
    expect(method.json).toMatchObject({ class: "Client::MethodNotAllowed" });
  });

  test("logs each call without prefix or query, with its outcome", async () => {
    await ovhCall(emu, "GET", "/domain/zone/example.com/record?fieldType=A");
    await ovhCall(emu, "GET", "/domain/zone/unknown.org");
    expect(emu.log.map((e) => [e.method, e.path, e.query, e.status, e.outcome])).toEqual([
      ["GET", "/domain/zone/example.com/record", { fieldType: "A" }, 200, "ok"],
      ["GET", "/domain/zone/unknown.org", {}, 404, "error"],
    ]);
    expect(emu.log[0].consumerKey).toBe(emu.credentials.consumerKey);
    expect(emu.count({ path: /^\/domain\/zone\// })).toBe(2);
    expect(emu.count({ status: 404 })).toBe(1);
    emu.clearLog();
    expect(emu.count()).toBe(0);
  });
});
