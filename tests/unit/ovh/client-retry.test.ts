import { OvhClient } from "../../../provider/ovh/client";
import { OvhApiError, OvhConfigError, OvhNetworkError } from "../../../provider/ovh/errors";
import { ovhErrorOutcome } from "../../../provider/ovh/outcome";
import { createHttpTransport } from "../../../provider/ovh/transport";
import { type FakeServer, findClosedPort, startFakeServer } from "./support/fake-ovh-server";
import { appClient, caught, inSequence, withAuthTime } from "./support/clients";
import { resolveCredentials } from "../../../provider/ovh/credentials";
import { TEST_KEYS } from "./support/fake-ovh-server";

const UNAVAILABLE = { status: 503, body: { class: "Server::ServiceUnavailable", message: "Service unavailable" } };
const OK = { status: 200, body: { ok: true } };

describe("OvhClient retries", () => {
  let server: FakeServer;
  let client: OvhClient;
  afterEach(async () => {
    client?.close();
    await server?.close();
  });

  it("retries a PUT after a 503, never a POST", async () => {
    server = await startFakeServer(withAuthTime(inSequence(UNAVAILABLE, OK, UNAVAILABLE)));
    let sleeps: number[];
    ({ client, sleeps } = appClient(server));
    await expect(client.put("/domain/zone/x.com/record/1", { ttl: 60 })).resolves.toEqual({ ok: true });
    const err = await caught(() => client.post("/domain/zone/x.com/record", { fieldType: "A", target: "1.2.3.4" }));
    expect(err).toBeInstanceOf(OvhApiError);
    expect(ovhErrorOutcome(err)).toBe("unknown");
    expect(server.count("/1.0/domain/zone/x.com/record/1", "PUT")).toBe(2);
    expect(server.count("/1.0/domain/zone/x.com/record", "POST")).toBe(1);
    expect(sleeps).toEqual([250]); // full jitter: 0.5 * 500 ms
    expect(client.stats).toMatchObject({ requestsSent: 4, retries: 1 });
  });

  it("resends a POST refused with a 429 (certainly not applied), up to 4 attempts, and calls it not applied", async () => {
    server = await startFakeServer(withAuthTime(() => ({ status: 429, body: { message: "Too many requests" }, headers: { "Retry-After": "1" } })));
    ({ client } = appClient(server));
    const err = await caught(() => client.post("/domain/zone/x.com/refresh"));
    expect(ovhErrorOutcome(err)).toBe("not-applied");
    expect(server.count("/1.0/domain/zone/x.com/refresh")).toBe(4);
  });

  it("honours Retry-After in seconds on a 429", async () => {
    server = await startFakeServer(withAuthTime(inSequence({ status: 429, body: { message: "slow down" }, headers: { "Retry-After": "3" } }, OK)));
    let sleeps: number[];
    ({ client, sleeps } = appClient(server, { now: () => 1_716_717_600_000 }));
    await expect(client.get("/domain/zone")).resolves.toEqual({ ok: true });
    expect(sleeps).toEqual([3000]);
    expect(client.stats).toMatchObject({ throttled: 1, throttledRetried: 1, retries: 1 });
  });

  it("honours Retry-After as an HTTP date, capped at 30 s", async () => {
    const now = Date.parse("2024-05-26T10:00:00Z");
    server = await startFakeServer(
      withAuthTime(
        inSequence(
          { status: 503, body: "busy", headers: { "Retry-After": "Sun, 26 May 2024 10:00:07 GMT" } },
          { status: 429, body: "busy", headers: { "Retry-After": "3600" } },
          OK,
        ),
      ),
    );
    let sleeps: number[];
    ({ client, sleeps } = appClient(server, { now: () => now }));
    await client.get("/domain/zone");
    expect(sleeps).toEqual([7000, 30_000]);
  });

  it("stops after 4 attempts in total with exponential full-jitter backoff", async () => {
    server = await startFakeServer(withAuthTime(() => UNAVAILABLE));
    let sleeps: number[];
    ({ client, sleeps } = appClient(server));
    const err = await caught(() => client.get("/domain/zone"));
    expect((err as OvhApiError).status).toBe(503);
    expect(server.count("/1.0/domain/zone")).toBe(4);
    expect(sleeps).toEqual([250, 500, 1000]);
  });

  it("retries DELETE and GET, but not a 404", async () => {
    server = await startFakeServer(
      withAuthTime((req) => {
        if (req.url.endsWith("/missing")) return { status: 404, body: { class: "Client::NotFound", message: "gone" } };
        // The first call to each path fails with a gateway error.
        return server.count(req.url) === 1 ? { status: 502, body: "<title>Bad Gateway</title>" } : OK;
      }),
    );
    ({ client } = appClient(server));
    await client.delete("/domain/zone/x.com/record/7");
    await client.get("/domain/zone/x.com");
    await expect(client.get("/domain/zone/x.com/missing")).rejects.toThrow("OVH API error 404 Client::NotFound on GET /domain/zone/x.com/missing: gone");
    expect([server.count("/1.0/domain/zone/x.com/record/7"), server.count("/1.0/domain/zone/x.com"), server.count("/1.0/domain/zone/x.com/missing")]).toEqual([2, 2, 1]);
  });

  it("retries a GET after a connection reset", async () => {
    server = await startFakeServer(withAuthTime(inSequence({ reset: true }, OK)));
    ({ client } = appClient(server));
    await expect(client.get("/domain/zone")).resolves.toEqual({ ok: true });
    expect(server.count("/1.0/domain/zone")).toBe(2);
  });

  it("respects maxAttempts: 1", async () => {
    server = await startFakeServer(withAuthTime(() => UNAVAILABLE));
    ({ client } = appClient(server, { retry: { maxAttempts: 1 } }));
    await expect(client.get("/domain/zone")).rejects.toThrow(OvhApiError);
    expect(server.count("/1.0/domain/zone")).toBe(1);
  });
});

