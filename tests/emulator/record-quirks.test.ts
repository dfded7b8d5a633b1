import { startEmulator, type Emulator } from "../../emulator";
import { wrapTxt } from "../../emulator/records/txt";
import { ovhCall } from "./helpers/ovh-call";

const ZONE = "/domain/zone/example.com";

async function create(emu: Emulator, body: Record<string, unknown>) {
  return ovhCall(emu, "POST", `${ZONE}/record`, { body });
}

describe("emulator record quirks (docs/ovh-api.md §5)", () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await startEmulator({ zones: { "example.com": [] } });
  });
  afterEach(() => emu.close());

  test("issues ids above 2^32 that increase, starting at 5390038375", async () => {
    const first = (await create(emu, { fieldType: "A", target: "192.0.2.1" })).json as { id: number };
    const second = (await create(emu, { fieldType: "A", target: "192.0.2.2" })).json as { id: number };
    expect([first.id, second.id]).toEqual([5_390_038_375, 5_390_038_376]);
  });

  test("answers records with keys in alphabetical order and the apex as an empty subDomain", async () => {
    const res = await create(emu, { fieldType: "TXT", target: "test" });
    expect(res.text).toBe('{"fieldType":"TXT","id":5390038375,"subDomain":"","target":"\\"test\\"","ttl":0,"zone":"example.com"}');
  });

  test.each([
    ["wraps a plain TXT target in quotes", "v=spf1 -all", '"v=spf1 -all"'],
    ["keeps an already-quoted target as given", '"already"', '"already"'],
    ["keeps several quoted strings as given", '"a" "b"', '"a" "b"'],
  ])("TXT: %s", async (_name, target, stored) => {
    expect((await create(emu, { fieldType: "TXT", subDomain: "t", target })).json).toMatchObject({ target: stored });
  });

  test("TXT: splits a long target into 255-byte quoted strings", async () => {
    const long = "a".repeat(255) + "b".repeat(10);
    const res = await create(emu, { fieldType: "TXT", target: long });
    expect((res.json as { target: string }).target).toBe(`"${"a".repeat(255)}" "${"b".repeat(10)}"`);
  });

  test("TXT: never cuts a multi-byte character across chunks", () => {
    expect(wrapTxt("a".repeat(254) + "é")).toBe(`"${"a".repeat(254)}" "é"`);
  });

  test("TXT targets are wrapped on PUT too, other types are stored verbatim", async () => {
    const id = ((await create(emu, { fieldType: "TXT", target: "one" })).json as { id: number }).id;
    await ovhCall(emu, "PUT", `${ZONE}/record/${id}`, { body: { target: "two" } });
    expect(emu.zone("example.com").records[0].target).toBe('"two"');
    const cname = await create(emu, { fieldType: "CNAME", subDomain: "w", target: "Target.Example.com" });
    expect(cname.json).toMatchObject({ target: "Target.Example.com" });
  });

  test.each([
    [1, 60],
    [59, 60],
    [60, 60],
    [0, 0],
    [86400, 86400],
  ])("TTL %i is stored as %i", async (ttl, stored) => {
    expect((await create(emu, { fieldType: "A", target: "192.0.2.1", ttl })).json).toMatchObject({ ttl: stored });
  });

  test("an absent or null TTL means the zone default, echoed as 0", async () => {
    expect((await create(emu, { fieldType: "A", target: "192.0.2.1" })).json).toMatchObject({ ttl: 0 });
    expect((await create(emu, { fieldType: "A", target: "192.0.2.1", ttl: null })).json).toMatchObject({ ttl: 0 });
  });

  test("a PUT raising a TTL below 60 stores 60", async () => {
    const id = ((await create(emu, { fieldType: "A", target: "192.0.2.1" })).json as { id: number }).id;
    await ovhCall(emu, "PUT", `${ZONE}/record/${id}`, { body: { ttl: 30 } });
    expect(emu.zone("example.com").records[0].ttl).toBe(60);
  });

  test("fieldType in a PUT body is a read-only alteration (400)", async () => {
    const id = ((await create(emu, { fieldType: "A", target: "192.0.2.1" })).json as { id: number }).id;
    const res = await ovhCall(emu, "PUT", `${ZONE}/record/${id}`, { body: { fieldType: "A", target: "192.0.2.9" } });
    expect([res.status, res.json]).toEqual([400, { class: "Client::BadRequest", message: "Try to alter read-only properties: fieldType" }]);
    expect(emu.zone("example.com").records[0].target).toBe("192.0.2.1");
  });

  test("a pre-2024 full-record PUT body with unchanged id and zone is accepted", async () => {
    const id = ((await create(emu, { fieldType: "A", target: "192.0.2.1" })).json as { id: number }).id;
    const res = await ovhCall(emu, "PUT", `${ZONE}/record/${id}`, { body: { id, zone: "example.com", subDomain: "x", target: "192.0.2.2", ttl: 0 } });
    expect(res.status).toBe(200);
    expect(emu.zone("example.com").records[0]).toMatchObject({ subDomain: "x", target: "192.0.2.2" });
  });

  test("DMARC is allowed only on a subDomain starting with _dmarc", async () => {
    const ok = await create(emu, { fieldType: "DMARC", subDomain: "_dmarc", target: "v=DMARC1; p=none" });
    expect(ok.status).toBe(200);
    const bad = await create(emu, { fieldType: "DMARC", subDomain: "mail", target: "v=DMARC1; p=none" });
    expect(bad.status).toBe(400);
    expect((bad.json as { message: string }).message).toMatch(/^Invalid subfield found in DMARC: .*_dmarc/);
  });

  test.each(["HINFO", "svcb", "a", ""])("refuses fieldType %p with a 400 naming it", async (fieldType) => {
    const res = await create(emu, { fieldType, target: "x" });
    expect(res.status).toBe(400);
    expect((res.json as { message: string }).message).toContain(`"${fieldType}"`);
  });

  test.each(["A", "AAAA", "CAA", "CNAME", "DKIM", "DMARC", "DNAME", "HTTPS", "LOC", "MX", "NAPTR", "NS", "PTR", "RP", "SPF", "SRV", "SSHFP", "SVCB", "TLSA", "TXT"])(
    "accepts fieldType %s",
    async (fieldType) => {
      const targets: Record<string, string> = {
        A: "192.0.2.1",
        AAAA: "2001:db8::1",
        CAA: '0 issue "letsencrypt.org"',
        CNAME: "x.example.com.",
        DKIM: "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC",
        DMARC: "v=DMARC1; p=none",
        DNAME: "x.example.net.",
        HTTPS: "1 . alpn=h3,h2",
        RP: "hostmaster.example.com. .",
        SVCB: "1 svc.example.net. port=8443",
        NS: "ns1.example.net.",
        PTR: "host.example.com.",
        SRV: "10 5 5060 sip.example.com.",
      };
      const target = targets[fieldType] ?? "10 x.example.com.";
      const subDomain = { DMARC: "_dmarc", DKIM: "s._domainkey" }[fieldType] ?? "s";
      expect((await create(emu, { fieldType, subDomain, target })).status).toBe(200);
    },
  );

  test("putRecordStatus 204 answers an empty 204 instead of 200 null", async () => {
    const alt = await startEmulator({ zones: { "example.com": [] }, putRecordStatus: 204 });
    try {
      const id = ((await create(alt, { fieldType: "A", target: "192.0.2.1" })).json as { id: number }).id;
      const res = await ovhCall(alt, "PUT", `${ZONE}/record/${id}`, { body: { ttl: 120 } });
      expect([res.status, res.text]).toEqual([204, ""]);
    } finally {
      await alt.close();
    }
  });
});
