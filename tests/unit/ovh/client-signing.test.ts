import { createHash } from "node:crypto";
import { OvhClient, type OvhLogEvent } from "../../../provider/ovh/client";
import { type FakeServer, TEST_KEYS, startFakeServer } from "./support/fake-ovh-server";
import { SERVER_TIME, appClient, caught, withAuthTime } from "./support/clients";
import { OvhAuthSetupError } from "../../../provider/ovh/errors";
import { ovhErrorOutcome } from "../../../provider/ovh/outcome";

/** The signature computed independently of the module under test. */
function expectedSignature(method: string, url: string, body: string, ts: string): string {
  const pre = [TEST_KEYS.applicationSecret, TEST_KEYS.consumerKey, method, url, body, ts].join("+");
  return "$1$" + createHash("sha1").update(pre).digest("hex");
}

describe("OvhClient signed requests", () => {
  let server: FakeServer;
  let client: OvhClient;
  afterEach(async () => {
    client?.close();
    await server?.close();
  });

  it("signs a POST over the exact bytes it sends, with the server's timestamp", async () => {
    server = await startFakeServer(withAuthTime(() => ({ status: 200, body: { id: 5390038375 } })));
    ({ client } = appClient(server, { now: () => SERVER_TIME * 1000 - 3_600_000 })); // local clock an hour behind
    const result = await client.post("/domain/zone/example.com/record", { fieldType: "TXT", subDomain: "é", target: "x", ttl: 0 });
    expect(result).toEqual({ id: 5390038375 });
    const post = server.requests[1];
    expect(post.body).toBe('{"fieldType":"TXT","subDomain":"é","target":"x","ttl":0}');
    expect(post.headers["x-ovh-timestamp"]).toBe(String(SERVER_TIME));
    expect(post.headers["x-ovh-application"]).toBe("TDPKJdwZwAQPwKX2");
    expect(post.headers["x-ovh-consumer"]).toBe("5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY");
    expect(post.headers["content-type"]).toBe("application/json");
    expect(post.headers["content-length"]).toBe(String(Buffer.byteLength(post.body)));
    expect(post.headers["x-ovh-signature"]).toBe(
      expectedSignature("POST", `${server.baseUrl}/domain/zone/example.com/record`, post.body, String(SERVER_TIME)),
    );
  });

  it("signs the query string exactly as sent, keys in the given order", async () => {
    server = await startFakeServer(withAuthTime(() => ({ status: 200, body: [1, 2] })));
    ({ client } = appClient(server, { now: () => SERVER_TIME * 1000 }));
    await client.get("/domain/zone/x.com/record", { query: { subDomain: "_acme challenge", fieldType: "TXT" } });
    const get = server.requests[1];
    expect(get.url).toBe("/1.0/domain/zone/x.com/record?subDomain=_acme%20challenge&fieldType=TXT");
    expect(get.headers["content-type"]).toBeUndefined();
    expect(get.headers["x-ovh-signature"]).toBe(
      expectedSignature("GET", `${server.baseUrl}/domain/zone/x.com/record?subDomain=_acme%20challenge&fieldType=TXT`, "", String(SERVER_TIME)),
    );
  });

  it("sends X-Ovh-Application but no signature on unsigned calls", async () => {
    server = await startFakeServer(() => ({ status: 200, body: { consumerKey: "k", validationUrl: "u", state: "pendingValidation" } }));
    ({ client } = appClient(server));
    await client.post("/auth/credential", { accessRules: [{ method: "GET", path: "/*" }] }, { signed: false });
    expect(server.requests.map((r) => [r.url, r.headers["x-ovh-application"], r.headers["x-ovh-signature"]])).toEqual([
      ["/1.0/auth/credential", "TDPKJdwZwAQPwKX2", undefined],
    ]);
  });

  it("returns undefined for a 204 and for an empty 200", async () => {
    server = await startFakeServer(withAuthTime((req) => (req.method === "POST" ? { status: 204 } : { status: 200 })));
    ({ client } = appClient(server));
    await expect(client.post("/domain/zone/x.com/refresh")).resolves.toBeUndefined();
    await expect(client.delete("/domain/zone/x.com/record/1")).resolves.toBeUndefined();
    expect(server.requests[1].headers["content-type"]).toBeUndefined();
    expect(server.requests[1].body).toBe("");
  });

  it("drops /1.0 for /v2 paths", async () => {
    server = await startFakeServer(withAuthTime(() => ({ status: 200, body: [] })));
    ({ client } = appClient(server));
    await client.get("/v2/iam/policy");
    expect(server.requests[1].url).toBe("/v2/iam/policy");
  });
});

