/**
 * Interop with the official Node wrapper, @ovhcloud/node-ovh 3.0.0, over real sockets.
 *
 * node-ovh only speaks `https` (lib/ovh.js calls `https.request`) and takes `host`, `port`
 * and `basePath`; it signs `'https://' + host + path` without the port. The emulator speaks
 * plain http on 127.0.0.1, so this file maps node's `https.request/get` to `http`'s for the
 * modules jest loads here (node-ovh included), and the emulator accepts the port-less https
 * URL node-ovh signs (docs/ovh-api.md §1).
 */
import { startEmulator, type Emulator } from "../../emulator";

jest.mock("https", () => {
  const http = jest.requireActual<typeof import("http")>("http");
  const https = jest.requireActual<typeof import("https")>("https");
  return { ...https, request: http.request, get: http.get };
});

interface NodeOvh {
  requestPromised(method: string, path: string, params?: Record<string, unknown>): Promise<unknown>;
}
const createOvh = require("@ovhcloud/node-ovh") as (params: Record<string, unknown>) => NodeOvh;

const ZONE = "/domain/zone/example.com";

describe("@ovhcloud/node-ovh against the emulator", () => {
  let emu: Emulator;
  let ovh: NodeOvh;
  beforeAll(async () => {
    emu = await startEmulator({
      zones: { "example.com": [{ subDomain: "www", fieldType: "A", target: "192.0.2.1", ttl: 3600 }] },
      autoValidateCredentials: true,
    });
    const c = emu.credentials;
    ovh = createOvh({ appKey: c.applicationKey, appSecret: c.applicationSecret, consumerKey: c.consumerKey, host: "127.0.0.1", port: emu.port });
  });
  afterAll(() => emu.close());

  test("GET /auth/time (fetched unsigned, as node-ovh does first)", async () => {
    expect(Number.isInteger(await ovh.requestPromised("GET", "/auth/time"))).toBe(true);
  });

  test("POST /auth/credential returns a consumer key that then works", async () => {
    const answer = (await ovh.requestPromised("POST", "/auth/credential", {
      accessRules: [{ method: "GET", path: "/domain/*" }],
    })) as { consumerKey: string; state: string };
    expect(answer.state).toBe("validated");
    const c = emu.credentials;
    const scoped = createOvh({ appKey: c.applicationKey, appSecret: c.applicationSecret, consumerKey: answer.consumerKey, host: "127.0.0.1", port: emu.port });
    expect(await scoped.requestPromised("GET", "/domain/zone/example.com/status")).toEqual({ errors: null, isDeployed: true, warnings: null });
    await expect(scoped.requestPromised("GET", "/domain")).rejects.toEqual({ error: 403, message: "This call has not been granted" });
  });

  test("GET /auth/currentCredential is refused: node-ovh never signs a path containing /auth", async () => {
    await expect(ovh.requestPromised("GET", "/auth/currentCredential")).rejects.toEqual({ error: 401, message: "You must login first" });
    expect(emu.log.at(-1)).toMatchObject({ path: "/auth/currentCredential", status: 401 });
  });

  test("GET /domain, /domain/zone and the zone", async () => {
    expect(await ovh.requestPromised("GET", "/domain")).toEqual(["example.com"]);
    expect(await ovh.requestPromised("GET", "/domain/zone")).toEqual(["example.com"]);
    expect(await ovh.requestPromised("GET", ZONE)).toMatchObject({ name: "example.com" });
  });

  test("the whole record cycle, refresh, status and export", async () => {
    emu.clearLog();
    const created = (await ovh.requestPromised("POST", `${ZONE}/record`, {
      fieldType: "TXT",
      subDomain: "_acme-challenge",
      target: "café token",
      ttl: 30,
    })) as { id: number };
    expect(created).toEqual({ fieldType: "TXT", id: created.id, subDomain: "_acme-challenge", target: '"café token"', ttl: 60, zone: "example.com" });
    expect(await ovh.requestPromised("GET", `${ZONE}/record`, { fieldType: "TXT", subDomain: "_ACME-challenge" })).toEqual([created.id]);
    expect(await ovh.requestPromised("GET", `${ZONE}/record/${created.id}`)).toEqual(created);
    expect(await ovh.requestPromised("PUT", `${ZONE}/record/${created.id}`, { target: "token two", ttl: 300 })).toBeNull();
    expect(await ovh.requestPromised("GET", `${ZONE}/status`)).toMatchObject({ isDeployed: false });
    expect(await ovh.requestPromised("POST", `${ZONE}/refresh`)).toBeNull();
    expect(await ovh.requestPromised("GET", `${ZONE}/export`)).toContain('_acme-challenge\t300 IN TXT\t"token two"');
    expect(await ovh.requestPromised("DELETE", `${ZONE}/record/${created.id}`)).toBeNull();
    await expect(ovh.requestPromised("GET", `${ZONE}/record/${created.id}`)).rejects.toEqual({
      error: 404,
      message: `The requested object (id = ${created.id}) does not exist`,
    });
    expect(emu.count({ outcome: "error" })).toBe(1);
    expect(emu.count({ outcome: "ok" })).toBe(8);
  });

  test("OAuth2 client credentials: token from the emulator's origin, then bearer calls", async () => {
    const c = emu.credentials;
    const oauth = createOvh({ clientID: c.clientId, clientSecret: c.clientSecret, tokenURL: `${emu.origin}/auth/`, host: "127.0.0.1", port: emu.port });
    expect(await oauth.requestPromised("GET", "/domain/zone")).toEqual(["example.com"]);
    const created = (await oauth.requestPromised("POST", `${ZONE}/record`, { fieldType: "A", subDomain: "api", target: "192.0.2.5" })) as { id: number };
    expect(await oauth.requestPromised("GET", `${ZONE}/record/${created.id}`)).toMatchObject({ subDomain: "api" });
    expect(emu.count({ path: "/auth/oauth2/token", status: 200 })).toBe(1);
    expect(emu.log.at(-1)?.clientId).toBe(c.clientId);
  });
});
