/**
 * The client signs its own loopback URL (http://127.0.0.1:port/1.0/...) and the emulator verifies
 * it independently: every method, bodies outside ASCII, query strings that need encoding.
 */
import { type Emulator, startEmulator } from "../../emulator";
import { OvhApiError, OvhConfigError } from "../../provider/ovh";
import { appClient, caught } from "./support";

interface ApiRecord {
  fieldType: string;
  id: number;
  subDomain: string;
  target: string;
  ttl: number;
  zone: string;
}

describe("client and emulator round trips", () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await startEmulator({ zones: { "example.com": [] }, refreshDurationMs: 1 });
  });
  afterEach(() => emu.close());

  it("creates, lists, reads, updates, refreshes and deletes a record whose target is not ASCII", async () => {
    const { client } = appClient(emu);
    const created = await client.post<ApiRecord>("/domain/zone/example.com/record", {
      fieldType: "TXT",
      subDomain: "_acme-challenge",
      target: "café ☕ 日本 — ünïcödé",
    });
    expect({ ...created, id: 0 }).toEqual({
      fieldType: "TXT",
      id: 0,
      subDomain: "_acme-challenge",
      target: '"café ☕ 日本 — ünïcödé"',
      ttl: 0,
      zone: "example.com",
    });
    const path = `/domain/zone/example.com/record/${created.id}`;
    expect(await client.get("/domain/zone/example.com/record", { query: { fieldType: "TXT", subDomain: "_acme-challenge" } })).toEqual([created.id]);
    expect(await client.put(path, { target: "Straße 😀 \u00a0 <&>", ttl: 30 })).toBeNull();
    expect(await client.get<ApiRecord>(path)).toMatchObject({ target: '"Straße 😀 \u00a0 <&>"', ttl: 60 });
    expect(await client.post("/domain/zone/example.com/refresh")).toBeUndefined();
    expect(await client.delete(path)).toBeUndefined();
    expect(emu.zone("example.com").records).toEqual([]);
    expect(emu.log.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
      "GET /auth/time 200",
      "POST /domain/zone/example.com/record 200",
      "GET /domain/zone/example.com/record 200",
      "PUT " + path + " 200",
      "GET " + path + " 200",
      "POST /domain/zone/example.com/refresh 204",
      "DELETE " + path + " 204",
    ]);
    client.close();
  });

  it("signs query strings that need percent-encoding exactly as it sends them", async () => {
    emu.addZone("example.com", [{ subDomain: "www", fieldType: "A", target: "192.0.2.1" }]);
    const { client } = appClient(emu);
    // Reserved and non-ASCII characters: the emulator hashes the raw request target, not a decoded one.
    const odd = await client.get("/domain/zone/example.com/record", { query: { subDomain: "é ü&=?/+%", fieldType: "A" } });
    const www = await client.get<number[]>("/domain/zone/example.com/record", { query: { subDomain: "WWW" } });
    expect([odd, www.length]).toEqual([[], 1]);
    expect(emu.log.filter((e) => e.path.endsWith("/record")).map((e) => e.query)).toEqual([
      { subDomain: "é ü&=?/+%", fieldType: "A" },
      { subDomain: "WWW" },
    ]);
    client.close();
  });

  it("reaches the /v1 alias, signing the URL without /1.0 as the SDKs do", async () => {
    const { client, events } = appClient(emu);
    expect(await client.get("/v1/domain/zone")).toEqual(["example.com"]);
    expect(events.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(["GET /auth/time 200", "GET /v1/domain/zone 200"]);
    client.close();
  });

  // The transport sends `new URL(url)`, which the WHATWG parser percent-encodes (non-ASCII, space, braces)
  // and resolves (`..` segments); the signature covers the URL as built. Such a path is refused unsent
  // (buildRequestUrl), rather than answered "400 Invalid signature" with a hint blaming the keys.
  it("sends a path with characters the URL parser encodes exactly as it signed it, or refuses it unsent", async () => {
    const { client } = appClient(emu);
    const outcomes: string[] = [];
    for (const zone of ["exämple.com", "a b.com", "a{b}.com"]) {
      const err = await caught(() => client.get(`/domain/zone/${zone}`));
      outcomes.push(err instanceof OvhConfigError ? "refused" : `${(err as OvhApiError).status} ${(err as OvhApiError).apiMessage}`);
    }
    for (const outcome of outcomes) expect(outcome).toMatch(/^(refused|404 This service does not exist)$/);
    client.close();
  });
});
