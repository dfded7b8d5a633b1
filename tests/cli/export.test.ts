/**
 * `export` against the emulator: every record of a realistic zone (the 17 types, quoted and split TXT,
 * wildcard, apex, `_dmarc`) written as a program, a records.yaml and a BIND file with stable names, and a
 * 500-record zone (export-adoption.test.ts runs what is exported).
 */
import * as fs from "node:fs";
import { parse } from "yaml";
import { startEmulator, type Emulator } from "../../emulator";
import { checkRecordInputs } from "../../provider/records";
import { CliSandbox, emulatorEnv } from "./cli-rig";
import { REALISTIC_ZONE, largeZone } from "./zones";

const NAMES = [
  "apex-a", "apex-aaaa", "apex-caa", "apex-mx-e7b739", "apex-mx-e400f5", "apex-spf", "apex-txt-f5e2c5", "apex-txt-62b413",
  "wildcard-a", "10-ptr", "_443-_tcp-www-tlsa", "_dmarc-txt", "_dmarc-shop-dmarc", "_imaps-_tcp-srv", "_sip-_tcp-srv",
  "google-_domainkey-txt", "host-sshfp", "lab-ns", "mail-_domainkey-dkim", "office-loc", "old-dname", "sip-naptr", "www-cname",
];

interface YamlEntry {
  subDomain: string;
  fieldType: string;
  target: string;
  ttl: number;
  adopt?: boolean;
  importId?: string;
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

  test("writes one ZoneRecord per record with adopt: true, readable unique names, the apex NS left to OVH", async () => {
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
      'new ovhdns.ZoneRecord("apex-txt-f5e2c5", { zoneName, subDomain: "", fieldType: "TXT", target: "say \\"hi\\" to the team", ttl: 600, adopt: true });',
    );
    expect(declarations).toContain(
      'new ovhdns.ZoneRecord("wildcard-a", { zoneName, subDomain: "*", fieldType: "A", target: "203.0.113.20", ttl: 300, adopt: true });',
    );
    expect(result.stderr).toBe("reading example.com: 25 to go\nreading example.com: 25/25 done\n23 record(s) of example.com written; 2 apex NS left to OVH\n");
  });

  test("gives the same file on every run, even after OVH renumbered every record", async () => {
    const first = (await run(["export", "example.com"])).stdout;
    emulator.addZone("example.com", [...REALISTIC_ZONE].reverse());
    const second = (await run(["export", "example.com"])).stdout;
    expect(second).toBe(first);
  });

  test("writes a records.yaml in the GitOps example's shape, each record as the provider's check accepts it", async () => {
    const result = await run(["export", "example.com", "--format", "yaml", "-o", "records.yaml"]);
    expect(result.code).toBe(0);
    const file = parse(fs.readFileSync(sandbox.file("records.yaml"), "utf8")) as { zoneName: string; records: Record<string, YamlEntry> };
    expect(file.zoneName).toBe("example.com");
    expect(Object.keys(file.records)).toEqual(NAMES);
    expect(file.records["google-_domainkey-txt"].target).toBe(REALISTIC_ZONE[15].target.replace(/^"|"$/g, "").replace('" "', ""));
    expect(file.records["_dmarc-txt"]).toEqual({
      subDomain: "_dmarc", fieldType: "TXT", target: "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com", ttl: 0, adopt: true,
    });
    for (const entry of Object.values(file.records)) {
      const { adopt, ...inputs } = entry;
      expect([adopt, checkRecordInputs({ zoneName: "example.com", ...inputs }).failures]).toEqual([true, []]);
    }
  });

  test("writes a BIND file: relative names, zone-default TTL omitted, OVH's text types as TXT", async () => {
    const result = await run(["export", "example.com", "--format", "bind"]);
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "; The records of example.com, exported by `pulumi-ovh-dns export`.",
      "$ORIGIN example.com.",
      "; The apex NS records, which OVH manages itself:",
      "; @\tIN NS\tdns200.anycast.me.",
      "; @\tIN NS\tns200.anycast.me.",
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        "@\t3600\tIN A\t203.0.113.10",
        '@\t600\tIN TXT\t"say \\"hi\\" to the team"',
        '_dmarc.shop\tIN TXT\t"v=DMARC1; p=none"\t; OVH type DMARC',
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
        '// new ovhdns.ZoneRecord("apex-mx", { zoneName, subDomain: "", fieldType: "MX", target: "10 mail", ttl: 0, adopt: true });\n',
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
    expect(names.filter((n) => /^host000-a-[0-9a-f]{6}$/.test(n))).toHaveLength(2);
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
