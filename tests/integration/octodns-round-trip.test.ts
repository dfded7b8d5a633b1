/**
 * The octoDNS round trip, with the real tools: octoDNS and its OVH provider from PyPI (pinned, installed by
 * tools/octodns/setup.sh into .tools/, which `npm test` runs first and this file runs again, reusing it) sync a
 * zone holding every type octodns-ovh 1.2.0 writes (HTTPS and SVCB included, a DKIM key it sends as OVH's native
 * DKIM) into the emulator, signed by OVH's own python-ovh client; the next plan reads the zone back and finds
 * nothing to change, and this project's export reads every record octoDNS wrote as one its check accepts.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { exportedZone } from "../../cli/export/exported-zone";
import { readZoneRecords } from "../../cli/export/read-zone";
import { OvhClient, resolveCredentials } from "../../provider/ovh";

const ROOT = path.resolve(__dirname, "../..");
const PYTHON = path.join(ROOT, ".tools/octodns/bin/python");
const FIXTURE = path.join(__dirname, "../fixtures/octodns");
const WRITES = ["POST", "PUT", "DELETE"];

/**
 * `octodns-sync` (tools/octodns/sync.py) in `dir` against the emulator; its output is both streams. Asynchronous:
 * the emulator answers from this very process, so waiting for the child synchronously would stall it.
 */
function octodnsSync(emulator: Emulator, dir: string, ...args: string[]): Promise<{ code: number | null; output: string }> {
  const c = emulator.credentials;
  const child = spawn(PYTHON, [path.join(ROOT, "tools/octodns/sync.py"), "--config-file", "config.yaml", ...args], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      OVH_EMULATOR_URL: emulator.url,
      OVH_APPLICATION_KEY: c.applicationKey,
      OVH_APPLICATION_SECRET: c.applicationSecret,
      OVH_CONSUMER_KEY: c.consumerKey,
    },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("octoDNS (octodns-ovh 1.2.0) syncing a zone into the emulator", () => {
  let emulator: Emulator;
  let dir: string;
  beforeAll(async () => {
    const setup = spawnSync("bash", [path.join(ROOT, "tools/octodns/setup.sh")], { encoding: "utf8" });
    expect([setup.status, setup.stderr]).toEqual([0, ""]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "octodns-"));
    fs.cpSync(FIXTURE, dir, { recursive: true });
    emulator = await startEmulator({ zones: { "example.com": [] } });
  }, 300_000);
  afterAll(async () => {
    await emulator?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("writes every record once, each type as OVH names it, and refreshes the zone", async () => {
    const sync = await octodnsSync(emulator, dir, "--doit");
    expect([sync.code, sync.output]).toEqual([0, expect.stringContaining("Manager sync:   16 total changes")]);
    const types = emulator.zone("example.com").records.map((r) => r.fieldType);
    expect(types.sort()).toEqual([
      "A", "A", "AAAA", "CAA", "CNAME", "DKIM", "HTTPS", "HTTPS", "MX", "MX", "NAPTR", "NS", "NS", "PTR", "SRV", "SSHFP", "SVCB", "TXT", "TXT", "TXT",
    ]);
    expect(emulator.count({ method: "POST", path: "/domain/zone/example.com/record" })).toBe(20);
    expect(emulator.count({ method: "POST", path: "/domain/zone/example.com/refresh" })).toBe(1);
    expect(emulator.zone("example.com").pendingChanges).toBe(false);
  });

  it("reads the zone back and plans no change, writing nothing", async () => {
    emulator.clearLog();
    const plan = await octodnsSync(emulator, dir);
    expect([plan.code, plan.output]).toEqual([0, expect.stringContaining("No changes were planned")]);
    expect(plan.output).toContain("OvhProvider[ovh] populate:   found 16 records");
    expect(emulator.log.filter((e) => WRITES.includes(e.method))).toEqual([]);
  });

  it("leaves records this project's check accepts, so export can adopt them", async () => {
    const c = emulator.credentials;
    const client = new OvhClient({
      credentials: resolveCredentials({
        explicit: { endpoint: emulator.url, applicationKey: c.applicationKey, applicationSecret: c.applicationSecret, consumerKey: c.consumerKey },
        env: {},
        confFiles: [],
      }),
    });
    const zone = exportedZone("example.com", await readZoneRecords(client, "example.com"));
    expect(zone.records).toHaveLength(20);
    expect(zone.records.filter((r) => r.problems.length > 0).map((r) => [r.name, r.problems])).toEqual([]);
    expect(zone.zoneProblems).toEqual([]);
  });
});
