/**
 * Every authentication failure of docs/ovh-api.md §2, produced by the real emulator and read by the real
 * client: status, OVH class, legacy code when the emulator writes one, a hint a person can act
 * on, the response's query id, and the assurance that nothing was applied nor retried.
 */
import { type Emulator, type ErrorFormat, startEmulator } from "../../emulator";
import { OvhApiError, OvhAuthSetupError, ovhErrorOutcome } from "../../provider/ovh";
import { type TestClient, appClient, caught, oauthClient, recordingTransport } from "./support";

const ZONE = "example.com";

interface Case {
  name: string;
  client(emu: Emulator, transport: ReturnType<typeof recordingTransport>["transport"]): TestClient;
  method: string;
  path: string;
  status: number;
  errorClass: string;
  /** Legacy code, when the error had one. */
  errorCode?: string;
  message: string;
  hint: string;
  details?: Record<string, string>;
  /** Send the call unsigned (only X-Ovh-Application). */
  unsigned?: boolean;
}

const body = { fieldType: "A", subDomain: "www", target: "192.0.2.10" };
const post = { method: "POST", path: `/domain/zone/${ZONE}/record` };

const CASES: Case[] = [
  {
    name: "an unknown application key",
    client: (emu, transport) => appClient(emu, { applicationKey: "unknownAppKey123" }, { transport }),
    ...post,
    status: 403,
    errorClass: "Client::Forbidden",
    errorCode: "INVALID_KEY",
    message: "This application key is invalid",
    hint: "Check applicationKey, and that the endpoint (currently \"http://127.0.0.1:",
  },
  {
    name: "an unsigned call to a signed route",
    client: (emu, transport) => appClient(emu, {}, { transport }),
    ...post,
    unsigned: true,
    status: 401,
    errorClass: "Client::Unauthorized",
    message: "You must login first",
    hint: "The call needs authentication: configure applicationKey/applicationSecret/consumerKey or clientId/clientSecret.",
  },
  {
    name: "a wrong application secret",
    client: (emu, transport) => appClient(emu, { applicationSecret: "wrongSecretwrongSecretwrongSecre" }, { transport }),
    ...post,
    status: 400,
    errorClass: "Client::BadRequest",
    errorCode: "INVALID_SIGNATURE",
    message: "Invalid signature",
    hint: "The signature did not match: applicationSecret does not belong to applicationKey",
  },
  {
    name: "an unknown consumer key",
    client: (emu, transport) => appClient(emu, { consumerKey: "unknownConsumerKey00000000000000" }, { transport }),
    ...post,
    status: 403,
    errorClass: "Client::Forbidden",
    errorCode: "NOT_CREDENTIAL",
    message: "This credential does not exist",
    hint: "The consumer key is unknown for this application and endpoint. Get a new one with POST /auth/credential",
  },
  ...["a pending", "an expired", "a refused"].map(
    (state): Case => ({
      name: `${state} consumer key`,
      client: (emu, transport) => appClient(emu, { consumerKey: `${state.split(" ")[1]}ConsumerKey` }, { transport }),
      ...post,
      status: 403,
      errorClass: "Client::Forbidden",
      errorCode: "INVALID_CREDENTIAL",
      message: "This credential is not valid",
      hint: "The consumer key exists but is not validated, has expired or was revoked.",
    }),
  ),
  {
    name: "access rules that do not cover the call",
    client: (emu, transport) => appClient(emu, { consumerKey: "readOnlyConsumerKey" }, { transport }),
    ...post,
    status: 403,
    errorClass: "Client::Forbidden",
    errorCode: "NOT_GRANTED_CALL",
    message: "This call has not been granted",
    hint: `add the rule POST /domain/zone/${ZONE}/record (or POST /domain/zone/*/record for every zone) when requesting a consumer key`,
  },
  {
    name: "an OAuth2 service account without the IAM action",
    client: (emu, transport) => oauthClient(emu, READER.clientId, READER.clientSecret, { transport }),
    ...post,
    status: 403,
    errorClass: "Client::Forbidden",
    message: "User not granted for this request",
    hint: "Your OAuth2 service account lacks the IAM action(s) dnsZone:apiovh:record/create: add them to one of its IAM policies",
    details: { unauthorizedActionsByAuthentication: "", unauthorizedActionsByIAM: "dnsZone:apiovh:record/create" },
  },
];

