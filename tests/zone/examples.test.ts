/**
 * examples/gitops (Zone.fromYaml) and examples/bind (Zone.fromBind) through the local engine against the
 * emulator: each creates its zone's records, then a second run changes nothing.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { LocalEngine } from "../../tools/local-engine/engine";

const EXAMPLES = path.resolve(__dirname, "../../examples");

describe("the Zone examples", () => {
  let emulator: Emulator;
  let dir: string;
  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": [] }, refreshDurationMs: 5 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovh-dns-zone-examples-"));
  });
  afterAll(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const engine = (example: string) => {
    const c = emulator.credentials;
    return new LocalEngine({
      programDir: path.join(EXAMPLES, example),
      stack: "test",
      statePath: path.join(dir, `${example}.json`),
      config: { "ovh:endpoint": emulator.url, "ovh:applicationKey": c.applicationKey, "ovh:applicationSecret": c.applicationSecret, "ovh:consumerKey": c.consumerKey },
      secretKeys: ["ovh:applicationSecret", "ovh:consumerKey"],
    });
  };
  const zone = () => emulator.zone("example.com").records.map((r) => `${r.subDomain || "@"} ${r.fieldType} ${r.target} ${r.ttl}`).sort();

  it("gitops: creates the records of records.yaml, then changes nothing", async () => {
    const up = await engine("gitops").up();
    expect(up.error).toBeUndefined();
    expect(up.outputs.recordCount).toBe(5);
    expect(zone()).toEqual([
      "@ A 203.0.113.10 3600", "@ MX 10 mx1.example.com. 0", '@ TXT "v=spf1 mx -all" 0',
      '_dmarc TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com" 0', "www CNAME example.com. 0",
    ]);
    const again = await engine("gitops").preview();
    expect(again.plan.filter((s) => s.op !== "same")).toEqual([]);
    const destroy = await engine("gitops").destroy();
    expect(destroy.summary.delete).toBe(6); // the 5 records and the manifest
    expect(zone()).toEqual([]);
  });

  it("bind: creates the records of example.com.zone, then changes nothing", async () => {
    const up = await engine("bind").up();
    expect(up.error).toBeUndefined();
    expect(up.outputs.recordCount).toBe(13);
    expect(zone()).toContain("www CNAME example.com. 300");
    expect(zone()).toContain("@ MX 10 mx1.example.com. 0");
    expect(zone()).toContain('sel._domainkey TXT "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC" 0');
    const again = await engine("bind").preview();
    expect(again.plan.filter((s) => s.op !== "same")).toEqual([]);
  });
});
