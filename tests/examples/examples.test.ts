/**
 * Each example, run for real: `basic`, `data-sources` and `verification` through the local engine against the
 * emulator (`verification` also under `pulumi.runtime.setMocks`, verification-mocks.test.ts). `gitops` is run by
 * tests/scenarios.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { LocalEngine } from "../../tools/local-engine/engine";
import { stackConfigFor } from "../zone-record/support";

const EXAMPLES = path.resolve(__dirname, "../../examples");

describe("the examples", () => {
  let emulator: Emulator;
  let dir: string;
  beforeAll(async () => {
    emulator = await startEmulator({
      zones: { "example.com": [{ subDomain: "", fieldType: "NS", target: "dns200.anycast.me.", ttl: 0 }] },
      domains: ["example.com"],
      refreshDurationMs: 5,
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovh-dns-examples-"));
  });
  afterAll(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const TOKEN = "k3n8q2x7w1m4p9z6c5v0b2n7m1q8w3e4";
  const engine = (example: string) => new LocalEngine({
    programDir: path.join(EXAMPLES, example),
    stack: "test",
    statePath: path.join(dir, `${example}.json`),
    config: { ...stackConfigFor(emulator), zoneName: "example.com", verificationToken: TOKEN },
    secretKeys: ["ovh:applicationSecret", "ovh:consumerKey", "verificationToken"],
  });

  it("basic: creates a zone's everyday records, then destroys them, leaving the rest of the zone alone", async () => {
    const up = await engine("basic").up();
    expect(up.error).toBeUndefined();
    expect(up.summary.create).toBe(8);
    const types = emulator.zone("example.com").records.map((r) => r.fieldType).sort();
    expect(types).toEqual(["A", "AAAA", "CAA", "CNAME", "MX", "MX", "NS", "SRV", "TXT"]);
    expect(up.outputs.wwwName).toBe("www.example.com");
    const destroy = await engine("basic").destroy();
    expect(destroy.summary.delete).toBe(8);
    expect(emulator.zone("example.com").records.map((r) => r.fieldType)).toEqual(["NS"]);
  });

  it("data-sources: exports the account's domains, zones and a zone's records with their ids", async () => {
    const up = await engine("data-sources").up();
    expect(up.error).toBeUndefined();
    expect(up.outputs.domains).toEqual(["example.com"]);
    expect(up.outputs.zones).toEqual(["example.com"]);
    const ns = String(emulator.zone("example.com").records.find((r) => r.fieldType === "NS")!.id);
    expect(up.outputs.records).toEqual([expect.objectContaining({ recordId: ns, fieldType: "NS", fqdn: "example.com" })]);
  });

  it("verification: publishes the TXT of the service's token, kept encrypted in the state, then destroys it", async () => {
    const up = await engine("verification").up();
    expect(up.error).toBeUndefined();
    expect(emulator.zone("example.com").published.filter((r) => r.fieldType === "TXT").map((r) => `${r.subDomain} ${r.target}`))
      .toEqual([`_verification "verification=${TOKEN}"`]);
    expect(fs.readFileSync(path.join(dir, "verification.json"), "utf8")).not.toContain(TOKEN);
    expect((await engine("verification").destroy()).error).toBeUndefined();
    expect(emulator.zone("example.com").records.map((r) => r.fieldType)).toEqual(["NS"]);
  });
});
