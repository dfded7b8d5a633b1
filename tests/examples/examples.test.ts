/**
 * Each example, run for real: `basic` and `data-sources` through the local engine against the emulator;
 * `verification` (it needs the @pulumi/random plugin, which only the Pulumi CLI can download) under
 * `pulumi.runtime.setMocks`, and through the local engine only to show its clear refusal. `gitops` is run by
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

  const engine = (example: string) => new LocalEngine({
    programDir: path.join(EXAMPLES, example),
    stack: "test",
    statePath: path.join(dir, `${example}.json`),
    config: { ...stackConfigFor(emulator), zoneName: "example.com" },
    secretKeys: ["ovh:applicationSecret", "ovh:consumerKey"],
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

  it("verification: the local engine refuses the random provider with a clear message naming its type", async () => {
    const preview = await engine("verification").preview();
    expect(preview.ok).toBe(false);
    expect(preview.error).toMatch(/random:index\/randomString:RandomString/);
    expect(preview.error).toMatch(/Pulumi CLI|setMocks/);
  });
});
