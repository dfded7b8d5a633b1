/**
 * The API's clock against the client's (docs/ovh-api.md §1 TSTAMP, §2 "Query out of time"): the client learns
 * the offset once from GET /auth/time and signs with the server's time from then on.
 */
import { type Emulator, startEmulator } from "../../emulator";
import { OvhApiError, ovhErrorOutcome } from "../../provider/ovh";
import { appClient, caught } from "./support";

describe("client clock against the emulator's", () => {
  let emu: Emulator | undefined;
  afterEach(() => emu?.close());

  it.each([
    ["an hour ahead", 3_600_000],
    ["an hour behind", -3_600_000],
    ["a day ahead", 86_400_000],
  ])("signs valid requests when the API's clock is %s, with one GET /auth/time for many calls", async (_name, skewMs) => {
    emu = await startEmulator({ now: () => Date.now() + skewMs, domains: ["example.com"], zones: { "example.com": [] } });
    const { client } = appClient(emu);
    // Concurrent first calls share one time sync; later calls reuse the offset.
    const first = await Promise.all(Array.from({ length: 5 }, () => client.get("/domain")));
    for (let i = 0; i < 15; i++) await client.get("/domain/zone/example.com");
    expect(first).toEqual(Array(5).fill(["example.com"]));
    expect(emu.count({ path: "/auth/time" })).toBe(1);
    expect(emu.count({ status: 200 })).toBe(21);
    expect(client.stats.timeSyncs).toBe(1);
    client.close();
  });

  it("re-syncs its clock once on QUERY_TIME_OUT when the API's clock jumps after the client synced, and the call succeeds", async () => {
    let jumpMs = 0;
    emu = await startEmulator({ now: () => Date.now() + jumpMs, clockToleranceSeconds: 180, errorFormat: "both", zones: { "example.com": [] } });
    const { client } = appClient(emu);
    expect(await client.get("/domain")).toEqual(["example.com"]);
    jumpMs = 600_000;
    expect(await client.get("/domain")).toEqual(["example.com"]);
    // A POST refused at authentication was not applied: it is sent again after the re-sync, and made once.
    jumpMs = 1_200_000;
    await client.post("/domain/zone/example.com/record", { fieldType: "A", subDomain: "x", target: "192.0.2.1" });
    expect(emu.log.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
      "GET /auth/time 200", "GET /domain 200",
      "GET /domain 400", "GET /auth/time 200", "GET /domain 200",
      "POST /domain/zone/example.com/record 400", "GET /auth/time 200", "POST /domain/zone/example.com/record 200",
    ]);
    expect(emu.zone("example.com").records).toHaveLength(1);
    expect(client.stats.timeSyncs).toBe(3);
    client.close();
  });

  it("answers QUERY_TIME_OUT with a clock hint when the API's clock still disagrees after one re-sync", async () => {
    let jumpMs = 0;
    // The API's clock jumps 10 minutes at every reading: a re-synced offset is already stale when used.
    emu = await startEmulator({ now: () => Date.now() + (jumpMs += 600_000), clockToleranceSeconds: 180, errorFormat: "both" });
    const { client } = appClient(emu);
    const err = (await caught(() => client.get("/domain"))) as OvhApiError;
    expect(err).toBeInstanceOf(OvhApiError);
    expect([err.status, err.errorClass, err.errorCode, err.apiMessage]).toEqual([400, "Client::BadRequest", "QUERY_TIME_OUT", "Query out of time"]);
    expect(err.hint).toContain("outside the API's tolerance: check the machine's clock");
    expect(ovhErrorOutcome(err)).toBe("not-applied");
    // Once, not in a loop: two syncs, two refused calls.
    expect(emu.log.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(["GET /auth/time 200", "GET /domain 400", "GET /auth/time 200", "GET /domain 400"]);
    expect(err.queryId).toMatch(/^EU\.ext-3\./);
    client.close();
  });

  it("stays within a shrunk tolerance of 5 s while the API's clock is 10 minutes behind", async () => {
    emu = await startEmulator({ now: () => Date.now() - 600_000, clockToleranceSeconds: 5 });
    const { client } = appClient(emu);
    for (let i = 0; i < 10; i++) await client.get("/domain/zone");
    expect([emu.count({ status: 200 }), emu.count({ status: 400 })]).toEqual([11, 0]);
    client.close();
  });
});
