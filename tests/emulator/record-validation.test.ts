import { startEmulator, type Emulator } from "../../emulator";
import { ovhCall } from "./helpers/ovh-call";

const ZONE = "/domain/zone/example.com";
const LABEL_63 = "a".repeat(63);
/** 63+1+63+1+63+1+50 = 242 characters: fine alone, 254 with ".example.com". */
const LONG_NAME = `${LABEL_63}.${LABEL_63}.${LABEL_63}.${"b".repeat(50)}`;
const KEY = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC";

describe("emulator record validation: what the real API refuses is a 400, state unchanged", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({
      zones: {
        "example.com": [
          { subDomain: "www", fieldType: "CNAME", target: "web.example.net." },
          { subDomain: "note", fieldType: "TXT", target: "hello" },
          { subDomain: "s1._domainkey", fieldType: "DKIM", target: `v=DKIM1; p=${KEY}` },
        ],
      },
    });
  });
  afterAll(() => emu.close());

  test.each([
    ["a 100,000-character subDomain", { fieldType: "A", subDomain: "a".repeat(100_000), target: "192.0.2.1" }],
    ["a subDomain label of 64 characters", { fieldType: "TXT", subDomain: `${LABEL_63}a`, target: "x" }],
    ["a name over 253 characters with the zone", { fieldType: "TXT", subDomain: LONG_NAME, target: "x" }],
    ["a subDomain with an empty label", { fieldType: "TXT", subDomain: "a..b", target: "x" }],
    ["a subDomain with a NUL", { fieldType: "TXT", subDomain: "a\u0000b", target: "x" }],
    ["an A name starting with -", { fieldType: "A", subDomain: "-www", target: "192.0.2.1" }],
    ["an A name with a label ending with -", { fieldType: "A", subDomain: "www-.dev", target: "192.0.2.1" }],
    ["an AAAA name starting with -", { fieldType: "AAAA", subDomain: "-v6", target: "2001:db8::1" }],
    ["an MX name ending with -", { fieldType: "MX", subDomain: "mail-", target: "10 mx.example.net." }],
    ["a CNAME name starting with -", { fieldType: "CNAME", subDomain: "-alias", target: "web.example.net." }],
    ["a CNAME target label starting with -", { fieldType: "CNAME", subDomain: "alias", target: "-web.example.net." }],
    ["a CNAME target label ending with -", { fieldType: "CNAME", subDomain: "alias", target: "web-.example.net" }],
    ["a CNAME at the apex", { fieldType: "CNAME", subDomain: "", target: "web.example.net." }],
    ["a CNAME at the apex (no subDomain)", { fieldType: "CNAME", target: "web.example.net." }],
    ["a CNAME target with a newline (BIND injection)", { fieldType: "CNAME", subDomain: "alias", target: "web.example.net.\nevil IN A 192.0.2.66" }],
    ["a CNAME target with a space", { fieldType: "CNAME", subDomain: "alias", target: "web example.net." }],
    ["an MX target without a priority", { fieldType: "MX", target: "mx.example.net." }],
    ["an MX target without a host", { fieldType: "MX", target: "10" }],
    ["an MX priority over 65535", { fieldType: "MX", target: "70000 mx.example.net." }],
    ["an MX priority that is not a number", { fieldType: "MX", target: "ten mx.example.net." }],
    ["an MX host with an empty label", { fieldType: "MX", target: "10 mx..example.net." }],
    ["an MX host label starting with -", { fieldType: "MX", target: "10 -mx.example.net." }],
    ["an SRV target with three fields", { fieldType: "SRV", subDomain: "_sip._tcp", target: "10 5 sip.example.com." }],
    ["an SRV port over 65535", { fieldType: "SRV", subDomain: "_sip._tcp", target: "10 5 99999 sip.example.com." }],
    ["an SRV weight that is not a number", { fieldType: "SRV", subDomain: "_sip._tcp", target: "10 w 5060 sip.example.com." }],
    ["a CAA value not in quotes", { fieldType: "CAA", target: "0 issue letsencrypt.org" }],
    ["a CAA flags over 255", { fieldType: "CAA", target: '256 issue "letsencrypt.org"' }],
    ["a CAA without flags", { fieldType: "CAA", target: 'issue "letsencrypt.org"' }],
    ["a CAA without a tag", { fieldType: "CAA", target: '0 "letsencrypt.org"' }],
    ["a DKIM without p=", { fieldType: "DKIM", subDomain: "s._domainkey", target: "v=DKIM1; k=rsa" }],
    ["a DKIM key that is not base64", { fieldType: "DKIM", subDomain: "s._domainkey", target: "v=DKIM1; p=not base64!" }],
    ["a DKIM with an unknown tag", { fieldType: "DKIM", subDomain: "s._domainkey", target: `v=DKIM1; x=1; p=${KEY}` }],
    ["a DKIM that is not a tag list", { fieldType: "DKIM", subDomain: "s._domainkey", target: "hello" }],
    ["a 900 KB TXT", { fieldType: "TXT", subDomain: "big", target: "x".repeat(900 * 1024) }],
    ["a TXT one byte over 255 strings of 255", { fieldType: "TXT", subDomain: "big", target: "x".repeat(255 * 255 + 1) }],
    ["a TXT with a newline", { fieldType: "TXT", subDomain: "t", target: "line one\nline two" }],
    ["a TXT with a NUL", { fieldType: "TXT", subDomain: "t", target: "a\u0000b" }],
    ["a TXT with a DEL", { fieldType: "TXT", subDomain: "t", target: "a\u007fb" }],
    ["a TXT with a tab", { fieldType: "TXT", subDomain: "t", target: "a\tb" }],
    ["a TXT with a C1 control (next line)", { fieldType: "TXT", subDomain: "t", target: "a\u0085b" }],
    ["a TXT with a line separator", { fieldType: "TXT", subDomain: "t", target: "a\u2028b" }],
    ["a TXT with a paragraph separator", { fieldType: "TXT", subDomain: "t", target: "a\u2029b" }],
    ["a quoted TXT with the escape \\010 (a line feed)", { fieldType: "TXT", subDomain: "t", target: '"a\\010b"' }],
    ["an unquoted TXT with the escape \\000", { fieldType: "TXT", subDomain: "t", target: "a\\000b" }],
    ["an SPF with the escape \\013", { fieldType: "SPF", target: "v=spf1 -all\\013" }],
    ["an MX host with a NUL", { fieldType: "MX", target: "10 mx\u0000.example.net." }],
    ["a subDomain with a line feed", { fieldType: "TXT", subDomain: "a\nb", target: "x" }],
    ["a DKIM at dkim (not a _domainkey name)", { fieldType: "DKIM", subDomain: "dkim", target: `v=DKIM1; p=${KEY}` }],
    ["a DKIM at the apex", { fieldType: "DKIM", target: `v=DKIM1; p=${KEY}` }],
    ["an empty TXT", { fieldType: "TXT", subDomain: "t", target: "" }],
    ["a TXT of one empty quoted string", { fieldType: "TXT", subDomain: "t", target: '""' }],
  ])("POST %s -> 400", async (_name, body) => {
    const before = JSON.stringify(emu.zone("example.com"));
    const res = await ovhCall(emu, "POST", `${ZONE}/record`, { body });
    expect(res.status).toBe(400);
    expect((res.json as { class: string }).class).toBe("Client::BadRequest");
    expect(Object.keys(res.json as object)).toEqual(["class", "message"]);
    expect(res.text.length).toBeLessThan(400); // a huge input is not echoed whole
    expect(JSON.stringify(emu.zone("example.com"))).toBe(before);
    expect(emu.log.at(-1)).toMatchObject({ status: 400, outcome: "error", applied: false });
  });

  test.each([
    ["a CNAME moved to the apex", "www", { subDomain: "" }],
    ["a CNAME target with a newline", "www", { target: "web.example.net.\n@ IN NS evil.example." }],
    ["a CNAME renamed with a leading -", "www", { subDomain: "-www" }],
    ["a TXT with a carriage return", "note", { target: "a\rb" }],
    ["a TXT with the escape \\010", "note", { target: '"a\\010b"' }],
    ["a subDomain with a line separator", "note", { subDomain: "a\u2028b" }],
    ["a subDomain over 253 characters with the zone", "note", { subDomain: LONG_NAME }],
    ["a TXT emptied", "note", { target: '"" ""' }],
    ["a DKIM renamed away from _domainkey", "s1._domainkey", { subDomain: "s1" }],
  ])("PUT %s -> 400", async (_name, subDomain, body) => {
    const id = emu.zone("example.com").records.find((r) => r.subDomain === subDomain)?.id;
    const before = JSON.stringify(emu.zone("example.com"));
    const res = await ovhCall(emu, "PUT", `${ZONE}/record/${id}`, { body });
    expect([res.status, (res.json as { class: string }).class]).toEqual([400, "Client::BadRequest"]);
    expect(JSON.stringify(emu.zone("example.com"))).toBe(before);
  });

  test("names the reason: the message says what is wrong", async () => {
    const apex = await ovhCall(emu, "POST", `${ZONE}/record`, { body: { fieldType: "CNAME", target: "web.example.net." } });
    expect((apex.json as { message: string }).message).toBe(
      "Invalid subDomain: a CNAME cannot be at the apex of the zone, where the SOA and NS records are",
    );
    const newline = await ovhCall(emu, "POST", `${ZONE}/record`, { body: { fieldType: "TXT", target: "a\nb" } });
    expect((newline.json as { message: string }).message).toBe(
      "Invalid target: it holds the control character U+000A at position 2; targets are one line of printable text",
    );
    const escaped = await ovhCall(emu, "POST", `${ZONE}/record`, { body: { fieldType: "TXT", target: '"a\\010b"' } });
    expect((escaped.json as { message: string }).message).toBe(
      "Invalid target: the escape \\010 at position 3 stands for the control character U+000A; targets are one line of printable text",
    );
    const name = await ovhCall(emu, "POST", `${ZONE}/record`, { body: { fieldType: "TXT", subDomain: "a\u0000b", target: "x" } });
    expect((name.json as { message: string }).message).toBe('Invalid domain name "a\\u0000b": it holds the control character U+0000 at position 2');
    // OVH's own words (docs/ovh-api.md §5, DNSControl/dnscontrol#4453).
    const dkim = await ovhCall(emu, "POST", `${ZONE}/record`, { body: { fieldType: "DKIM", subDomain: "dkim", target: `v=DKIM1; p=${KEY}` } });
    expect((dkim.json as { message: string }).message).toBe("Invalid subdomain: dkim");
    const empty = await ovhCall(emu, "POST", `${ZONE}/record`, { body: { fieldType: "TXT", subDomain: "t", target: '""' } });
    expect((empty.json as { message: string }).message).toBe("{'target': ['Invalid input.']}");
    const blank = await ovhCall(emu, "POST", `${ZONE}/record`, { body: { fieldType: "A", subDomain: "t", target: " " } });
    expect((blank.json as { message: string }).message).toBe("Invalid target: it must not be empty");
    const label = await ovhCall(emu, "POST", `${ZONE}/record`, { body: { fieldType: "A", subDomain: "-www", target: "192.0.2.1" } });
    expect((label.json as { message: string }).message).toBe(
      'Invalid subDomain "-www": label "-www" starts or ends with a hyphen, which a host name cannot',
    );
  });
});

