/**
 * No secret leaves the client through an error, a log event or an inspection, whatever went wrong,
 * and the emulator's request log holds no secret either (it names consumer keys and client ids by
 * design: they identify the caller; secrets, signatures and tokens must never be there).
 */
import { inspect } from "node:util";
import { type Emulator, startEmulator } from "../../emulator";
import type { OvhLogEvent } from "../../provider/ovh";
import { type TestClient, appClient, caught, oauthClient, recordingTransport, renderings } from "./support";

const ZONE = "example.com";
const RECORDS = `/domain/zone/${ZONE}/record`;
const APP = { applicationKey: "secretsAppKey001", applicationSecret: "APPSECRET-aaaaaaaaaaaaaaaaaaaaaaaa", consumerKey: "CONSUMERKEY-bbbbbbbbbbbbbbbbbbbbb" };
const OAUTH = { clientId: "EU.secretsclient", clientSecret: "CLIENTSECRET-cccccccccccccccccccc" };
/** Other secrets the failing calls use. */
const OTHER = {
  wrongSecret: "WRONGSECRET-dddddddddddddddddddddd",
  iamSecret: "IAMSECRET-hhhhhhhhhhhhhhhhhhhhhhhh",
  wrongClientSecret: "WRONGCLIENTSECRET-iiiiiiiiiiiiii",
  nobodySecret: "NOBODYSECRET-jjjjjjjjjjjjjjjj",
};
/** Other consumer keys: secret on the client side, a caller's identity in the emulator's log. */
const CK = { unknown: "UNKNOWNCK-eeeeeeeeeeeeeeeeeeeeeeee", pending: "PENDINGCK-ffffffffffffffffffffffff", readOnly: "READONLYCK-gggggggggggggggggggggg" };

