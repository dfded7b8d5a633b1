/**
 * The DynHostRecord and DynHostLogin providers in process against the emulator (real sockets): a record's zone
 * refresh shared with the records', adopt, an ambiguous POST settled without a duplicate, drift at read, OVH's
 * refusals named by field with nothing half-done, a password change that is one changePassword, and a failed one
 * that leaves the login as the state says.
 */
import { startEmulator, type Emulator } from "../../emulator";
import { DynHostLoginProvider, DynHostRecordProvider } from "../../provider/dynhost";
import { SessionPool, ZoneRecordProvider } from "../../provider/zone-record";
import { behindPulumi, stackConfigFor } from "../zone-record/support";

const home = { zoneName: "example.com", subDomain: "home", ip: "203.0.113.7" };
const router = { zoneName: "example.com", loginSuffix: "router", subDomain: "home", password: "first-password-4f1c" };
const BASE = "/domain/zone/example.com/dynHost";

interface Rig {
  emulator: Emulator;
  records: ZoneRecordProvider;
  dynRecords: DynHostRecordProvider;
  logins: DynHostLoginProvider;
}

async function startRig(): Promise<Rig> {
  const emulator = await startEmulator({ zones: { "example.com": [{ subDomain: "www", fieldType: "A", target: "192.0.2.1" }] }, refreshDurationMs: 5 });
  const pool = new SessionPool(undefined, { refresh: { settleMs: 2 }, refreshRetry: { baseDelayMs: 5, attempts: 2 }, sleep: async () => undefined });
  const rig = { emulator, records: new ZoneRecordProvider(pool), dynRecords: new DynHostRecordProvider(pool), logins: new DynHostLoginProvider(pool) };
  const stack = stackConfigFor(emulator);
  const req = { config: { get: (key: string) => stack[key], require: (key: string) => stack[key] } };
  await Promise.all([rig.records.configure(req), rig.dynRecords.configure(req), rig.logins.configure(req)]);
  return rig;
}

const refreshes = (rig: Rig) => rig.emulator.count({ method: "POST", path: "/domain/zone/example.com/refresh" });

