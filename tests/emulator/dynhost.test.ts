/**
 * The emulator's DynHost routes over real sockets: the schema's bodies checked field by field, every refusal a 400
 * (or a 409 for a name taken) with nothing stored, a DynHost record served as an A record only after a refresh, a
 * login named `<zone>-<suffix>` whose password is never answered nor written to the state file, and faults.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { ovhCall } from "./helpers/ovh-call";

const records = "/domain/zone/example.com/dynHost/record";
const logins = "/domain/zone/example.com/dynHost/login";
const home = { subDomain: "home", ip: "203.0.113.7" };
const router = { loginSuffix: "router", subDomain: "home", password: "first-password-4f1c" };
const digest = (password: string) => createHash("sha256").update(password).digest("hex");
const message = (answer: { json?: unknown }) => (answer.json as { message: string }).message;

describe("the emulator's DynHost routes", () => {
  let emu: Emulator;
  beforeEach(async () => (emu = await startEmulator({ zones: { "example.com": [{ subDomain: "www", fieldType: "A", target: "192.0.2.1" }] } })));
  afterEach(() => emu.close());

  it("creates a DynHost record answered as domain.zone.dynHost.Record, served as an A record after a refresh", async () => {
    const made = await ovhCall(emu, "POST", records, { body: home });
    expect(made.status).toBe(200);
    const id = (made.json as { id: number }).id;
    expect(made.json).toEqual({ id, ip: "203.0.113.7", subDomain: "home", ttl: 60, zone: "example.com" });
    expect((await ovhCall(emu, "GET", `${records}?subDomain=HOME`)).json).toEqual([id]);
    expect((await ovhCall(emu, "GET", `${records}?subDomain=nas`)).json).toEqual([]);
    expect((await ovhCall(emu, "GET", `${records}/${id}`)).json).toEqual(made.json);
    expect(emu.zone("example.com").pendingChanges).toBe(true);
    expect(emu.zone("example.com").exportText()).not.toContain("203.0.113.7");
    expect((await ovhCall(emu, "POST", "/domain/zone/example.com/refresh")).status).toBe(204);
    expect(emu.zone("example.com").exportText()).toContain("home\t60 IN A\t203.0.113.7");
    // Not a record of the zone's record list: its own route holds it.
    expect(emu.zone("example.com").records.map((r) => r.subDomain)).toEqual(["www"]);
  });

  it.each([
    [{ subDomain: "home" }, "Missing parameter: ip"],
    [{ ...home, ip: "2001:db8::1" }, 'Invalid ip "2001:db8::1": DynHost supports IPv4 addresses only'],
    [{ ...home, ip: "home.example.com" }, 'Invalid ip "home.example.com": expected an IP address'],
    [{ ...home, subDomain: "*" }, 'Invalid subDomain "*": a DynHost record names one host'],
    [{ ...home, subDomain: "-bad_.." }, 'Invalid domain name "-bad_.."'],
    [{ ...home, ttl: 60 }, "Unknown parameter(s) in body: ttl"],
  ])("refuses the record body %j with 400 %s, storing nothing", async (body, text) => {
    const answer = await ovhCall(emu, "POST", records, { body });
    expect([answer.status, message(answer)]).toEqual([400, text]);
    expect(emu.zone("example.com").dynHostRecords).toEqual([]);
    expect(emu.zone("example.com").pendingChanges).toBe(false);
  });

  it("refuses with 409 a second DynHost record of one name, and one beside an A record", async () => {
    expect((await ovhCall(emu, "POST", records, { body: home })).status).toBe(200);
    const twice = await ovhCall(emu, "POST", records, { body: { ...home, subDomain: "HOME" } });
    expect(twice.status).toBe(409);
    expect(message(twice)).toMatch(/^A DynHost record already exists for subDomain HOME \(id \d+\)$/);
    const beside = await ovhCall(emu, "POST", records, { body: { ...home, subDomain: "www" } });
    expect(beside.status).toBe(409);
    expect(message(beside)).toMatch(/^subDomain www already holds a A record \(id \d+\): delete it before adding a DynHost record$/);
    expect(emu.zone("example.com").dynHostRecords).toHaveLength(1);
  });

  it("changes the address and the name in place; id, zone and ttl are read-only", async () => {
    const id = ((await ovhCall(emu, "POST", records, { body: home })).json as { id: number }).id;
    expect((await ovhCall(emu, "PUT", `${records}/${id}`, { body: { ip: "203.0.113.8", subDomain: "nas" } })).status).toBe(204);
    expect((await ovhCall(emu, "GET", `${records}/${id}`)).json).toMatchObject({ ip: "203.0.113.8", subDomain: "nas" });
    const readOnly = await ovhCall(emu, "PUT", `${records}/${id}`, { body: { ttl: 3600 } });
    expect([readOnly.status, message(readOnly)]).toEqual([400, "Try to alter read-only properties: ttl"]);
    expect((await ovhCall(emu, "PUT", `${records}/${id}`, { body: { ip: "::1" } })).status).toBe(400);
    expect((await ovhCall(emu, "DELETE", `${records}/${id}`)).status).toBe(204);
    expect((await ovhCall(emu, "GET", `${records}/${id}`)).status).toBe(404);
  });

  it("makes a login <zone>-<suffix>, never answers its password, changes it and its sub-domain", async () => {
    const made = await ovhCall(emu, "POST", logins, { body: router });
    expect([made.status, made.json]).toEqual([200, { login: "example.com-router", subDomain: "home", zone: "example.com" }]);
    expect((await ovhCall(emu, "GET", logins)).json).toEqual(["example.com-router"]);
    expect((await ovhCall(emu, "GET", `${logins}?subDomain=nas`)).json).toEqual([]);
    const path1 = `${logins}/example.com-router`;
    expect((await ovhCall(emu, "GET", path1)).text).not.toContain("password");
    expect((await ovhCall(emu, "PUT", path1, { body: { subDomain: "*" } })).status).toBe(204);
    expect((await ovhCall(emu, "POST", `${path1}/changePassword`, { body: { password: "second-password-9a7e" } })).status).toBe(204);
    expect(emu.zone("example.com").dynHostLogins).toEqual([{ login: "example.com-router", subDomain: "*", passwordDigest: digest("second-password-9a7e") }]);
    const renamed = await ovhCall(emu, "PUT", path1, { body: { login: "example.com-nas" } });
    expect([renamed.status, message(renamed)]).toEqual([400, "Try to alter read-only properties: login"]);
    expect((await ovhCall(emu, "DELETE", path1)).status).toBe(204);
    expect((await ovhCall(emu, "GET", path1)).status).toBe(404);
    // Logins are no DNS data: nothing waits for a refresh.
    expect(emu.zone("example.com").pendingChanges).toBe(false);
  });

  it.each([
    [{ subDomain: "home", password: "first-password" }, "Missing parameter: loginSuffix"],
    [{ ...router, loginSuffix: "my router" }, "Invalid loginSuffix: 1 to 31 letters, digits, '.', '_' or '-', starting with a letter or a digit"],
    [{ ...router, subDomain: "" }, "Invalid subDomain: give a sub-domain, or * to allow every name"],
    [{ ...router, password: "short" }, "Invalid password: 8 to 64 characters, without control characters"],
    [{ ...router, ip: "192.0.2.1" }, "Unknown parameter(s) in body: ip"],
  ])("refuses the login body %j with 400 %s, storing nothing", async (body, text) => {
    const answer = await ovhCall(emu, "POST", logins, { body });
    expect([answer.status, message(answer)]).toEqual([400, text]);
    expect(emu.zone("example.com").dynHostLogins).toEqual([]);
  });

  it("refuses a login that exists (409) and a short new password (400), changing nothing", async () => {
    await ovhCall(emu, "POST", logins, { body: router });
    const twice = await ovhCall(emu, "POST", logins, { body: { ...router, subDomain: "*" } });
    expect([twice.status, message(twice)]).toEqual([409, "The login example.com-router already exists"]);
    const short = await ovhCall(emu, "POST", `${logins}/example.com-router/changePassword`, { body: { password: "short" } });
    expect(short.status).toBe(400);
    expect(emu.zone("example.com").dynHostLogins).toEqual([{ login: "example.com-router", subDomain: "home", passwordDigest: digest(router.password) }]);
  });

  it("answers a fault before applying with nothing stored, and one after applying with the record kept", async () => {
    emu.setFaults({ serverErrorRate: 1, pathPattern: "/dynHost/" });
    expect((await ovhCall(emu, "POST", records, { body: home })).status).toBe(500);
    expect(emu.zone("example.com").dynHostRecords).toEqual([]);
    emu.setFaults({ serverErrorAfterApplyRate: 1, pathPattern: "/dynHost/" });
    expect((await ovhCall(emu, "POST", records, { body: home })).status).toBe(500);
    expect(emu.zone("example.com").dynHostRecords.map((r) => r.ip)).toEqual(["203.0.113.7"]);
  });

  it("persists records, logins and what was published, with a digest of each password and never the password", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "emu-dynhost-"));
    const stateFile = path.join(dir, "state.json");
    try {
      const first = await startEmulator({ zones: { "example.com": [] }, stateFile });
      await ovhCall(first, "POST", records, { body: home });
      await ovhCall(first, "POST", "/domain/zone/example.com/refresh");
      await ovhCall(first, "POST", logins, { body: router });
      await first.close();
      expect(readFileSync(stateFile, "utf8")).not.toContain(router.password);
      const second = await startEmulator({ stateFile });
      try {
        expect(second.zone("example.com").dynHostRecords.map((r) => `${r.subDomain} ${r.ip}`)).toEqual(["home 203.0.113.7"]);
        expect(second.zone("example.com").dynHostLogins).toEqual([{ login: "example.com-router", subDomain: "home", passwordDigest: digest(router.password) }]);
        expect(second.zone("example.com").exportText()).toContain("home\t60 IN A\t203.0.113.7");
        // A new record never reuses a persisted id.
        const next = (await ovhCall(second, "POST", records, { body: { subDomain: "nas", ip: "203.0.113.9" } })).json as { id: number };
        expect(next.id).toBeGreaterThan(second.zone("example.com").dynHostRecords[0].id);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