const APP = { applicationKey: "integrationAppKey1", applicationSecret: "integrationAppSecret000000000000" };
const READER = { clientId: "reader", clientSecret: "readerSecret-123456", allowedActions: ["dnsZone:apiovh:record/get"] };

/** The working set, consumer keys of its application in every state, and a read-only OAuth2 client. */
function startAuthEmulator(errorFormat: ErrorFormat): Promise<Emulator> {
  const ak = APP.applicationKey;
  return startEmulator({
    errorFormat,
    zones: { [ZONE]: [] },
    defaultCredentials: APP,
    consumerKeys: [
      { consumerKey: "pendingConsumerKey", applicationKey: ak, state: "pendingValidation" },
      { consumerKey: "expiredConsumerKey", applicationKey: ak, expiresAt: Date.now() - 1000 },
      { consumerKey: "refusedConsumerKey", applicationKey: ak, state: "refused" },
      { consumerKey: "readOnlyConsumerKey", applicationKey: ak, rules: [{ method: "GET", path: "/domain/zone/*" }] },
    ],
    oauth2Clients: [READER],
  });
}

describe.each<ErrorFormat>(["current", "legacy", "both"])("auth failures through the client, %s error bodies", (format) => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startAuthEmulator(format);
  });
  afterAll(() => emu.close());

  it.each(CASES)("$name: $status $message, with a hint and the query id, sent once, nothing applied", async (c) => {
    const recording = recordingTransport();
    const { client } = c.client(emu, recording.transport);
    emu.clearLog();
    const err = (await caught(() => client.request(c.method, c.path, { body, signed: !c.unsigned }))) as OvhApiError;
    recording.close();
    expect(err).toBeInstanceOf(OvhApiError);
    expect({ status: err.status, errorClass: err.errorClass, errorCode: err.errorCode, apiMessage: err.apiMessage, details: err.details }).toEqual({
      status: c.status,
      errorClass: format === "legacy" ? undefined : c.errorClass,
      errorCode: format === "current" ? undefined : c.errorCode,
      apiMessage: c.message,
      details: c.details,
    });
    expect(err.hint).toContain(c.hint);
    expect(err.message).toContain(c.hint);
    const last = recording.exchanges.at(-1);
    expect(err.queryId).toBe(last?.response?.headers["x-ovh-queryid"]);
    expect(err.queryId).toMatch(/^EU\.ext-3\.[0-9a-f]+\.\d+\./);
    expect(ovhErrorOutcome(err)).toBe("not-applied");
    expect(emu.count({ method: "POST", path: c.path })).toBe(1);
    expect(emu.log.filter((e) => e.applied)).toEqual([]);
    expect(emu.zone(ZONE).records).toEqual([]);
  });
});

describe("OAuth2 token failures through the client", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startAuthEmulator("current");
  });
  afterAll(() => emu.close());

  it.each([
    ["an unknown client", "EU.nobody", "whateverSecret", "ovhcloud oauth2 client does not exists"],
    ["a wrong client secret", "reader", "wrongSecret-000000", "invalid client credentials"],
  ])("%s: the call is not sent, the token error says invalid_client with a hint", async (_name, clientId, clientSecret, description) => {
    const recording = recordingTransport();
    const { client } = oauthClient(emu, clientId, clientSecret, { transport: recording.transport });
    emu.clearLog();
    const err = (await caught(() => client.get(`/domain/zone/${ZONE}`))) as OvhAuthSetupError;
    recording.close();
    expect(err).toBeInstanceOf(OvhAuthSetupError);
    expect(err.message).toBe(
      `GET /domain/zone/${ZONE} was not sent: could not get an OAuth2 access token: ` +
        `OVH API error 401 invalid_client on POST /auth/oauth2/token: ${description}. ` +
        `Check clientId and clientSecret, and that the endpoint matches the region of the OAuth2 service account. ` +
        `(query id ${recording.exchanges[0].response?.headers["x-ovh-queryid"]})`,
    );
    const cause = err.cause as OvhApiError;
    expect([cause.status, cause.errorClass, cause.apiMessage]).toEqual([401, "invalid_client", description]);
    expect(ovhErrorOutcome(err)).toBe("not-applied");
    expect(emu.log.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(["POST /auth/oauth2/token 401"]);
  });
});