describe("DynHostRecordProvider against the emulator", () => {
  let rig: Rig;
  beforeEach(async () => (rig = await startRig()));
  afterEach(() => rig.emulator.close());

  it("creates a record with one POST, published by a refresh shared with records changed at the same time", async () => {
    const record = { zoneName: "example.com", subDomain: "mail", fieldType: "MX", target: "10 mx.example.com.", ttl: 0 };
    const [made] = await Promise.all([rig.dynRecords.create(home), rig.records.create(record)]);
    expect(made.outs).toEqual({ ...home, dynHostId: made.id, fqdn: "home.example.com", ttl: 60, instanceId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(refreshes(rig)).toBe(1);
    expect(rig.emulator.zone("example.com").exportText()).toContain("home\t60 IN A\t203.0.113.7");
  });

  it("changes the address and the name with one PUT, reads drift, and drops a record deleted behind it", async () => {
    const { id, outs } = await rig.dynRecords.create(home);
    const { outs: moved } = await rig.dynRecords.update!(id, outs, { ...home, subDomain: "nas", ip: "203.0.113.8" });
    expect(moved).toMatchObject({ subDomain: "nas", ip: "203.0.113.8", dynHostId: id, fqdn: "nas.example.com" });
    expect(rig.emulator.count({ method: "POST", path: `${BASE}/record` })).toBe(1);
    await behindPulumi(rig).request("PUT", `${BASE}/record/${id}`, { body: { ip: "198.51.100.1" } });
    expect((await rig.dynRecords.read!(id, moved)).props).toEqual({ ...moved, ip: "198.51.100.1" });
    await behindPulumi(rig).request("DELETE", `${BASE}/record/${id}`);
    expect(await rig.dynRecords.read!(id, moved)).toEqual({ id: "", props: {} });
    await expect(rig.dynRecords.update!(id, moved, home)).rejects.toMatchObject({ name: "DynHostGoneError" });
  });

  it("reads <id>.<zoneName> as an import (inputs given back), and refuses an id that is no OVH id without a call", async () => {
    const { id } = await rig.dynRecords.create(home);
    const imported = await rig.dynRecords.read!(`${id}.example.com`, {});
    expect([imported.id, imported.inputs]).toEqual([id, { zoneName: "example.com", subDomain: "home", ip: "203.0.113.7" }]);
    const before = rig.emulator.log.length;
    await expect(rig.dynRecords.read!("5?x=1", { zoneName: "example.com" })).rejects.toThrow(
      'cannot read DynHostRecord "5?x=1": the id must be an OVH DynHost record id (a whole number), or <id>.<zoneName>');
    expect(rig.emulator.log.length).toBe(before);
  });

  it("adopts the record of that name, setting its address in place, never posting another", async () => {
    await behindPulumi(rig).request("POST", `${BASE}/record`, { body: { subDomain: "home", ip: "198.51.100.1" } });
    const { outs } = await rig.dynRecords.create({ ...home, adopt: true });
    expect(outs.ip).toBe("203.0.113.7");
    expect(rig.emulator.zone("example.com").dynHostRecords.map((r) => `${r.subDomain} ${r.ip}`)).toEqual(["home 203.0.113.7"]);
    expect(rig.emulator.count({ method: "POST", path: `${BASE}/record` })).toBe(1);
  });

  it("settles a POST whose answer was lost by finding the record it made, not by posting again", async () => {
    rig.emulator.setFaults({ lostResponseRate: 1, methods: ["POST"], pathPattern: "/dynHost/record$" });
    const made = await rig.dynRecords.create(home);
    rig.emulator.setFaults({});
    expect(rig.emulator.zone("example.com").dynHostRecords.map((r) => String(r.id))).toEqual([made.id]);
  });

  it("names the field OVH refused, with the fix, and leaves nothing behind", async () => {
    const refused = rig.dynRecords.create({ ...home, subDomain: "www" });
    await expect(refused).rejects.toMatchObject({ name: "DynHostRefusedError" });
    await expect(refused).rejects.toThrow(/^OVH refused subDomain of DynHost www -> 203\.0\.113\.7 in zone example\.com \(HTTP 409: .*already holds a A record.*\): .*delete the A record/);
    expect(rig.emulator.zone("example.com").dynHostRecords).toEqual([]);
  });
});

describe("DynHostLoginProvider against the emulator", () => {
  let rig: Rig;
  beforeEach(async () => (rig = await startRig()));
  afterEach(() => rig.emulator.close());
  const loginOf = (rig: Rig) => rig.emulator.zone("example.com").dynHostLogins.map((l) => `${l.login} ${l.subDomain}`);

  it("creates a login named <zone>-<suffix> with one POST and no zone refresh", async () => {
    const { id, outs } = await rig.logins.create(router);
    expect([id, outs]).toEqual(["example.com-router", { ...router, login: "example.com-router" }]);
    expect(refreshes(rig)).toBe(0);
  });

  it("sends a new password by changePassword alone, a new sub-domain by PUT alone", async () => {
    const { id, outs } = await rig.logins.create(router);
    await rig.logins.update!(id, outs, { ...router, password: "second-password-9a7e" });
    expect(rig.emulator.log.filter((e) => e.method !== "GET").map((e) => `${e.method} ${e.path}`)).toEqual([
      `POST ${BASE}/login`, `POST ${BASE}/login/example.com-router/changePassword`,
    ]);
    await rig.logins.update!(id, outs, { ...router, subDomain: "*" });
    expect(rig.emulator.count({ method: "PUT", path: `${BASE}/login/example.com-router` })).toBe(1);
    expect(loginOf(rig)).toEqual(["example.com-router *"]);
  });

  it("puts the sub-domain back when the password change that follows it fails: nothing half-done", async () => {
    const { id, outs } = await rig.logins.create(router);
    rig.emulator.setFaults({ serverErrorRate: 1, pathPattern: "/changePassword$" });
    await expect(rig.logins.update!(id, outs, { ...router, subDomain: "*", password: "second-password-9a7e" })).rejects.toThrow();
    rig.emulator.setFaults({});
    expect(loginOf(rig)).toEqual(["example.com-router home"]);
  });

  it("reads a sub-domain changed behind it as drift, keeps the password it cannot read, and drops a deleted login", async () => {
    const { id, outs } = await rig.logins.create(router);
    await behindPulumi(rig).request("PUT", `${BASE}/login/${id}`, { body: { subDomain: "nas" } });
    expect((await rig.logins.read!(id, outs)).props).toEqual({ ...outs, subDomain: "nas" });
    await rig.logins.delete!(id, outs);
    expect(await rig.logins.read!(id, outs)).toEqual({ id: "", props: {} });
    await rig.logins.delete!(id, outs); // gone already: deleted
  });

  it("names a login that exists as a loginSuffix refusal, never quoting the password", async () => {
    await rig.logins.create(router);
    const twice = rig.logins.create({ ...router, subDomain: "*" });
    await expect(twice).rejects.toThrow(/^OVH refused loginSuffix of DynHost login example\.com-router \(HTTP 409: "The login example\.com-router already exists"\): a login of that name exists/);
    await expect(twice).rejects.not.toThrow(router.password);
  });
});