describe("OvhClient network errors", () => {
  let server: FakeServer | undefined;
  let client: OvhClient;
  afterEach(async () => {
    client?.close();
    await server?.close();
    server = undefined;
  });

  it("says a refused connection was not applied", async () => {
    const port = await findClosedPort();
    ({ client } = appClient({ baseUrl: `http://127.0.0.1:${port}/1.0` } as FakeServer, { retry: { maxAttempts: 1 } }));
    const err = (await caught(() => client.post("/auth/credential", {}, { signed: false }))) as OvhNetworkError;
    expect(err).toBeInstanceOf(OvhNetworkError);
    expect([err.kind, err.code, err.mayHaveBeenApplied, err.method, err.path]).toEqual(["refused", "ECONNREFUSED", false, "POST", "/auth/credential"]);
    expect(ovhErrorOutcome(err)).toBe("not-applied");
  });

  it("says a reset after the request was written may have been applied, and does not resend the POST", async () => {
    server = await startFakeServer(withAuthTime(() => ({ reset: true })));
    ({ client } = appClient(server));
    const err = (await caught(() => client.post("/domain/zone/x.com/record", { fieldType: "A", target: "1.2.3.4" }))) as OvhNetworkError;
    expect([err.kind, err.mayHaveBeenApplied]).toEqual(["reset", true]);
    expect(ovhErrorOutcome(err)).toBe("unknown");
    expect(server.count("/1.0/domain/zone/x.com/record")).toBe(1);
  });

  it("times out a request that gets no answer", async () => {
    server = await startFakeServer(withAuthTime(() => ({ hang: true })));
    ({ client } = appClient(server, { timeoutMs: 100, retry: { maxAttempts: 2 } }));
    const err = (await caught(() => client.get("/domain/zone"))) as OvhNetworkError;
    expect(err.message).toBe("OVH API network error on GET /domain/zone: timed out after 100 ms (after the request was sent)");
    expect([err.kind, err.mayHaveBeenApplied]).toEqual(["timeout", true]);
    expect(server.count("/1.0/domain/zone")).toBe(2);
  });

  it("refuses hand-built credentials whose base URL is plain http to a remote host, as not applied", async () => {
    const credentials = { endpoint: "x", baseUrl: "http://192.0.2.1/1.0", auth: { kind: "access-token" as const, accessToken: "tok-123456" }, sources: {} };
    client = new OvhClient({ credentials });
    const err = await caught(() => client.post("/domain/zone/x.com/refresh"));
    expect(err).toBeInstanceOf(OvhConfigError);
    expect(ovhErrorOutcome(err)).toBe("not-applied");
  });

  it("says a header value Node refuses (a line break in the consumer key) was not sent, never echoes it, and never retries it", async () => {
    server = await startFakeServer(withAuthTime(() => OK));
    let sleeps: number[];
    ({ client, sleeps } = appClient(server));
    // Credentials handed to OvhClient directly skip resolveCredentials' own refusal: the transport is the last guard.
    const credentials = resolveCredentials({ explicit: { ...TEST_KEYS, endpoint: server.baseUrl }, env: {}, confFiles: [] });
    if (credentials.auth.kind !== "application") throw new Error("expected application credentials");
    client.close();
    client = new OvhClient({
      credentials: { ...credentials, auth: { ...credentials.auth, consumerKey: `${credentials.auth.consumerKey}\nX-Injected: yes` } },
      sleep: async (ms) => void sleeps.push(ms),
    });
    for (const call of [() => client.get("/domain/zone"), () => client.post("/domain/zone/x.com/refresh")]) {
      const err = await caught(call);
      expect(err).toBeInstanceOf(OvhConfigError);
      expect((err as Error).message).toMatch(/^(GET \/domain\/zone|POST \/domain\/zone\/x\.com\/refresh) was not sent: the X-Ovh-Consumer header holds a character HTTP does not allow \(a line break or another control character\); its value comes from the credentials or the configuration: fix it there$/);
      expect((err as Error).message).not.toContain("X-Injected");
      expect(ovhErrorOutcome(err)).toBe("not-applied");
    }
    expect([server.count("/1.0/domain/zone"), server.count("/1.0/domain/zone/x.com/refresh"), sleeps]).toEqual([0, 0, []]);
    expect(client.stats).toMatchObject({ retries: 0 });
  });

  it("refuses a bad header at the transport itself, before any byte is written", async () => {
    server = await startFakeServer(() => OK);
    const base = server.baseUrl;
    const transport = createHttpTransport();
    const err = await caught(() =>
      transport.send({ method: "GET", url: `${base}/auth/time`, headers: { "X-Ovh-Application": "ak\r\nHost: evil" }, timeoutMs: 1000, path: "/auth/time" }));
    expect(err).toBeInstanceOf(OvhConfigError);
    expect((err as Error).message).toBe("GET /auth/time was not sent: the X-Ovh-Application header holds a character HTTP does not allow (a line break or another control character); its value comes from the credentials or the configuration: fix it there");
    // Anything else Node refuses while building the request was not sent either.
    const badMethod = await caught(() => transport.send({ method: "GET /x", url: `${base}/auth/time`, headers: {}, timeoutMs: 1000, path: "/auth/time" }));
    expect(badMethod).toBeInstanceOf(OvhConfigError);
    expect((badMethod as Error).message).toMatch(/^GET \/x \/auth\/time was not sent: Method must be a valid HTTP token/);
    expect(server.count("/1.0/auth/time")).toBe(0);
    transport.close();
  });

  it("refuses plain http to a host that is not loopback before sending anything", async () => {
    const transport = createHttpTransport();
    await expect(
      transport.send({ method: "GET", url: "http://example.com/1.0/auth/time", headers: {}, timeoutMs: 100, path: "/auth/time" }),
    ).rejects.toThrow(/^Refusing to send OVH API requests to http:\/\/example\.com/);
    transport.close();
  });
});
