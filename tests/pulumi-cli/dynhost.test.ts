/**
 * DynHostRecord and DynHostLogin through the real Pulumi CLI, on one stack: a bad input fails the preview on its
 * field with nothing written; the preview of the create and of each change names the exact change; a record's
 * writes are published by one refresh, a login's need none; a password change is one changePassword and the
 * password, given as a plain string, is never in the state file nor in a preview in plain text; a new login suffix
 * replaces the login; an address a DynHost client pushed shows at `refresh`; `destroy` removes both. And
 * `export`'s program adopting a zone's DynHost records with no write on its first up.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { changes, type PulumiWorkspace } from "../../tools/pulumi-cli";
import { behindPulumi, cliStack, passwordDigest, runExportedProgram, type ExportedRun, summary, withCalls, writes } from "./support";

jest.setTimeout(600_000);

const PROGRAM = path.resolve(__dirname, "../fixtures/dynhost-program");
const BASE = "/domain/zone/example.com/dynHost";
const REFRESH = "POST /domain/zone/example.com/refresh";
const FIRST = "first-password-4f1c";
const SECOND = "second-password-9a7e";

describe("DynHostRecord and DynHostLogin through the real CLI", () => {
  let emulator: Emulator;
  let ws: PulumiWorkspace;
  let dir: string;
  const declare = (spec: Record<string, unknown>) => fs.writeFileSync(path.join(dir, "dynhost.json"), JSON.stringify(spec));
  const record = (args: Record<string, unknown> = {}) => ({ zoneName: "example.com", subDomain: "home", ip: "203.0.113.7", ...args });
  const login = (args: Record<string, unknown> = {}) => ({ zoneName: "example.com", loginSuffix: "router", subDomain: "home", password: FIRST, ...args });
  const records = () => emulator.zone("example.com").dynHostRecords.map((r) => `${r.subDomain} ${r.ip}`);
  const logins = () => emulator.zone("example.com").dynHostLogins.map((l) => `${l.login} ${l.subDomain} ${l.passwordDigest === passwordDigest(FIRST) ? "FIRST" : l.passwordDigest === passwordDigest(SECOND) ? "SECOND" : "?"}`);
  const noPassword = (text: string) => {
    expect(text).not.toContain(FIRST);
    expect(text).not.toContain(SECOND);
  };

  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": [] } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "dynhost-"));
    ws = await cliStack(PROGRAM, emulator, "stack-config", { config: { dynhostFile: path.join(dir, "dynhost.json") } });
  });
  afterAll(async () => {
    ws.remove();
    fs.rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  });

  it("fails the preview of a bad record on its field, with the fix, and writes nothing (the valid login neither)", async () => {
    declare({ record: record({ ip: "2001:db8::1" }), login: login() });
    const up = await withCalls(emulator, () => ws.run(["up", "--yes"]));
    expect(up.result.code).not.toBe(0);
    expect(up.result.stdout + up.result.stderr).toContain("is an IPv6 address: OVH's DynHost holds one IPv4 address; for IPv6 declare a ZoneRecord of type AAAA");
    expect(writes(up.calls)).toEqual([]);
  });

  it("fails the preview of a bad login on its fields, never printing the password", async () => {
    declare({ record: record(), login: login({ loginSuffix: "example.com-router", password: "x7Qz!" }) });
    const up = await withCalls(emulator, () => ws.run(["up", "--yes"]));
    expect(up.result.code).not.toBe(0);
    const output = up.result.stdout + up.result.stderr;
    expect(output).toContain("OVH prefixes it with \"example.com-\" itself");
    expect(output).toContain("password is 5 characters long: use 8 to 64");
    expect(output).not.toContain("x7Qz!");
    expect(writes(up.calls)).toEqual([]);
  });

  it("previews the creates, then makes the record (published by one refresh) and the login", async () => {
    declare({ record: record(), login: login() });
    expect(changes(await ws.preview()).filter((c) => !c.includes("ovh-dns-dynhost-"))).toEqual(["create home", "create router"]);
    const up = await withCalls(emulator, () => ws.up());
    expect(writes(up.calls).sort()).toEqual([`POST ${BASE}/login`, `POST ${BASE}/record`, REFRESH]);
    expect(records()).toEqual(["home 203.0.113.7"]);
    expect(logins()).toEqual(["example.com-router home FIRST"]);
    expect(emulator.zone("example.com").exportText()).toContain("home\t60 IN A\t203.0.113.7");
    expect((await ws.outputs()).login).toBe("example.com-router");
    const state = ws.stateFileText();
    expect(state).toContain("pulumi-nodejs:dynamic/ovhdns:DynHostLogin"); // it is the real state file
    noPassword(state);
    expect(changes(await ws.preview())).toEqual([]);
  });

  it("previews a change of address, login sub-domain and password as updates in place, the password as a secret", async () => {
    declare({ record: record({ ip: "203.0.113.8" }), login: login({ subDomain: "*", password: SECOND }) });
    expect(changes(await ws.preview())).toEqual(["update home", "update router"]);
    const shown = await ws.run(["preview", "--diff"]);
    // The dynamic-provider host reports no per-property diff: the CLI compares the inputs, and a secret shows as
    // [secret] whatever it holds (the provider's diff still makes it an update, a changePassword below).
    const diffLines = shown.stdout.split("\n").filter((line) => /^\s+[~+-] \w+\s*: /.test(line)).map((line) => line.trim().replace(/\s+:/, ":")).sort();
    expect(diffLines).toEqual(["~ ip: \"203.0.113.7\" => \"203.0.113.8\"", "~ subDomain: \"home\" => \"*\""]);
    expect(shown.stdout).toMatch(/^\s+password\s+: \[secret\]$/m);
    noPassword(shown.stdout + shown.stderr);
    const up = await withCalls(emulator, () => ws.up());
    expect(writes(up.calls).sort()).toEqual([`POST ${BASE}/login/example.com-router/changePassword`, `PUT ${BASE}/login/example.com-router`,
      `PUT ${BASE}/record/${emulator.zone("example.com").dynHostRecords[0].id}`, REFRESH].sort());
    expect(records()).toEqual(["home 203.0.113.8"]);
    expect(logins()).toEqual(["example.com-router * SECOND"]);
    noPassword(ws.stateFileText());
  });

  it("replaces the login for a new suffix: the new one made, then the old one deleted", async () => {
    declare({ record: record({ ip: "203.0.113.8" }), login: login({ loginSuffix: "nas", subDomain: "*", password: SECOND }) });
    expect(changes(await ws.preview())).toEqual(["replace router"]);
    const up = await withCalls(emulator, () => ws.up());
    expect(writes(up.calls)).toEqual([`POST ${BASE}/login`, `DELETE ${BASE}/login/example.com-router`]);
    expect(logins()).toEqual(["example.com-nas * SECOND"]);
  });

  it("shows an address pushed behind Pulumi at refresh, and puts the declared one back at the next up", async () => {
    const id = emulator.zone("example.com").dynHostRecords[0].id;
    await behindPulumi(emulator).put(`${BASE}/record/${id}`, { ip: "198.51.100.1" });
    expect(summary((await ws.refresh()).stdout)).toMatchObject({ updated: 1 });
    expect(changes(await ws.preview())).toEqual(["update home"]);
    await ws.up();
    expect(records()).toEqual(["home 203.0.113.8"]);
  });

  it("destroy deletes the record (published by a refresh) and the login", async () => {
    const destroy = await withCalls(emulator, () => ws.destroy());
    const id = destroy.calls.find((c) => c.startsWith(`DELETE ${BASE}/record/`));
    expect(writes(destroy.calls).sort()).toEqual([id, `DELETE ${BASE}/login/example.com-nas`, REFRESH].sort());
    expect([records(), logins()]).toEqual([[], []]);
    expect(emulator.zone("example.com").exportText()).not.toContain("203.0.113.8");
  });
});

describe("an exported program with DynHost records, through the real CLI", () => {
  let emulator: Emulator;
  let run: ExportedRun | undefined;
  afterAll(async () => {
    run?.remove();
    await emulator?.close();
  });

  it("declares each DynHost record with adopt and takes them over with 0 writes; the next preview shows no change", async () => {
    emulator = await startEmulator({ zones: { "example.com": [{ fieldType: "MX", target: "10 mx1.example.com." }] }, refreshDurationMs: 5 });
    const client = behindPulumi(emulator);
    await client.post(`${BASE}/record`, { subDomain: "home", ip: "203.0.113.7" });
    await client.post(`${BASE}/record`, { subDomain: "", ip: "203.0.113.9" });
    await client.post("/domain/zone/example.com/refresh");
    run = await runExportedProgram(emulator);
    const { exported, program } = run;
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain("2 DynHost record(s) written");
    expect(program).toContain('new ovhdns.DynHostRecord("dynhost-home", { zoneName, subDomain: "home", ip: "203.0.113.7", adopt: true });');
    expect(run.writes).toEqual([]);
    expect(run.preview).toEqual({ code: 0, changes: [] });
  });
});
