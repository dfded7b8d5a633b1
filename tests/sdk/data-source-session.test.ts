/**
 * The data sources resolve credentials and sync the clock once per process, not once per call: ten calls cost
 * ten API reads plus one `GET /auth/time`, whether the credentials come from the stack config or the environment,
 * and one credential resolution (a new config closure per call resolved them ten times: the last test).
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { startEmulator, type Emulator } from "../../emulator";

const run = promisify(execFile);
const TEN_CALLS = `
  const ovhdns = require("pulumi-ovh-dns");
  (async () => {
    for (let i = 0; i < 5; i++) await ovhdns.getDomains();
    for (let i = 0; i < 5; i++) await ovhdns.getZoneRecords({ zoneName: "example.com" });
    console.log("done");
  })().catch((e) => { console.error(e.message); process.exit(1); });`;

describe("data sources share one session per process", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": [{ subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 0 }] } });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.clearLog());

  const calls = () => {
    const byPath = new Map<string, number>();
    for (const e of emulator.log) {
      const key = `${e.method} ${e.path.replace(/\/record\/\d+$/, "/record/{id}")}`;
      byPath.set(key, (byPath.get(key) ?? 0) + 1);
    }
    return Object.fromEntries([...byPath].sort());
  };

  async function tenCalls(env: Record<string, string>): Promise<void> {
    const { stdout } = await run(process.execPath, ["-e", TEN_CALLS], {
      cwd: path.resolve(__dirname, "../.."),
      env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent", ...env },
    });
    expect(stdout.trim()).toBe("done");
  }

  it("with credentials from the stack config", async () => {
    const c = emulator.credentials;
    await tenCalls({
      PULUMI_CONFIG: JSON.stringify({ "ovh:endpoint": emulator.url, "ovh:applicationKey": c.applicationKey,
        "ovh:applicationSecret": c.applicationSecret, "ovh:consumerKey": c.consumerKey }),
    });
    expect(calls()).toEqual({ "GET /auth/time": 1, "GET /domain": 5, "GET /domain/zone/example.com/record": 5, "GET /domain/zone/example.com/record/{id}": 5 });
  });

  it("with credentials from the environment", async () => {
    const c = emulator.credentials;
    await tenCalls({ OVH_ENDPOINT: emulator.url, OVH_APPLICATION_KEY: c.applicationKey, OVH_APPLICATION_SECRET: c.applicationSecret, OVH_CONSUMER_KEY: c.consumerKey });
    expect(calls()).toEqual({ "GET /auth/time": 1, "GET /domain": 5, "GET /domain/zone/example.com/record": 5, "GET /domain/zone/example.com/record/{id}": 5 });
  });
});

jest.mock("../../provider/ovh/credentials", () => {
  const actual = jest.requireActual("../../provider/ovh/credentials");
  return { ...actual, resolveCredentials: jest.fn(actual.resolveCredentials) };
});

describe("data sources resolve credentials once per process", () => {
  let emulator: Emulator;
  const saved = { ...process.env };
  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": [] } });
    const c = emulator.credentials;
    Object.assign(process.env, { OVH_ENDPOINT: emulator.url, OVH_APPLICATION_KEY: c.applicationKey, OVH_APPLICATION_SECRET: c.applicationSecret, OVH_CONSUMER_KEY: c.consumerKey });
  });
  afterAll(async () => {
    process.env = saved;
    await emulator.close();
  });

  it("ten calls, one resolution (no ovh.conf read or environment parse per call)", async () => {
    const { resolveCredentials } = jest.requireMock("../../provider/ovh/credentials") as { resolveCredentials: jest.Mock };
    const { getDomains, getZones } = await import("../../sdk/data-sources");
    for (let i = 0; i < 5; i++) await getDomains();
    for (let i = 0; i < 5; i++) await getZones();
    expect(resolveCredentials).toHaveBeenCalledTimes(1);
  });
});
