/** The data sources in a plain Node script (no Pulumi program): credentials from the environment. */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { startEmulator, type Emulator } from "../../emulator";

const run = promisify(execFile);

describe("data sources outside a Pulumi program", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": [{ subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 0 }] } });
  });
  afterAll(() => emulator.close());

  it("reads domains and records with the OVH_* environment variables", async () => {
    const c = emulator.credentials;
    const script = `
      const ovhdns = require("pulumi-ovh-dns");
      Promise.all([ovhdns.getDomains(), ovhdns.getZoneRecords({ zoneName: "example.com" })])
        .then(([d, r]) => console.log(JSON.stringify({ domains: d.domains, records: r.records.map((x) => x.fqdn + " " + x.target) })));`;
    const { stdout } = await run(process.execPath, ["-e", script], {
      cwd: path.resolve(__dirname, "../.."),
      env: { PATH: process.env.PATH, HOME: "/nonexistent", OVH_ENDPOINT: emulator.url, OVH_APPLICATION_KEY: c.applicationKey,
        OVH_APPLICATION_SECRET: c.applicationSecret, OVH_CONSUMER_KEY: c.consumerKey },
    });
    expect(JSON.parse(stdout)).toEqual({ domains: ["example.com"], records: ["www.example.com 203.0.113.10"] });
  });

  it("says what is missing when no credentials are configured anywhere", async () => {
    const script = `require("pulumi-ovh-dns").getDomains().catch((e) => { console.log(e.message); });`;
    const { stdout } = await run(process.execPath, ["-e", script], {
      cwd: "/tmp", env: { PATH: process.env.PATH, HOME: "/nonexistent", NODE_PATH: path.resolve(__dirname, "../../node_modules") },
    });
    expect(stdout).toMatch(/applicationKey|credentials/i);
    console.log(stdout.trim());
  });
});
