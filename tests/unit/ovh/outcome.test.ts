import { OvhClient } from "../../../provider/ovh/client";
import { OvhApiError, OvhAuthSetupError, OvhConfigError, OvhNetworkError, OvhResponseError } from "../../../provider/ovh/errors";
import { MAX_RETRY_AFTER_MS, backoffDelayMs, classifyFailure, mayResend } from "../../../provider/ovh/outcome";
import { type FakeServer, startFakeServer } from "./support/fake-ovh-server";
import { appClient, withAuthTime } from "./support/clients";

const api = (status: number, more: Partial<ConstructorParameters<typeof OvhApiError>[0]> = {}) =>
  new OvhApiError({ status, apiMessage: "m", method: "POST", path: "/p", ...more });
const net = (mayHaveBeenApplied: boolean) => new OvhNetworkError({ method: "POST", path: "/p", kind: "reset", mayHaveBeenApplied, reason: "r" });
const brief = (err: unknown) => {
  const o = classifyFailure(err);
  return [o.applied, o.retryable, o.throttled, o.renewToken, o.clockSkew, o.retryAfterMs];
};

describe("classifyFailure", () => {
  it.each([
    ["a 200 whose body is not JSON", new OvhResponseError({ status: 200, method: "POST", path: "/p", excerpt: "x" }), ["applied", false, false, false, false, undefined]],
    ["a 429 with Retry-After 3600 s", api(429, { retryAfterMs: 3_600_000 }), ["not-applied", true, true, false, false, 30_000]],
    ["a 503", api(503, { retryAfterMs: 2000 }), ["unknown", true, false, false, false, 2000]],
    ["a 408", api(408), ["unknown", true, false, false, false, undefined]],
    ["a 401 (token expired)", api(401), ["not-applied", false, false, true, false, undefined]],
    ["a 400 Query out of time", api(400, { errorCode: "QUERY_TIME_OUT", apiMessage: "Query out of time" }), ["not-applied", false, false, false, true, undefined]],
    ["a 400", api(400), ["not-applied", false, false, false, false, undefined]],
    ["a reset after sending", net(true), ["unknown", true, false, false, false, undefined]],
    ["a refused connection", net(false), ["not-applied", true, false, false, false, undefined]],
    ["a token that could not be fetched for now", new OvhAuthSetupError({ method: "GET", path: "/p", step: "s", retryable: true, cause: 1 }), ["not-applied", true, false, false, false, undefined]],
    ["a configuration error", new OvhConfigError("bad"), ["not-applied", false, false, false, false, undefined]],
    ["anything else", new TypeError("boom"), ["unknown", false, false, false, false, undefined]],
  ])("reads %s", (_what, err, expected) => {
    expect(brief(err)).toEqual(expected);
  });

  it("lets a POST be sent again only when it was certainly not applied", () => {
    expect([api(429), net(false), api(503), net(true), api(400)].map((e) => mayResend(classifyFailure(e), "POST"))).toEqual([true, true, false, false, false]);
    expect([api(503), net(true), api(400)].map((e) => mayResend(classifyFailure(e), "PUT"))).toEqual([true, true, false]);
  });

  it("waits what the server asked (capped), else a full-jitter backoff", () => {
    const policy = { baseDelayMs: 500, maxDelayMs: 10_000 };
    expect(backoffDelayMs(3, policy, () => 0.5, classifyFailure(api(429, { retryAfterMs: 600_000 })))).toBe(MAX_RETRY_AFTER_MS);
    expect([1, 2, 3, 6].map((n) => backoffDelayMs(n, policy, () => 0.5))).toEqual([250, 500, 1000, 5000]);
  });
});

describe("OvhClient under a 429", () => {
  let server: FakeServer;
  let client: OvhClient;
  afterEach(async () => {
    client?.close();
    await server?.close();
  });

  it("pauses every request, not only the refused one, until the Retry-After is over", async () => {
    const start = 1_716_717_600_000;
    let now = start;
    const sent: string[] = [];
    server = await startFakeServer(withAuthTime((req) => {
      sent.push(`${req.url} at +${now - start} ms`);
      if (req.url === "/1.0/first" && sent.length === 1) return { status: 429, body: { message: "slow down" }, headers: { "Retry-After": "5" } };
      return { status: 200, body: { ok: req.url } };
    }));
    let second: Promise<unknown> | undefined;
    ({ client } = appClient(server, {
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
      // A second request starts the moment the first is refused: it must wait out the same pause.
      logger: (e) => {
        if (e.type === "response" && e.status === 429) second = client.get("/second");
      },
    }));
    await client.get("/first");
    await second;
    expect(sent.sort()).toEqual(["/1.0/first at +0 ms", "/1.0/first at +5000 ms", "/1.0/second at +5000 ms"]);
    expect(client.stats).toMatchObject({ throttled: 1, throttledRetried: 1 });
  });
});
