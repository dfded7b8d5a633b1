import { OvhClient } from "../../../provider/ovh/client";
import { resolveCredentials } from "../../../provider/ovh/credentials";
import { OvhApiError, OvhAuthSetupError } from "../../../provider/ovh/errors";
import { ovhErrorOutcome } from "../../../provider/ovh/outcome";
import { type FakeHandler, type FakeServer, startFakeServer } from "./support/fake-ovh-server";
import { caught } from "./support/clients";

const CLIENT_ID = "cid-0123456789";
const CLIENT_SECRET = "csecret-0123456789";

/** Issues tokens `token-1`, `token-2`... valid `expiresIn` seconds; the API accepts only the given ones. */
function oauthServer(expiresIn: number, api: FakeHandler): FakeHandler {
  let issued = 0;
  return (req, index) => {
    if (req.url === "/auth/oauth2/token") return { status: 200, body: { access_token: `token-${++issued}`, token_type: "Bearer", expires_in: expiresIn, scope: "all" } };
    return api(req, index);
  };
}

describe("OvhClient with OAuth2", () => {
  let server: FakeServer;
  let client: OvhClient;
  let nowMs: number;
  afterEach(async () => {
    client?.close();
    await server?.close();
  });

  function oauthClient(): OvhClient {
    nowMs = 1_700_000_000_000;
    const credentials = resolveCredentials({ explicit: { endpoint: server.baseUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }, env: {}, confFiles: [] });
    return new OvhClient({ credentials, now: () => nowMs, sleep: async () => undefined, random: () => 0.5 });
  }

  it("fetches a client-credentials token once for concurrent callers and sends it as a bearer", async () => {
    server = await startFakeServer(oauthServer(3600, () => ({ status: 200, body: [] })));
    client = oauthClient();
    await Promise.all([client.get("/domain/zone"), client.get("/domain"), client.get("/me")]);
    const token = server.requests.filter((r) => r.url === "/auth/oauth2/token");
    expect(token).toHaveLength(1);
    expect(token[0].method).toBe("POST");
    expect(token[0].body).toBe("grant_type=client_credentials&scope=all");
    expect(token[0].headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(token[0].headers.authorization).toBe(`Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`);
    const api = server.requests.filter((r) => r.url !== "/auth/oauth2/token");
    expect(api.map((r) => r.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-1", "Bearer token-1"]);
    expect(api.map((r) => r.headers["x-ovh-signature"] ?? r.headers["x-ovh-application"])).toEqual([undefined, undefined, undefined]);
    expect(server.count("/1.0/auth/time")).toBe(0);
  });

  it("renews the token 10 s before it expires", async () => {
    server = await startFakeServer(oauthServer(3600, () => ({ status: 200, body: [] })));
    client = oauthClient();
    await client.get("/a");
    nowMs += 3_589_000;
    await client.get("/b");
    nowMs += 2_000;
    await client.get("/c");
    expect(server.requests.filter((r) => r.url.startsWith("/1.0")).map((r) => r.headers.authorization)).toEqual([
      "Bearer token-1",
      "Bearer token-1",
      "Bearer token-2",
    ]);
    expect(client.stats.tokenFetches).toBe(2);
  });

  it("renews a short-lived token at 10 % of its lifetime before expiry", async () => {
    server = await startFakeServer(oauthServer(20, () => ({ status: 200, body: [] })));
    client = oauthClient();
    await client.get("/a");
    nowMs += 17_999;
    await client.get("/b");
    nowMs += 1;
    await client.get("/c");
    expect(server.requests.filter((r) => r.url.startsWith("/1.0")).map((r) => r.headers.authorization)).toEqual([
      "Bearer token-1",
      "Bearer token-1",
      "Bearer token-2",
    ]);
  });

  it("drops a token the API rejects with 401 and retries a GET once with a new one", async () => {
    server = await startFakeServer(
      oauthServer(3600, (req) =>
        req.headers.authorization === "Bearer token-1" ? { status: 401, body: { class: "Client::Unauthorized", message: "Invalid token" } } : { status: 200, body: ["x.com"] },
      ),
    );
    client = oauthClient();
    await expect(client.get("/domain/zone")).resolves.toEqual(["x.com"]);
    expect(server.count("/auth/oauth2/token")).toBe(2);
    expect(server.count("/1.0/domain/zone")).toBe(2);
  });

  it("resends a POST whose token was rejected (a 401 is certainly not applied) once, with a fresh token", async () => {
    server = await startFakeServer(
      oauthServer(3600, (req) => (req.headers.authorization === "Bearer token-1" ? { status: 401, body: { message: "Invalid token" } } : { status: 200, body: {} })),
    );
    client = oauthClient();
    await client.post("/domain/zone/x.com/refresh");
    expect(server.requests.filter((r) => r.url.startsWith("/1.0")).map((r) => r.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("gives up after one renewal when the new token is rejected too", async () => {
    server = await startFakeServer(oauthServer(3600, () => ({ status: 401, body: { message: "Invalid token" } })));
    client = oauthClient();
    await expect(client.get("/domain/zone")).rejects.toThrow("OVH API error 401 on GET /domain/zone: Invalid token");
    expect(server.count("/auth/oauth2/token")).toBe(2);
  });

  it("reports a token endpoint error with its OAuth2 error code", async () => {
    server = await startFakeServer(() => ({ status: 400, body: { error: "invalid_client", error_description: "ovhcloud oauth2 client does not exists" } }));
    client = oauthClient();
    const err = (await caught(() => client.get("/domain/zone"))) as OvhAuthSetupError;
    expect(err).toBeInstanceOf(OvhAuthSetupError);
    expect(err.message).toBe(
      "GET /domain/zone was not sent: could not get an OAuth2 access token: OVH API error 400 invalid_client on POST /auth/oauth2/token: ovhcloud oauth2 client does not exists. Check clientId and clientSecret, and that the endpoint matches the region of the OAuth2 service account.",
    );
    expect((err.cause as OvhApiError).errorClass).toBe("invalid_client");
    expect(ovhErrorOutcome(err)).toBe("not-applied");
    expect(server.count("/auth/oauth2/token")).toBe(1);
  });

  it("retries a GET or a POST whose token fetch failed transiently: the call was never sent", async () => {
    let tokenCalls = 0;
    server = await startFakeServer((req) => {
      if (req.url === "/auth/oauth2/token") {
        return ++tokenCalls % 2 === 1 ? { status: 503, body: "busy" } : { status: 200, body: { access_token: `t${tokenCalls}`, expires_in: 1 } };
      }
      return { status: 200, body: [] };
    });
    client = oauthClient();
    await expect(client.get("/domain/zone")).resolves.toEqual([]);
    nowMs += 5_000; // the 1 s token has expired
    await expect(client.post("/domain/zone/x.com/refresh")).resolves.toEqual([]);
    expect([tokenCalls, server.count("/1.0/domain/zone"), server.count("/1.0/domain/zone/x.com/refresh")]).toEqual([4, 1, 1]);
  });

  it("sends a raw access token as a bearer", async () => {
    server = await startFakeServer(() => ({ status: 200, body: [] }));
    const credentials = resolveCredentials({ explicit: { endpoint: server.baseUrl, accessToken: "raw-token-123" }, env: {}, confFiles: [] });
    client = new OvhClient({ credentials });
    await client.get("/domain/zone");
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer raw-token-123"]);
  });
});
