/**
 * `Zone.fromBind` reads the emulator's own `GET /domain/zone/{zone}/export` of a zone holding every record
 * type back into exactly the zone's records; a Zone built from that file recreates the zone elsewhere.
 */
import * as fs from "node:fs";
import { startEmulator, type Emulator, type SeedRecord } from "../../emulator";
import { OvhClient, resolveCredentials } from "../../provider/ovh";
import { canonicalTarget } from "../../provider/records";
import { readBindZone } from "../../sdk/zone/bind-parser";
import { writeBindZone } from "../../sdk/zone/bind-writer";
import { declareRecords, type ZoneRecordSpec } from "../../sdk/zone/records";
import { ZoneStack } from "./zone-rig";

// Apex records first: the export writes the apex with a blank owner, which BIND reads as the previous
// record's name (docs/zone.md, "Reading an OVH export").
const EVERY_TYPE: SeedRecord[] = [
  { fieldType: "A", target: "203.0.113.10", ttl: 3600 },
  { fieldType: "AAAA", target: "2001:db8::10" },
  { fieldType: "MX", target: "10 mx1.example.net." },
  { fieldType: "TXT", target: "v=spf1 include:mx.ovh.com -all" },
  { fieldType: "CAA", target: '0 issue "letsencrypt.org"' },
  { subDomain: "long", fieldType: "TXT", target: `k=${"a".repeat(300)} end`, ttl: 600 },
  { subDomain: "www", fieldType: "CNAME", target: "example.com." },
  { subDomain: "old", fieldType: "DNAME", target: "example.net." },
  { subDomain: "delegated", fieldType: "NS", target: "ns1.other.net." },
  { subDomain: "ptr", fieldType: "PTR", target: "host.example.com." },
  { subDomain: "_sip._udp", fieldType: "SRV", target: "10 5 5060 sip.example.com." },
  { subDomain: "naptr", fieldType: "NAPTR", target: '100 10 "S" "SIP+D2U" "" _sip._udp.example.com.' },
  { subDomain: "host", fieldType: "SSHFP", target: "1 1 123456789abcdef67890123456789abcdef67890" },
  { subDomain: "_443._tcp.www", fieldType: "TLSA", target: `3 1 1 ${"0123456789abcdef".repeat(4)}` },
  { subDomain: "loc", fieldType: "LOC", target: "52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m" },
  { subDomain: "who", fieldType: "RP", target: "hostmaster.example.com. info.example.com." },
  { subDomain: "_dns", fieldType: "SVCB", target: '1 dns.example.com. alpn="dot" port=853 key667="a b"' },
  { subDomain: "web", fieldType: "HTTPS", target: "1 . alpn=h3,h2 ipv4hint=192.0.2.1 ipv6hint=2001:db8::1" },
  { subDomain: "legacy", fieldType: "SPF", target: "v=spf1 -all" },
  { subDomain: "sel._domainkey", fieldType: "DKIM", target: "v=DKIM1;k=rsa;p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC" },
  { subDomain: "_dmarc", fieldType: "DMARC", target: "v=DMARC1;p=quarantine" },
];

function client(emulator: Emulator): OvhClient {
  const c = emulator.credentials;
  const explicit = { endpoint: emulator.url, applicationKey: c.applicationKey, applicationSecret: c.applicationSecret, consumerKey: c.consumerKey };
  return new OvhClient({ credentials: resolveCredentials({ explicit, env: {}, confFiles: [] }) });
}

/** `name type canonical-target ttl` lines of a zone, sorted. */
function lines(records: readonly { subDomain?: string; fieldType: string; target: string; ttl?: number }[]): string[] {
  return records.map((r) => `${r.subDomain || "@"} ${r.fieldType} ${canonicalTarget(r.fieldType, r.target)} ${r.ttl ?? 0}`).sort();
}

describe("fromBind and the emulator's export", () => {
  let emulator: Emulator;
  let exported: string;
  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": EVERY_TYPE } });
    exported = await client(emulator).request<string>("GET", "/domain/zone/example.com/export");
  });
  afterAll(() => emulator.close());

  it("reads the export of a zone holding every type into exactly its records", () => {
    expect(new Set(EVERY_TYPE.map((r) => r.fieldType)).size).toBe(20);
    const zone = readBindZone("export.db", { zoneName: "example.com" }, exported);
    const records = zone.records.map(({ source: _s, ...r }) => r as ZoneRecordSpec);
    expect(lines(records)).toEqual(lines(emulator.zone("example.com").records));
    expect(lines(records)).toContain("@ A 203.0.113.10 3600"); // a TTL column is kept even when it is the zone default
    expect(() => declareRecords("example.com", records)).not.toThrow();
  });

  it("reads its own zoneFile back into the same records", () => {
    const declared = declareRecords("example.com", readBindZone("export.db", { zoneName: "example.com" }, exported).records);
    const again = readBindZone("zone.db", {}, writeBindZone("example.com", declared)).records;
    expect(lines(again)).toEqual(lines(declared));
  });

  it("recreates the zone elsewhere through a Zone built from the export", async () => {
    const stack = await ZoneStack.start();
    try {
      stack.declareBind(`$ORIGIN example.com.\n${exported}`, { unmanaged: "ignore" });
      const up = await stack.runOk("up");
      expect(up.summary.create).toBe(EVERY_TYPE.length + 1);
      expect(lines(stack.emulator.zone("example.com").records)).toEqual(lines(emulator.zone("example.com").records));
      fs.writeFileSync(`${stack.dir}/out.db`, String(up.outputs.zoneFile));
      expect(lines(readBindZone(`${stack.dir}/out.db`).records)).toEqual(lines(stack.emulator.zone("example.com").records));
    } finally {
      await stack.close();
    }
  });
});