describe("secrets never leak between client and emulator", () => {
  let emu: Emulator;
  let jumpMs = 0;
  // While set, the API's clock jumps 10 minutes at every reading: even a re-synced client is out of time.
  let jumping = false;
  beforeAll(async () => {
    emu = await startEmulator({
      errorFormat: "both",
      now: () => Date.now() + (jumping ? (jumpMs += 600_000) : jumpMs),
      zones: { [ZONE]: [{ subDomain: "www", fieldType: "A", target: "192.0.2.1" }] },
      defaultCredentials: { ...APP, ...OAUTH },
      consumerKeys: [
        { consumerKey: CK.pending, applicationKey: APP.applicationKey, state: "pendingValidation" },
        { consumerKey: CK.readOnly, applicationKey: APP.applicationKey, rules: [{ method: "GET", path: "/*" }] },
      ],
      oauth2Clients: [{ clientId: "EU.iamclient", clientSecret: OTHER.iamSecret, allowedActions: ["dnsZone:apiovh:get"] }],
    });
  });
  afterAll(() => emu.close());

  it("in errors, logger events, clients, stats and the emulator's log, after every kind of failure and a success", async () => {
    const recording = recordingTransport();
    const events: OvhLogEvent[] = [];
    const clients: TestClient[] = [];
    const options = { transport: recording.transport, logger: (e: OvhLogEvent) => events.push(e) };
    const app = (overrides = {}) => (clients.push(appClient(emu, overrides, options)), clients[clients.length - 1].client);
    const oauth = (id: string, secret: string) => (clients.push(oauthClient(emu, id, secret, options)), clients[clients.length - 1].client);
    const newRecord = { fieldType: "A", subDomain: "api", target: "192.0.2.2" };

    const good = app();
    const failures = [
      () => app({ applicationKey: "unknownAppKey999" }).get("/domain"),
      () => app({ applicationSecret: OTHER.wrongSecret }).get("/domain"),
      () => app({ consumerKey: CK.unknown }).get("/domain"),
      () => app({ consumerKey: CK.pending }).get("/domain"),
      () => app({ consumerKey: CK.readOnly }).post(RECORDS, newRecord),
      () => oauth("EU.iamclient", OTHER.iamSecret).post(RECORDS, newRecord),
      () => oauth("EU.nobody", OTHER.nobodySecret).get("/domain"),
      () => oauth(OAUTH.clientId, OTHER.wrongClientSecret).get("/domain"),
      () => good.get(`/domain/zone/unknown.example`),
      () => (emu.setFaults({ serverErrorRate: 1, serverErrorStatus: 503, methods: ["POST"] }), good.post(RECORDS, newRecord)),
      () => (emu.setFaults({ serverErrorRate: 1, methods: ["GET"], pathPattern: "^/domain$" }), good.get("/domain")),
      () => (emu.setFaults({ resetRate: 1, methods: ["DELETE"] }), good.delete(`${RECORDS}/1`)),
      () => (emu.setFaults({ lostResponseRate: 1, methods: ["POST"] }), good.post(RECORDS, newRecord)),
      () => (emu.setFaults({}), (jumping = true), good.get("/domain")),
    ];
    const errors: unknown[] = [];
    for (const fail of failures) errors.push(await caught(fail));
    jumping = false;
    jumpMs = 0;
    emu.setFaults({ tooManyRequestsRate: 1, retryAfterSeconds: 1, methods: ["GET"], pathPattern: "^/domain/zone$" });
    const healing = (e: OvhLogEvent) => e.type === "retry" && emu.setFaults({});
    const retried = appClient(emu, {}, { ...options, logger: (e) => (events.push(e), healing(e)) });
    clients.push(retried);
    const successes = [await retried.client.get("/domain/zone"), await oauth(OAUTH.clientId, OAUTH.clientSecret).get("/domain/zone")];
    recording.close();

    expect(successes).toEqual([[ZONE], [ZONE]]);
    expect(errors.map((e) => (e as Error).name)).toEqual([
      ...Array(6).fill("OvhApiError"),
      "OvhAuthSetupError",
      "OvhAuthSetupError",
      "OvhApiError",
      "OvhApiError",
      "OvhApiError",
      "OvhNetworkError",
      "OvhNetworkError",
      "OvhApiError",
    ]);

    const sent = recording.exchanges.map((x) => x.request);
    const signatures = sent.map((r) => r.headers["X-Ovh-Signature"]).filter((s): s is string => s !== undefined);
    const bearers = sent.map((r) => r.headers.Authorization).filter((s): s is string => s !== undefined);
    const tokens = recording.exchanges
      .filter((x) => x.request.url.endsWith("/auth/oauth2/token") && x.response?.status === 200)
      .map((x) => (JSON.parse(x.response?.body ?? "{}") as { access_token: string }).access_token);
    expect([signatures.length > 10, tokens.length, bearers.length > 3]).toEqual([true, 2, true]);
    const clientSecrets = [APP.applicationSecret, OAUTH.clientSecret, ...Object.values(OTHER)];
    const consumerKeys = [APP.consumerKey, ...Object.values(CK)];
    const wireSecrets = [...signatures, ...tokens, ...bearers.map((b) => b.replace(/^(Bearer|Basic) /, ""))];

    const clientTexts = [
      ...errors.flatMap((e) => [...renderings(e), inspect(e, { showHidden: true, depth: 10 })]),
      ...events.map((e) => JSON.stringify(e)),
      ...clients.flatMap((c) => [inspect(c.client, { showHidden: true, depth: 10 }), JSON.stringify(c.client), JSON.stringify(c.client.stats)]),
    ];
    // The texts scanned are the real ones: API messages and query ids did reach them.
    expect(clientTexts.join("\n")).toContain("This call has not been granted");
    expect(clientTexts.join("\n")).toMatch(/query id EU\.ext-3\./);
    const leaksFromClient = [...clientSecrets, ...consumerKeys, ...wireSecrets].filter((secret) => clientTexts.some((t) => t.includes(secret)));
    expect(leaksFromClient).toEqual([]);

    const emulatorLog = emu.log.map((e) => JSON.stringify(e));
    const leaksFromEmulator = [...clientSecrets, ...wireSecrets].filter((secret) => emulatorLog.some((t) => t.includes(secret)));
    expect(leaksFromEmulator).toEqual([]);
    // What the emulator's log does record about the caller: keys and ids, by design.
    expect(new Set(emu.log.map((e) => e.consumerKey).filter(Boolean))).toEqual(new Set(consumerKeys));
    expect(emu.count({ outcome: "fault:429" })).toBe(1);

    for (const c of clients) c.client.close();
  });
});
