import { startEmulator, type Emulator } from "../../emulator";
import { ovhCall } from "./helpers/ovh-call";

describe("emulator zone names (DNS names: ASCII letter case does not matter)", () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await startEmulator({ zones: { "example.com": [{ subDomain: "www", fieldType: "A", target: "192.0.2.1" }] } });
  });
  afterEach(() => emu.close());

  test("a zone named in another case is the same zone, and answers with its own name", async () => {
    const zone = await ovhCall(emu, "GET", "/domain/zone/EXAMPLE.Com");
    expect([zone.status, (zone.json as { name: string }).name]).toEqual([200, "example.com"]);
    const created = await ovhCall(emu, "POST", "/domain/zone/Example.COM/record", { body: { fieldType: "A", subDomain: "api", target: "192.0.2.2" } });
    expect([created.status, (created.json as { zone: string }).zone]).toEqual([200, "example.com"]);
    expect((await ovhCall(emu, "GET", "/domain/zone/EXAMPLE.COM/record")).json).toHaveLength(2);
    expect(emu.zone("Example.com").records.map((r) => r.subDomain)).toEqual(["www", "api"]);
  });

  test("the listing keeps names as created, and a different name is still unknown", async () => {
    expect((await ovhCall(emu, "GET", "/domain/zone")).json).toEqual(["example.com"]);
    const missing = await ovhCall(emu, "GET", "/domain/zone/example.co");
    expect([missing.status, missing.json]).toEqual([404, { class: "Client::NotFound", message: "This service does not exist" }]);
  });

  test("adding a zone in another case replaces it rather than making a twin", async () => {
    emu.addZone("EXAMPLE.com");
    expect((await ovhCall(emu, "GET", "/domain/zone")).json).toEqual(["EXAMPLE.com"]);
    expect(emu.zone("example.com").records).toEqual([]);
  });
});
