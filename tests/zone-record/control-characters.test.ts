/**
 * The provider's `check` (what `pulumi preview` runs, and `pulumi up` before any step) refuses a record holding
 * a control character in any field, naming the field and the character, and makes no API call: the 400 OVH
 * answers such a record with (the emulator's) used to come during the `up`, after other records were written.
 * And a credential with one in the stack config fails the first call at once, naming the key: no request, no retry.
 */
import { OvhConfigError } from "../../provider/ovh";
import { stackConfigFor, startRig, type Rig } from "./support";

describe("ZoneRecord check with control characters", () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(() => rig.emulator.close());

  const record = { zoneName: "example.com", subDomain: "note", fieldType: "TXT", target: "v=1" };

  test.each([
    ["a TXT holding a NUL", { target: "v=1\u0000" }, "target", "U+0000 (null) at position 4"],
    ["a TXT holding CR LF", { target: "line one\r\nline two" }, "target", "U+000D (carriage return) at position 9"],
    ["a TXT holding a line feed", { target: "line one\nline two" }, "target", "U+000A (line feed) at position 9"],
    ["a CNAME target holding a line feed", { fieldType: "CNAME", target: "web.example.net.\nevil IN A 192.0.2.66" }, "target", "U+000A (line feed) at position 17"],
    ["a subDomain holding a line separator", { subDomain: "no\u2028te" }, "subDomain", "U+2028 (line separator) at position 3"],
    ["a zoneName holding a tab", { zoneName: "exam\tple.com" }, "zoneName", "U+0009 (tab) at position 5"],
  ])("refuses %s, naming the field and the character, and sends nothing", async (_what, change, property, found) => {
    const before = rig.emulator.log.length;
    const result = await rig.provider.check({}, { ...record, ...change });
    expect(result.failures).toEqual([{ property, reason: expect.stringContaining(`${property} holds ${found};`) }]);
    expect(rig.emulator.log.length).toBe(before);
    expect(rig.emulator.zone("example.com").records).toEqual([]);
  });

  test("accepts the same record without the character", async () => {
    expect((await rig.provider.check({}, record)).failures).toEqual([]);
  });
});

describe("ZoneRecord create with a stack config key holding a line feed", () => {
  const PLANTED = "PLANTED-5e2a";
  test.each([
    ["ovh:consumerKey", (ck: string) => `${ck}\n${PLANTED}`],
    ["ovh:applicationKey", (ak: string) => `${ak}\r\nX-Injected: ${PLANTED}`],
    ["ovh:endpoint", (url: string) => `${url}\nHost: ${PLANTED}`],
  ])("%s: fails at once, naming the key, and sends no request", async (key, spoil) => {
    const rig = await startRig({}, (e) => {
      const config = stackConfigFor(e);
      return { ...config, [key]: spoil(config[key]) };
    });
    try {
      const started = Date.now();
      const error = await rig.provider.create({ zoneName: "example.com", subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 0 }).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(OvhConfigError);
      expect((error as Error).message).toMatch(new RegExp(`^Unusable OVH credentials: Pulumi config ${key} contains U\\+000[AD] \\(`));
      expect((error as Error).message).not.toContain(PLANTED);
      expect(rig.emulator.log).toEqual([]);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await rig.emulator.close();
    }
  });
});
