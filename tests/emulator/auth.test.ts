import { startEmulator, type Emulator } from "../../emulator";
import { manualClock, ovhCall } from "./helpers/ovh-call";

const clock = manualClock();

describe("emulator authentication (signed requests)", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({
      now: clock.now,
      zones: { "example.com": [] },
      consumerKeys: [
        { consumerKey: "OTHERAPPck", applicationKey: "OTHERAPP" },
      ],
    });
  });
  afterAll(() => emu.close());

  const ts = () => clock.seconds();

  test("a correctly signed call succeeds", async () => {
    expect((await ovhCall(emu, "GET", "/domain/zone", { timestamp: ts() })).status).toBe(200);
  });

  test.each([
    ["no headers at all", 401, "Client::Unauthorized", "You must login first", { applicationKey: null, consumerKey: null }],
    ["an application key but no signature", 401, "Client::Unauthorized", "You must login first", { unsigned: true }],
    ["an unknown application key", 403, "Client::Forbidden", "This application key is invalid", { applicationKey: "x" }],
    ["an unknown consumer key", 403, "Client::Forbidden", "This credential does not exist", { consumerKey: "x" }],
    ["a wrong application secret", 400, "Client::BadRequest", "Invalid signature", { applicationSecret: "x" }],
    ["a signature over another URL", 400, "Client::BadRequest", "Invalid signature", { signUrl: "https://eu.api.ovh.com/1.0/domain" }],
    ["a non-numeric timestamp", 400, "Client::BadRequest", "Query out of time", { timestamp: "soon" }],
  ])("answers %s with %i %s", async (_name, status, errorClass, message, options) => {
    const res = await ovhCall(emu, "GET", "/domain/zone", { timestamp: ts(), ...options });
    expect([res.status, res.json]).toEqual([status, { class: errorClass, message }]);
  });

  test("a signature over a re-serialised body is refused: the raw bytes are hashed", async () => {
    const body = '{"fieldType":"TXT","target":"café"}';
    const escaped = '{"fieldType":"TXT","target":"caf\\u00e9"}';
    const bad = await ovhCall(emu, "POST", "/domain/zone/example.com/record", { body, signBody: escaped, timestamp: ts() });
    expect(bad.status).toBe(400);
    expect(emu.zone("example.com").records).toEqual([]);
    const good = await ovhCall(emu, "POST", "/domain/zone/example.com/record", { body: escaped, timestamp: ts() });
    expect(good.json).toMatchObject({ target: '"café"' });
  });

  test("a client clock 181 s off gets 400 QUERY_TIME_OUT, 180 s off is accepted", async () => {
    const now = Number(ts());
    expect((await ovhCall(emu, "GET", "/domain", { timestamp: String(now - 180) })).status).toBe(200);
    const late = await ovhCall(emu, "GET", "/domain", { timestamp: String(now + 181) });
    expect([late.status, late.json]).toEqual([400, { class: "Client::BadRequest", message: "Query out of time" }]);
  });

  test("a client clock an hour off works once it uses /auth/time", async () => {
    const localOneHourBehind = Math.floor(clock.now() / 1000) - 3600;
    expect((await ovhCall(emu, "GET", "/domain", { timestamp: String(localOneHourBehind) })).status).toBe(400);
    const serverTime = (await ovhCall(emu, "GET", "/auth/time", { unsigned: true })).json as number;
    expect((await ovhCall(emu, "GET", "/domain", { timestamp: String(serverTime) })).status).toBe(200);
  });

  test("an expired consumer key is refused with INVALID_CREDENTIAL", async () => {
    const local = await startEmulator({
      now: clock.now,
      defaultCredentials: { applicationKey: "AK1", applicationSecret: "AS1" },
      consumerKeys: [
        { consumerKey: "EXPIRING", applicationKey: "AK1", expiresAt: clock.now() + 1000 },
        { consumerKey: "REFUSED", applicationKey: "AK1", state: "refused" },
      ],
    });
    try {
      expect((await ovhCall(local, "GET", "/domain", { consumerKey: "EXPIRING", timestamp: ts() })).status).toBe(200);
      clock.advance(1000);
      for (const consumerKey of ["EXPIRING", "REFUSED"]) {
        const res = await ovhCall(local, "GET", "/domain", { consumerKey, timestamp: ts() });
        expect([res.status, res.json]).toEqual([403, { class: "Client::Forbidden", message: "This credential is not valid" }]);
      }
    } finally {
      await local.close();
    }
  });

  test("a consumer key of another application does not exist for this one", async () => {
    const res = await ovhCall(emu, "GET", "/domain", { consumerKey: "OTHERAPPck", timestamp: ts() });
    expect(res.json).toEqual({ class: "Client::Forbidden", message: "This credential does not exist" });
  });
});

describe("emulator error formats", () => {
  test.each([
    ["legacy", { errorCode: "INVALID_SIGNATURE", httpCode: "400 Bad Request", message: "Invalid signature" }],
    ["both", { class: "Client::BadRequest", errorCode: "INVALID_SIGNATURE", httpCode: "400 Bad Request", message: "Invalid signature" }],
    ["current", { class: "Client::BadRequest", message: "Invalid signature" }],
  ] as const)("errorFormat %s shapes an INVALID_SIGNATURE body", async (errorFormat, expected) => {
    const emu = await startEmulator({ errorFormat });
    try {
      expect((await ovhCall(emu, "GET", "/domain", { applicationSecret: "wrong" })).json).toEqual(expected);
    } finally {
      await emu.close();
    }
  });

  test.each([
    [{ applicationKey: "x" }, { errorCode: "INVALID_KEY", httpCode: "403 Forbidden", message: "This application key is invalid" }],
    [{ consumerKey: "x" }, { errorCode: "NOT_CREDENTIAL", httpCode: "403 Forbidden", message: "This credential does not exist" }],
    [{ timestamp: "1" }, { errorCode: "QUERY_TIME_OUT", httpCode: "400 Bad Request", message: "Query out of time" }],
  ])("legacy format carries the error code for %o", async (options, expected) => {
    const emu = await startEmulator({ errorFormat: "legacy" });
    try {
      expect((await ovhCall(emu, "GET", "/domain", options)).json).toEqual(expected);
    } finally {
      await emu.close();
    }
  });

  test("legacy format answers non-auth errors with a bare message, as old OVH did", async () => {
    const emu = await startEmulator({ errorFormat: "legacy" });
    try {
      expect((await ovhCall(emu, "GET", "/domain/zone/nope.org")).json).toEqual({ message: "This service does not exist" });
    } finally {
      await emu.close();
    }
  });
});
