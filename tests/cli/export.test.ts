/**
 * `export` against the emulator: every record of a realistic zone (the 20 types, quoted and split TXT,
 * wildcard, apex, `_dmarc`) written as a program, a records.yaml and a BIND file with stable names, and a
 * 500-record zone (export-adoption.test.ts runs what is exported).
 */
import * as fs from "node:fs";
import { parse } from "yaml";
import { startEmulator, type Emulator } from "../../emulator";
import { checkRecordInputs } from "../../provider/records";
import { CliSandbox, emulatorEnv } from "./cli-rig";
import { REALISTIC_ZONE, largeZone } from "./zones";

/** The keys a Zone gives these records (sdk/zone/naming.ts): a Zone named `z` names its children `z-<key>`. */
const NAMES = [
  "@-A", "@-AAAA", "@-CAA", "@-HTTPS", "@-MX-e7b739bf", "@-MX-e400f52b", "@-SPF", "@-TXT-f5e2c57f", "@-TXT-62b4133b",
  "*-A", "10-PTR", "_443._tcp.www-TLSA", "_dmarc-TXT", "_dmarc.shop-DMARC", "_dns-SVCB", "_imaps._tcp-SRV", "_sip._tcp-SRV",
  "contact-RP", "google._domainkey-TXT", "host-SSHFP", "lab-NS", "mail._domainkey-DKIM", "office-LOC", "old-DNAME", "sip-NAPTR",
  "www-CNAME",
];

interface YamlEntry {
  subDomain: string;
  fieldType: string;
  target: string;
  ttl: number;
}

