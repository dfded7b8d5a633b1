import { inspect } from "node:util";
import { OvhClient, type OvhLogEvent } from "../../../provider/ovh/client";
import { resolveCredentials } from "../../../provider/ovh/credentials";
import { type FakeServer, TEST_KEYS, startFakeServer } from "./support/fake-ovh-server";
import { caught, withAuthTime } from "./support/clients";

/** Every way an error or object can end up in a log. */
function renderings(value: unknown): string[] {
  const out = [String(value), inspect(value, { depth: 10 }), JSON.stringify(value) ?? ""];
  if (value instanceof Error) out.push(value.message, value.stack ?? "", inspect(value.cause, { depth: 10 }));
  return out;
}

/** A server that echoes every request header in its error bodies, as a careless proxy might. */
function echoingServer(): Promise<FakeServer> {
  return startFakeServer(
    withAuthTime((req) => {
      if (req.url === "/auth/oauth2/token") return { status: 200, body: { access_token: "BEARER-TOKEN-9876", expires_in: 3600 } };
      const echo = JSON.stringify(req.headers);
      if (req.url.includes("html")) return { status: 503, body: `<html><body>${echo}</body></html>` };
      if (req.url.includes("ok")) return { status: 200, body: "not json " + echo };
      return { status: 403, body: { class: "Client::Forbidden", message: `This call has not been granted ${echo}`, details: { echo } } };
    }),
  );
}

describe("secrets never leak", () => {
  let server: FakeServer;
  let client: OvhClient;
  afterEach(async () => {
    client?.close();
    await server?.close();
  });

  it("from errors, stats, the client or logger events with application keys", async () => {
    server = await echoingServer();
    const events: OvhLogEvent[] = [];
    const credentials = resolveCredentials({ explicit: { ...TEST_KEYS, endpoint: server.baseUrl }, env: {}, confFiles: [] });
    client = new OvhClient({ credentials, logger: (e) => events.push(e), sleep: async () => undefined, retry: { maxAttempts: 2 } });
    const errors = [
      await caught(() => client.post("/domain/zone/x.com/record", { target: "1.2.3.4" })),
      await caught(() => client.get("/html")),
      await caught(() => client.get("/ok")),
    ];
    const signatures = server.requests.map((r) => r.headers["x-ovh-signature"]).filter((s): s is string => !!s);
    expect(signatures.length).toBe(4);
    const secrets = [TEST_KEYS.applicationSecret, TEST_KEYS.consumerKey, ...signatures];
    const texts = [...errors.flatMap(renderings), ...renderings(client), ...renderings(credentials), JSON.stringify(events), JSON.stringify(client.stats)];
    for (const secret of secrets) for (const text of texts) expect(text).not.toContain(secret);
    expect(events.map((e) => `${e.type} ${e.method} ${e.path} ${e.status ?? ""}`)).toEqual([
      "response GET /auth/time 200",
      "response POST /domain/zone/x.com/record 403",
      "response GET /html 503",
      "retry GET /html 503",
      "response GET /html 503",
      "response GET /ok 200",
    ]);
    // The echo did reach the error, scrubbed.
    expect((errors[0] as Error).message).toContain('"x-ovh-consumer":"[redacted]"');
  });

  it("from errors, the client or logger events with OAuth2", async () => {
    server = await echoingServer();
    const events: OvhLogEvent[] = [];
    const credentials = resolveCredentials({
      explicit: { endpoint: server.baseUrl, clientId: "cid-1", clientSecret: "CLIENT-SECRET-5555" },
      env: {},
      confFiles: [],
    });
    client = new OvhClient({ credentials, logger: (e) => events.push(e) });
    const err = await caught(() => client.get("/domain/zone/x.com"));
    const basic = Buffer.from("cid-1:CLIENT-SECRET-5555").toString("base64");
    const texts = [...renderings(err), ...renderings(client), ...renderings(credentials), JSON.stringify(events)];
    for (const secret of ["CLIENT-SECRET-5555", "BEARER-TOKEN-9876", basic]) for (const text of texts) expect(text).not.toContain(secret);
  });
});
