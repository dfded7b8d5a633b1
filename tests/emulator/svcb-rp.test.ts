/**
 * The emulator and the provider agree on RP, SVCB and HTTPS (docs/ovh-api.md §5): every target the provider's
 * check refuses, the emulator answers with a 400 in OVH's error shape, and every target the provider takes, the
 * emulator stores. The two are independent code (emulator/records/svcb.ts, provider/records/types/svc-params.ts),
 * so this table is what keeps them in step. A host name without its trailing dot is the one planned difference:
 * the provider asks for the dot, OVH (and so the emulator) reads the name as relative to the zone.
 */
import { startEmulator, type Emulator } from "../../emulator";
import { checkRecordInputs } from "../../provider/records";
import { ovhCall } from "./helpers/ovh-call";

const REFUSED: [string, string, RegExp][] = [
  ["RP", "hostmaster.example.com.", /^Invalid RP target/],
  ["RP", "hostmaster@example.com. .", /^Invalid RP mbox-dname/],
  ["SVCB", "1", /^Invalid SVCB target/],
  ["SVCB", "65536 .", /^Invalid SVCB priority "65536"/],
  ["SVCB", "0 svc.example.net. alpn=h2", /AliasMode \(priority 0\) takes no SvcParams/],
  ["HTTPS", "1 . ech=AEn+DQBF", /^Invalid SvcParam key 'ech'$/],
  ["HTTPS", "1 . key5=AEn+DQBF", /^Invalid SvcParam key 'ech'$/],
  ["HTTPS", "1 . dohpath=/q", /^Invalid SvcParam key 'dohpath'$/],
  ["HTTPS", "1 . key1=h2", /^Invalid SvcParam key 'key1'$/],
  ["HTTPS", "1 . key65535", /^Invalid SvcParam key 'key65535'$/],
  ["HTTPS", "1 . key007", /^Invalid SvcParam key 'key007'$/],
  ["HTTPS", "1 . alpn=h2 ALPN=h3", /key 'alpn' appears twice/],
  ["HTTPS", "1 . alpn", /^Invalid SvcParam 'alpn': a value is required/],
  ["HTTPS", "1 . alpn=h2,,h3", /an item is empty/],
  ["HTTPS", "1 . port=65536", /^Invalid SvcParam 'port' "65536"/],
  ["HTTPS", "1 . ipv4hint=192.0.2.1,2001:db8::1", /"2001:db8::1" is not an IPv4 address/],
  ["HTTPS", "1 . ipv6hint=192.0.2.1", /"192.0.2.1" is not an IPv6 address/],
  ["HTTPS", "1 . no-default-alpn", /'no-default-alpn' requires 'alpn'/],
  ["HTTPS", "1 . alpn=h2 no-default-alpn=yes", /'no-default-alpn': it takes no value/],
  ["HTTPS", "1 . mandatory=port alpn=h2", /"port" is not in the record/],
  ["HTTPS", "1 . mandatory=mandatory alpn=h2", /cannot list itself/],
  ["HTTPS", "1 . mandatory=alpn,alpn alpn=h2", /"alpn" is listed twice/],
  ["HTTPS", "1 . mandatory=colour alpn=h2", /"colour" is not a key/],
  ["HTTPS", "1 . mandatory=ech alpn=h2", /"ech" is not in the record/],
  ["HTTPS", '1 . alpn="h2', /a quoted value is not closed/],
];

const ACCEPTED: [string, string][] = [
  ["RP", "hostmaster.example.com. info.example.com."],
  ["RP", ". ."],
  ["SVCB", "0 svc.example.net."],
  ["SVCB", "1 svc.example.net. alpn=h2,h3 port=8443 ipv4hint=192.0.2.1,192.0.2.2 ipv6hint=2001:db8::1"],
  ["SVCB", '1 svc.example.net. mandatory=alpn,port alpn="h2" port="853" key667="a b"'],
  ["HTTPS", "1 . alpn=h3,h2 no-default-alpn"],
  ["HTTPS", "2 Pool.Example.NET. ALPN=h2 Port=443"],
];

function providerFailures(fieldType: string, target: string): string[] {
  return checkRecordInputs({ zoneName: "example.com", subDomain: "s", fieldType, target, ttl: 0 }).failures.map((f) => f.reason);
}

describe("RP, SVCB and HTTPS in the emulator, in step with the provider's check", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ zones: { "example.com": [] } });
  });
  afterAll(() => emu.close());

  test.each(REFUSED)("%s %j: both refuse, the emulator with a 400", async (fieldType, target, message) => {
    expect(providerFailures(fieldType, target)).not.toEqual([]);
    const res = await ovhCall(emu, "POST", "/domain/zone/example.com/record", { body: { fieldType, subDomain: "s", target } });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ class: "Client::BadRequest" });
    expect((res.json as { message: string }).message).toMatch(message);
  });

  test.each(ACCEPTED)("%s %j: both take it, the emulator stores it as sent", async (fieldType, target) => {
    expect(providerFailures(fieldType, target)).toEqual([]);
    const res = await ovhCall(emu, "POST", "/domain/zone/example.com/record", { body: { fieldType, subDomain: "s", target } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ fieldType, target });
  });
});
