/**
 * OAuth2 service accounts end to end (docs/ovh-api.md §6): the client fetches a client-credentials token from
 * the emulator's `/auth/oauth2/token` (derived from the endpoint URL) and sends bearer calls only.
 */
import { type Emulator, startEmulator } from "../../emulator";
import { oauthClient, recordingTransport } from "./support";

const ZONE = "example.com";
const RECORDS = `/domain/zone/${ZONE}/record`;

/** A clock the test moves by hand. */
function manualClock(start: number): { now: () => number; advance(ms: number): void } {
  let current = start;
  return { now: () => current, advance: (ms) => (current += ms) };
}

describe("OAuth2 client credentials, client against emulator", () => {
  let emu: Emulator;
  let serverClock: ReturnType<typeof manualClock>;
  let localClock: ReturnType<typeof manualClock>;
  beforeEach(async () => {
    serverClock = manualClock(Date.UTC(2025, 0, 15, 12));
    localClock = manualClock(Date.UTC(2025, 0, 15, 12));
    emu = await startEmulator({ zones: { [ZONE]: [] }, now: () => serverClock.now(), tokenLifetimeSeconds: 600 });
  });
  afterEach(() => emu.close());

  it("fetches one token for many calls of every method and sends only the bearer", async () => {
    const recording = recordingTransport();
    const { client } = oauthClient(emu, undefined, undefined, { transport: recording.transport });
    const zones = await Promise.all(Array.from({ length: 10 }, () => client.get("/domain/zone")));
    const created = await client.post<{ id: number }>(RECORDS, { fieldType: "TXT", subDomain: "_acme-challenge", target: "tøken" });
    expect(await client.put(`${RECORDS}/${created.id}`, { ttl: 120 })).toBeNull();
    expect(await client.get(RECORDS)).toEqual([created.id]);
    expect(await client.delete(`${RECORDS}/${created.id}`)).toBeUndefined();
    recording.close();

    expect(zones).toEqual(Array(10).fill([ZONE]));
    expect(emu.count({ method: "POST", path: "/auth/oauth2/token" })).toBe(1);
    expect(emu.count({ path: "/auth/time" })).toBe(0);
    expect(client.stats).toMatchObject({ tokenFetches: 1, timeSyncs: 0, requestsSent: 14 });
    const apiCalls = emu.log.filter((e) => e.path !== "/auth/oauth2/token");
    expect(apiCalls.map((e) => [e.status < 300, e.clientId, e.consumerKey])).toEqual(Array(14).fill([true, emu.credentials.clientId, undefined]));
    const [tokenRequest, ...sent] = recording.exchanges.map((x) => x.request);
    expect([tokenRequest.url, tokenRequest.body]).toEqual([`${emu.origin}/auth/oauth2/token`, "grant_type=client_credentials&scope=all"]);
    const bearers = new Set(sent.map((r) => r.headers.Authorization));
    expect(bearers.size).toBe(1);
    expect([...bearers][0]).toMatch(/^Bearer [A-Za-z0-9]{48}$/);
    expect(sent.flatMap((r) => Object.keys(r.headers).filter((h) => h.toLowerCase().startsWith("x-ovh")))).toEqual([]);
  });

  it("renews the token before it expires, on the client's own clock", async () => {
    const { client } = oauthClient(emu, undefined, undefined, { now: localClock.now });
    await client.get("/domain/zone");
    localClock.advance(589_000);
    serverClock.advance(589_000);
    await client.get("/domain/zone");
    localClock.advance(1_000); // 10 s before the 600 s expiry: renewed
    serverClock.advance(1_000);
    await client.get("/domain/zone");
    expect(emu.log.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
      "POST /auth/oauth2/token 200",
      "GET /domain/zone 200",
      "GET /domain/zone 200",
      "POST /auth/oauth2/token 200",
      "GET /domain/zone 200",
    ]);
    client.close();
  });

  it("drops a token the API has expired early and sends the call again once with a new one, a POST included (a 401 applied nothing)", async () => {
    const { client } = oauthClient(emu, undefined, undefined, { now: localClock.now });
    await client.get("/domain/zone");
    serverClock.advance(600_000); // the API's clock runs ahead of the client's: the token is dead there
    expect(await client.get("/domain/zone")).toEqual([ZONE]);
    serverClock.advance(600_000);
    await client.post(RECORDS, { fieldType: "A", subDomain: "x", target: "192.0.2.9" });
    expect(emu.log.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
      "POST /auth/oauth2/token 200",
      "GET /domain/zone 200",
      "GET /domain/zone 401",
      "POST /auth/oauth2/token 200",
      "GET /domain/zone 200",
      `POST ${RECORDS} 401`,
      "POST /auth/oauth2/token 200",
      `POST ${RECORDS} 200`,
    ]);
    expect(await client.get<number[]>(RECORDS)).toHaveLength(1);
    expect(client.stats.tokenFetches).toBe(3);
    client.close();
  });
});