describe("OvhClient.fromSources and logging", () => {
  let server: FakeServer;
  let client: OvhClient;
  afterEach(async () => {
    client?.close();
    await server?.close();
  });

  it("builds a client from resolveCredentials sources and logs each response with its query id", async () => {
    server = await startFakeServer(withAuthTime(() => ({ status: 200, body: ["example.com"], headers: { "X-Ovh-QueryID": "EU.ext-3.1" } })));
    const events: OvhLogEvent[] = [];
    let now = 0;
    client = OvhClient.fromSources(
      { env: { OVH_ENDPOINT: server.baseUrl, OVH_APPLICATION_KEY: TEST_KEYS.applicationKey, OVH_APPLICATION_SECRET: "s3cret-AS", OVH_CONSUMER_KEY: "s3cret-CK" }, confFiles: [] },
      { logger: (e) => events.push(e), now: () => (now += 7) },
    );
    expect(client.endpoint).toBe(server.baseUrl);
    await expect(client.get("/domain/zone")).resolves.toEqual(["example.com"]);
    expect(events).toEqual([
      { type: "response", method: "GET", path: "/auth/time", attempt: 1, status: 200, durationMs: 7, queryId: undefined },
      { type: "response", method: "GET", path: "/domain/zone", attempt: 1, status: 200, durationMs: 7, queryId: "EU.ext-3.1" },
    ]);
  });
});

describe("OvhClient clock", () => {
  let server: FakeServer;
  let client: OvhClient;
  afterEach(async () => {
    client?.close();
    await server?.close();
  });

  it("signs with the server's time when it is an hour ahead, after one /auth/time for many requests", async () => {
    let localMs = 1_700_000_000_000;
    server = await startFakeServer(withAuthTime(() => ({ status: 200, body: [] }), 1_700_003_600));
    ({ client } = appClient(server, { now: () => localMs }));
    await Promise.all([client.get("/a"), client.get("/b"), client.get("/c")]);
    localMs += 5_000;
    await client.get("/d");
    expect(server.count("/1.0/auth/time")).toBe(1);
    expect(server.requests.filter((r) => r.url !== "/1.0/auth/time").map((r) => [r.url, r.headers["x-ovh-timestamp"]])).toEqual(
      expect.arrayContaining([
        ["/1.0/a", "1700003600"],
        ["/1.0/b", "1700003600"],
        ["/1.0/c", "1700003600"],
        ["/1.0/d", "1700003605"],
      ]),
    );
    expect(client.stats.timeSyncs).toBe(1);
  });

  it("retries a failing /auth/time inside, without multiplying it by the call's own retries", async () => {
    server = await startFakeServer(() => ({ status: 503, body: "busy" }));
    ({ client } = appClient(server));
    const err = await caught(() => client.get("/domain/zone"));
    expect(err).toBeInstanceOf(OvhAuthSetupError);
    expect([server.count("/1.0/auth/time"), server.count("/1.0/domain/zone")]).toEqual([4, 0]);
  });

  it("does not cache a failed /auth/time", async () => {
    let timeCalls = 0;
    server = await startFakeServer((req) => {
      if (req.url === "/1.0/auth/time") return ++timeCalls === 1 ? { status: 400, body: { message: "nope" } } : { status: 200, body: 1_700_000_000 };
      return { status: 200, body: '"ok"' };
    });
    ({ client } = appClient(server));
    const err = await caught(() => client.get("/a"));
    expect(err).toBeInstanceOf(OvhAuthSetupError);
    expect((err as Error).message).toBe("GET /a was not sent: could not read the API clock (GET /auth/time): OVH API error 400 on GET /auth/time: nope");
    expect(ovhErrorOutcome(err)).toBe("not-applied");
    await expect(client.get("/a")).resolves.toBe("ok");
    expect(server.count("/1.0/auth/time")).toBe(2);
  });
});