describe("emulator BIND export and hostile targets", () => {
  test("a newline in a CNAME target is refused, and never reaches the export", async () => {
    const emu = await startEmulator({ zones: { "example.com": [{ subDomain: "www", fieldType: "CNAME", target: "web.example.net." }] } });
    try {
      const res = await ovhCall(emu, "POST", `${ZONE}/record`, { body: { fieldType: "CNAME", subDomain: "x", target: "a.example.net.\nevil IN A 192.0.2.66" } });
      expect(res.status).toBe(400);
      expect((await ovhCall(emu, "POST", `${ZONE}/refresh`)).status).toBe(204);
      const exported = (await ovhCall(emu, "GET", `${ZONE}/export`)).json as string;
      expect(exported).not.toContain("evil");
      expect(exported.split("\n").filter((line) => line !== "")).toHaveLength(5); // $TTL, SOA, 2 NS, www
    } finally {
      await emu.close();
    }
  });
});

describe("emulator record validation: what the real API accepts stays accepted", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ zones: { "example.com": [] } });
  });
  afterAll(() => emu.close());

  test.each([
    ["an MX host without its trailing dot (relative to the zone)", { fieldType: "MX", target: "10 mail" }],
    ["a null MX", { fieldType: "MX", target: "0 ." }],
    ["a CNAME target relative to the zone", { fieldType: "CNAME", subDomain: "alias", target: "www" }],
    ["a CNAME to an underscore name", { fieldType: "CNAME", subDomain: "s1._domainkey", target: "s1.domainkey.u1.wl.example.net." }],
    ["an SRV with the target .", { fieldType: "SRV", subDomain: "_imap._tcp", target: "0 0 0 ." }],
    ["a TXT at _acme-challenge", { fieldType: "TXT", subDomain: "_acme-challenge", target: "token" }],
    ["an A at a wildcard", { fieldType: "A", subDomain: "*.dev", target: "192.0.2.1" }],
    ["a TXT name with a hyphen inside and at the ends of a non-host type", { fieldType: "TXT", subDomain: "-odd-", target: "x" }],
    ["a label of 63 characters", { fieldType: "A", subDomain: LABEL_63, target: "192.0.2.1" }],
    ["a TXT of 255 strings of 255 bytes", { fieldType: "TXT", subDomain: "big", target: "x".repeat(255 * 255) }],
    ["a TXT with a tab-free UTF-8 text", { fieldType: "TXT", subDomain: "utf", target: "café ☕" }],
    ["a CAA with flags 128 and issuewild", { fieldType: "CAA", target: '128 issuewild ";"' }],
    ["a DKIM with spaces and a trailing ;", { fieldType: "DKIM", subDomain: "s._domainkey", target: `v=DKIM1;k=rsa; p=${KEY};` }],
    ["a DKIM revoked key (empty p=)", { fieldType: "DKIM", subDomain: "old._domainkey", target: "v=DKIM1; p=" }],
    ["a TXT with an escaped backslash before digits", { fieldType: "TXT", subDomain: "bs", target: '"a\\\\010b"' }],
    ["a TXT with the escapes of printable octets", { fieldType: "TXT", subDomain: "oct", target: '"caf\\195\\169 \\065"' }],
    ["a CAA whose value holds the digits of an escape (not a text type)", { fieldType: "CAA", target: '0 issue "ca\\010.example"' }],
  ])("POST %s -> 200", async (_name, body) => {
    const res = await ovhCall(emu, "POST", `${ZONE}/record`, { body });
    expect(res.status).toBe(200);
  });
});

describe("emulator: a zone name with a control character names no zone", () => {
  test("POST to /domain/zone/exa%0Ample.com/record -> 404, nothing stored", async () => {
    const emu = await startEmulator({ zones: { "example.com": [] } });
    try {
      const res = await ovhCall(emu, "POST", "/domain/zone/exa%0Ample.com/record", { body: { fieldType: "TXT", subDomain: "t", target: "x" } });
      expect([res.status, (res.json as { class: string }).class]).toEqual([404, "Client::NotFound"]);
      expect(emu.zone("example.com").records).toEqual([]);
    } finally {
      await emu.close();
    }
  });
});
