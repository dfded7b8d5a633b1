import { startEmulator, type Emulator } from "../../emulator";
import { ovhCall } from "./helpers/ovh-call";

interface CredentialAnswer {
  validationUrl: string;
  consumerKey: string;
  state: string;
}

async function requestCredential(emu: Emulator, body: unknown, applicationKey = emu.credentials.applicationKey) {
  return ovhCall(emu, "POST", "/auth/credential", { body, applicationKey, unsigned: true });
}

describe("emulator consumer-key flow (docs/ovh-api.md §3)", () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await startEmulator({ zones: { "example.com": [] } });
  });
  afterEach(() => emu.close());

  const rules = [{ method: "GET", path: "/domain/zone/*" }];

  test("a new consumer key is pending, refused with INVALID_CREDENTIAL until validated on the emulator's page", async () => {
    const res = await requestCredential(emu, { accessRules: rules, redirection: null, allowedIPs: null });
    expect(res.status).toBe(200);
    const answer = res.json as CredentialAnswer;
    expect(Object.keys(answer)).toEqual(["validationUrl", "consumerKey", "state"]);
    expect(answer.state).toBe("pendingValidation");
    expect(answer.consumerKey).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(answer.validationUrl).toMatch(new RegExp(`^${emu.origin}/auth/\\?credentialToken=[A-Za-z0-9]{64}$`));

    const pending = await ovhCall(emu, "GET", "/domain/zone/example.com", { consumerKey: answer.consumerKey });
    expect([pending.status, pending.json]).toEqual([403, { class: "Client::Forbidden", message: "This credential is not valid" }]);

    const page = await fetch(answer.validationUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("GET /domain/zone/*");
    const token = new URL(answer.validationUrl).searchParams.get("credentialToken");
    const submit = await fetch(`${emu.origin}/auth/`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `credentialToken=${token}&action=validate`,
    });
    expect(submit.status).toBe(200);

    expect((await ovhCall(emu, "GET", "/domain/zone/example.com", { consumerKey: answer.consumerKey })).status).toBe(200);
    const current = await ovhCall(emu, "GET", "/auth/currentCredential", { consumerKey: answer.consumerKey });
    expect(current.json).toMatchObject({ status: "validated", rules, allowedIPs: null, expiration: null, ovhSupport: false });
    expect(Object.keys(current.json as object)).toEqual([
      "allowedIPs", "applicationId", "creation", "credentialId", "expiration", "lastUse", "ovhSupport", "rules", "status",
    ]);
  });

  test("a refused consumer key stays unusable and validation follows the redirection", async () => {
    const refused = (await requestCredential(emu, { accessRules: rules })).json as CredentialAnswer;
    const token = new URL(refused.validationUrl).searchParams.get("credentialToken");
    await fetch(`${emu.origin}/auth/`, { method: "POST", body: `credentialToken=${token}&action=refuse` });
    expect((await ovhCall(emu, "GET", "/domain/zone", { consumerKey: refused.consumerKey })).status).toBe(403);

    const redirected = (await requestCredential(emu, { accessRules: rules, redirection: "https://example.org/done" })).json as CredentialAnswer;
    const token2 = new URL(redirected.validationUrl).searchParams.get("credentialToken");
    const res = await fetch(`${emu.origin}/auth/`, { method: "POST", body: `credentialToken=${token2}`, redirect: "manual" });
    expect([res.status, res.headers.get("location")]).toEqual([303, "https://example.org/done"]);
  });

  test("an unknown validation token gets a 404 page", async () => {
    expect((await fetch(`${emu.origin}/auth/?credentialToken=nope`)).status).toBe(404);
  });

  test("autoValidateCredentials validates new keys at once", async () => {
    const auto = await startEmulator({ autoValidateCredentials: true });
    try {
      const answer = (await requestCredential(auto, { accessRules: [{ method: "GET", path: "/*" }] })).json as CredentialAnswer;
      expect(answer.state).toBe("validated");
      expect((await ovhCall(auto, "GET", "/domain", { consumerKey: answer.consumerKey })).status).toBe(200);
    } finally {
      await auto.close();
    }
  });

  test.each([
    ["no accessRules", {}],
    ["an empty accessRules", { accessRules: [] }],
    ["a rule with method PATCH", { accessRules: [{ method: "PATCH", path: "/*" }] }],
    ["a rule path without a slash", { accessRules: [{ method: "GET", path: "*" }] }],
    ["an unknown field", { accessRules: rules, scope: "all" }],
    ["a numeric redirection", { accessRules: rules, redirection: 3 }],
    ["malformed JSON", '{"accessRules": ['],
  ])("refuses a credential request with %s (400)", async (_name, body) => {
    const res = await requestCredential(emu, body);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ class: "Client::BadRequest" });
  });

  test.each([
    ["a CR/LF (header injection)", "https://example.org/\r\nSet-Cookie: a=b"],
    ["a LF", "https://example.org/\nx"],
    ["a NUL", "https://example.org/\u0000"],
    ["a C1 control character", "https://example.org/\u0085"],
    ["a character beyond Latin-1", "https://例え.jp/done"],
    ["an emoji", "https://example.org/☕"],
    ["3,000 characters", `https://example.org/${"a".repeat(3000)}`],
  ])("refuses a redirection with %s (400 naming it), and creates no key", async (_name, redirection) => {
    const res = await requestCredential(emu, { accessRules: rules, redirection });
    expect([res.status, (res.json as { class: string }).class]).toEqual([400, "Client::BadRequest"]);
    expect((res.json as { message: string }).message).toMatch(/^Body parameter redirection isn't formated correctly: /);
    expect(emu.log.at(-1)).toMatchObject({ path: "/auth/credential", status: 400, applied: false });
  });

  test("a Latin-1 redirection is followed by the validation page", async () => {
    const answer = (await requestCredential(emu, { accessRules: rules, redirection: "https://example.org/café?x=1" })).json as CredentialAnswer;
    const token = new URL(answer.validationUrl).searchParams.get("credentialToken");
    const res = await fetch(`${emu.origin}/auth/`, { method: "POST", body: `credentialToken=${token}`, redirect: "manual" });
    expect([res.status, res.headers.get("location")]).toEqual([303, "https://example.org/café?x=1"]);
    expect((await ovhCall(emu, "GET", "/domain/zone/example.com", { consumerKey: answer.consumerKey })).status).toBe(200);
  });

  test("refuses a credential request from an unknown application with INVALID_KEY", async () => {
    const res = await requestCredential(emu, { accessRules: rules }, "nope");
    expect([res.status, res.json]).toEqual([403, { class: "Client::Forbidden", message: "This application key is invalid" }]);
  });
});