describe("pulumi-ovh-dns export", () => {
  let emulator: Emulator;
  let sandbox: CliSandbox;
  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": REALISTIC_ZONE, "big.example": largeZone() } });
    sandbox = new CliSandbox();
  });
  afterAll(async () => {
    await emulator.close();
    sandbox.remove();
  });
  const run = (args: string[]) => sandbox.run(args, emulatorEnv(emulator));

  test("writes one ZoneRecord per record with adopt: true, named by the Zone's child keys, the apex NS left to OVH", async () => {
    const result = await run(["export", "example.com"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 7)).toEqual([
      "// The records of example.com, exported by `pulumi-ovh-dns export`.",
      "// `adopt: true`: the first `pulumi up` takes each existing record over (no POST); it has no effect afterwards.",
      'import * as ovhdns from "pulumi-ovh-dns";',
      "",
      'const zoneName = "example.com";',
      "",
      "// Not declared: the apex NS records (dns200.anycast.me., ns200.anycast.me.), which OVH manages itself.",
    ]);
    const declarations = lines.filter((l) => l.startsWith("new ovhdns.ZoneRecord("));
    expect(declarations.map((l) => /^new ovhdns\.ZoneRecord\("([^"]+)"/.exec(l)?.[1])).toEqual(NAMES);
    expect(declarations).toContain(
      'new ovhdns.ZoneRecord("@-TXT-f5e2c57f", { zoneName, subDomain: "", fieldType: "TXT", target: "say \\"hi\\" to the team", ttl: 600, adopt: true });',
    );
    expect(declarations).toContain(
      'new ovhdns.ZoneRecord("*-A", { zoneName, subDomain: "*", fieldType: "A", target: "203.0.113.20", ttl: 300, adopt: true });',
    );
    expect(result.stderr).toBe("reading example.com: 28 to go\nreading example.com: 28/28 done\n26 record(s) of example.com written; 2 apex NS left to OVH\n");
  });

  test("gives the same file on every run, even after OVH renumbered every record", async () => {
    const first = (await run(["export", "example.com"])).stdout;
    emulator.addZone("example.com", [...REALISTIC_ZONE].reverse());
    const second = (await run(["export", "example.com"])).stdout;
    expect(second).toBe(first);
  });

  test("writes a records.yaml in the GitOps example's shape, with the Zone's adopt, each record as the provider's check accepts it", async () => {
    const result = await run(["export", "example.com", "--format", "yaml", "-o", "records.yaml"]);
    expect(result.code).toBe(0);
    const file = parse(fs.readFileSync(sandbox.file("records.yaml"), "utf8")) as { zoneName: string; adopt: boolean; records: Record<string, YamlEntry> };
    expect([file.zoneName, file.adopt]).toEqual(["example.com", true]);
    // Two SPF policies at the apex and two TTLs in the apex TXT RRset: a Zone refuses them, and the file says so.
    expect(fs.readFileSync(sandbox.file("records.yaml"), "utf8").split("\n").slice(2, 5)).toEqual([
      "# A Zone refuses these records as they stand: fix them in the zone (or here) before using this file:",
      expect.stringMatching(/^# {3}- more than one SPF policy at @: @ SPF v=spf1 mx -all \(record \d+\), @ TXT v=spf1 include:mx\.ovh\.com -all \(record \d+\)/),
      expect.stringMatching(/^# {3}- differing TTLs in one RRset \(@ TXT\)/),
    ]);
    expect(result.stderr).toMatch(/26 record\(s\) of example\.com written to records\.yaml; 2 apex NS left to OVH; a Zone refuses them as they stand: 2 whole-zone problem\(s\) \(see the comments\)\n$/);
    expect(Object.keys(file.records)).toEqual(NAMES);
    expect(file.records["google._domainkey-TXT"].target).toBe(REALISTIC_ZONE[15].target.replace(/^"|"$/g, "").replace('" "', ""));
    expect(file.records["_dmarc-TXT"]).toEqual({
      subDomain: "_dmarc", fieldType: "TXT", target: "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com", ttl: 0,
    });
    for (const entry of Object.values(file.records)) {
      expect(checkRecordInputs({ zoneName: "example.com", ...entry }).failures).toEqual([]);
    }
  });

  test("names each record as a Zone names its child, and keeps exact copies (OVH allows them) apart by id", async () => {
    emulator.addZone("copies.example", [
      { subDomain: "www", fieldType: "A", target: "192.0.2.1", ttl: 0 },
      { subDomain: "www", fieldType: "A", target: "192.0.2.1", ttl: 0 },
      { subDomain: "", fieldType: "MX", target: "10 mx1.copies.example.", ttl: 0 },
    ]);
    const ids = emulator.zone("copies.example").records.map((r) => String(r.id));
    const ts = await run(["export", "copies.example", "--name-prefix", "main-"]);
    expect([...ts.stdout.matchAll(/^new ovhdns\.ZoneRecord\("([^"]+)"/gm)].map((m) => m[1])).toEqual(["main-@-MX", "main-www-A", `main-www-A-${ids[1]}`]);
    const yaml = await run(["export", "copies.example", "--format", "yaml"]);
    expect(yaml.stdout).toContain(
      '  # Left out: an exact copy of www-A, which a Zone declares once (delete the copy in the zone, or keep it out of the Zone):\n' +
        `  #  "www-A-${ids[1]}":\n`,
    );
    expect(Object.keys((parse(yaml.stdout) as { records: object }).records)).toEqual(["@-MX", "www-A"]);
  });

  test("writes a BIND file: $ORIGIN and $TTL, relative names, zone-default TTL omitted, OVH's own types kept", async () => {
    const result = await run(["export", "example.com", "--format", "bind"]);
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 6)).toEqual([
      "$ORIGIN example.com.",
      "$TTL 3600",
      "; The records of example.com, exported by `pulumi-ovh-dns export`.",
      "; The apex NS records, which OVH manages itself:",
      "; @\tIN NS\tdns200.anycast.me.",
      "; @\tIN NS\tns200.anycast.me.",
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        "@\t3600 IN A\t203.0.113.10",
        '@\t600 IN TXT\t"say \\"hi\\" to the team"',
        '_dmarc.shop\tIN DMARC\t"v=DMARC1; p=none"',
        "_sip._tcp\tIN SRV\t10 60 5060 sip.example.com.",
        `google._domainkey\tIN TXT\t${REALISTIC_ZONE[15].target}`,
      ]),
    );
  });

  test("comments out a record the provider would refuse, saying why", async () => {
    emulator.addZone("odd.example", [{ subDomain: "", fieldType: "MX", target: "10 mail", ttl: 0 }]);
    const result = await run(["export", "odd.example"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '// Left out: the provider would refuse this record (target: MX host "mail" has no trailing dot: OVH reads a name without one as ' +
        'relative to the zone ("mail.odd.example."); use "mail.odd.example."):\n' +
        `// new ovhdns.ZoneRecord("@-MX-${emulator.zone("odd.example").records[0].id}", { zoneName, subDomain: "", fieldType: "MX", target: "10 mail", ttl: 0, adopt: true });\n`,
    );
    expect(result.stderr).toContain("0 record(s) of odd.example written; 1 left out as the provider would refuse them");
  });

  test("exports a 500-record zone with one GET per record, unique names and plain progress lines off a terminal", async () => {
    emulator.clearLog();
    const result = await run(["export", "big.example", "-o", "big.ts"]);
    expect(result.code).toBe(0);
    const text = fs.readFileSync(sandbox.file("big.ts"), "utf8");
    const names = [...text.matchAll(/^new ovhdns\.ZoneRecord\("([^"]+)"/gm)].map((m) => m[1]);
    expect(names).toHaveLength(500);
    expect(new Set(names).size).toBe(500);
    expect(names.filter((n) => /^host000-A-[0-9a-f]{8}$/.test(n))).toHaveLength(2);
    expect(emulator.count({ method: "GET", path: /^\/domain\/zone\/big\.example\/record\/\d+$/ })).toBe(500);
    expect(emulator.count({ method: "GET", path: "/domain/zone/big.example/record" })).toBe(1);
    expect(emulator.count({ method: "POST" })).toBe(0);
    expect(result.stderr).toBe(
      "reading big.example: 500 to go\nreading big.example: 500/500 done\n500 record(s) of big.example written to big.ts\n",
    );
  }, 60_000);

  test("fails with exit 1 on a zone the account does not hold", async () => {
    const result = await run(["export", "nowhere.example"]);
    expect([result.code, result.stdout]).toEqual([1, ""]);
    expect(result.stderr).toContain("no zone nowhere.example in this account");
  });
});
