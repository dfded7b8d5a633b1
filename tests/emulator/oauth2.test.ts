import { startEmulator, type Emulator } from "../../emulator";
import { manualClock, oauth2Token, ovhCall } from "./helpers/ovh-call";

interface TokenAnswer {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

describe("emulator OAuth2 client credentials (docs/ovh-api.md §6)", () => {
  const clock = manualClock();
  let emu: Emulator;
  beforeEach(async () => {
    emu = await startEmulator({
      now: clock.now,
      zones: { "example.com": [] },
      oauth2Clients: [{ clientId: "reader", clientSecret: "s3cret", allowedActions: ["dnsZone:apiovh:record/get", "dnsZone:apiovh:status/*"] }],
    });
  });
  afterEach(() => emu.close());

  test("issues a bearer token that authorises API calls without X-Ovh headers", async () => {
    const res = await oauth2Token(emu);
    expect(res.status).toBe(200);
    const token = res.json as TokenAnswer;
    expect({ ...token, access_token: "<token>" }).toEqual({ access_token: "<token>", token_type: "Bearer", expires_in: 3600, scope: "all" });
    const call = await ovhCall(emu, "POST", "/domain/zone/example.com/record", {
      bearer: token.access_token,
      body: { fieldType: "A", subDomain: "www", target: "192.0.2.7" },
    });
    expect(call.status).toBe(200);
    expect(emu.log.at(-1)?.clientId).toBe(emu.credentials.clientId);
  });

  test.each([
    ["an unknown client", "nobody", "x", "ovhcloud oauth2 client does not exists"],
    ["a wrong secret", "reader", "wrong", "invalid client credentials"],
  ])("refuses %s with 401 invalid_client", async (_name, id, secret, description) => {
    const res = await oauth2Token(emu, id, secret);
    expect([res.status, res.json]).toEqual([401, { error: "invalid_client", error_description: description }]);
  });

  test("refuses another grant type with unsupported_grant_type", async () => {
    const res = await fetch(`${emu.origin}/auth/oauth2/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `grant_type=password&client_id=reader&client_secret=s3cret`,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "unsupported_grant_type" });
  });

  test("an unknown or expired token gets 401 Client::Unauthorized", async () => {
    const unknown = await ovhCall(emu, "GET", "/domain/zone", { bearer: "nope" });
    expect([unknown.status, (unknown.json as { class: string }).class]).toEqual([401, "Client::Unauthorized"]);
    const token = ((await oauth2Token(emu)).json as TokenAnswer).access_token;
    expect((await ovhCall(emu, "GET", "/domain/zone", { bearer: token })).status).toBe(200);
    clock.advance(3600 * 1000);
    expect((await ovhCall(emu, "GET", "/domain/zone", { bearer: token })).status).toBe(401);
  });

  test("an allow list denies other actions with 403 and details.unauthorizedActionsByIAM", async () => {
    const token = ((await oauth2Token(emu, "reader", "s3cret")).json as TokenAnswer).access_token;
    expect((await ovhCall(emu, "GET", "/domain/zone/example.com/record", { bearer: token })).status).toBe(200);
    expect((await ovhCall(emu, "GET", "/domain/zone/example.com/status", { bearer: token })).status).toBe(200);
    const denied = await ovhCall(emu, "POST", "/domain/zone/example.com/record", {
      bearer: token,
      body: { fieldType: "A", target: "192.0.2.1" },
    });
    expect([denied.status, denied.json]).toEqual([
      403,
      {
        class: "Client::Forbidden",
        message: "User not granted for this request",
        details: { unauthorizedActionsByAuthentication: "", unauthorizedActionsByIAM: "dnsZone:apiovh:record/create" },
      },
    ]);
    expect(emu.zone("example.com").records).toEqual([]);
  });

  test("the log never holds the token or the secret", async () => {
    const token = ((await oauth2Token(emu)).json as TokenAnswer).access_token;
    await ovhCall(emu, "GET", "/domain/zone", { bearer: token });
    await ovhCall(emu, "GET", "/domain/zone");
    const dump = JSON.stringify(emu.log);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(emu.credentials.clientSecret);
    expect(dump).not.toContain(emu.credentials.applicationSecret);
    expect(dump).not.toContain("$1$");
  });
});
