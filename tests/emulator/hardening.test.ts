import { startEmulator, type Emulator } from "../../emulator";
import { ovhCall } from "./helpers/ovh-call";

const ZONE = "/domain/zone/example.com";

describe("emulator record ids: one spelling per record", () => {
  let emu: Emulator;
  let id: number;
  beforeAll(async () => {
    emu = await startEmulator({ zones: { "example.com": [{ subDomain: "www", fieldType: "A", target: "192.0.2.1" }] } });
    id = emu.zone("example.com").records[0].id;
  });
  afterAll(() => emu.close());

  test("the canonical id finds the record", async () => {
    expect((await ovhCall(emu, "GET", `${ZONE}/record/${id}`)).status).toBe(200);
  });

  test.each([
    ["a leading zero", (n: number) => `0${n}`],
    ["two leading zeros", (n: number) => `00${n}`],
    ["a plus sign", (n: number) => `+${n}`],
    ["a decimal point", (n: number) => `${n}.0`],
    ["an exponent", (n: number) => `${n / 1e9}e9`],
    ["a number past 2^53", () => "99999999999999999999"],
    ["zero", () => "0"],
  ])("an id with %s names no record (404) and deletes nothing", async (_name, spell) => {
    const spelled = spell(id);
    const got = await ovhCall(emu, "GET", `${ZONE}/record/${encodeURIComponent(spelled)}`);
    expect([got.status, got.json]).toEqual([404, { class: "Client::NotFound", message: `The requested object (id = ${spelled}) does not exist` }]);
    expect((await ovhCall(emu, "DELETE", `${ZONE}/record/${encodeURIComponent(spelled)}`)).status).toBe(404);
    expect(emu.zone("example.com").records.map((r) => r.id)).toEqual([id]);
  });
});

describe("emulator request log: capped, with exact counts", () => {
  let emu: Emulator;
  afterEach(() => emu.close());

  test("keeps the last logLimit entries and counts every request", async () => {
    emu = await startEmulator({ zones: { "example.com": [] }, logLimit: 10 });
    for (let i = 0; i < 25; i++) await ovhCall(emu, "GET", i % 5 === 0 ? `${ZONE}/status` : ZONE);
    expect(emu.log.map((e) => e.seq)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    expect(emu.count()).toBe(25);
    expect(emu.count({ path: `${ZONE}/status` })).toBe(5);
    expect(emu.count({ path: /status$/, status: 200, method: "GET", outcome: "ok" })).toBe(5);
    expect(emu.count({ path: ZONE })).toBe(20);
    emu.clearLog();
    expect([emu.log.length, emu.count()]).toEqual([0, 0]);
    await ovhCall(emu, "GET", ZONE);
    expect([emu.log.map((e) => e.seq), emu.count()]).toEqual([[26], 1]);
  });

  test("holds at most the limit however many requests came", async () => {
    emu = await startEmulator({ zones: { "example.com": [] }, logLimit: 3 });
    for (let i = 0; i < 20; i++) await ovhCall(emu, "GET", ZONE);
    expect(emu.log).toHaveLength(3);
    expect(emu.count({ method: "GET" })).toBe(20);
  });

  test("refuses a logLimit that is not a whole number", async () => {
    await expect(startEmulator({ logLimit: -1 })).rejects.toThrow("OVH emulator: logLimit must be a whole number >= 0, got -1");
    emu = await startEmulator({ logLimit: 0 });
    await ovhCall(emu, "GET", "/auth/time", { unsigned: true });
    expect([emu.log.length, emu.count()]).toEqual([0, 1]);
  });
});
