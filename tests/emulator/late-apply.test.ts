import { startEmulator, type Emulator } from "../../emulator";
import { ovhCall } from "./helpers/ovh-call";

const ZONE = "/domain/zone/example.com";
const A_RECORD = { fieldType: "A", subDomain: "www", target: "192.0.2.1" };

describe("emulator late-apply fault", () => {
  let emu: Emulator;
  afterEach(() => emu.close());

  test("drops the connection unanswered, then applies the POST after the delay", async () => {
    // 2 s: room enough to check, after the client saw the drop, that nothing is applied yet.
    emu = await startEmulator({ zones: { "example.com": [] }, faults: { lateApplyRate: 1, methods: ["POST"], lateApplyDelayMs: 2000 } });
    await expect(ovhCall(emu, "POST", `${ZONE}/record`, { body: A_RECORD })).rejects.toThrow(/fetch failed/);
    expect(emu.zone("example.com").records).toEqual([]);
    expect(emu.log.at(-1)).toMatchObject({ method: "POST", path: `${ZONE}/record`, status: 0, outcome: "fault:late-apply", applied: false });
    await emu.settle();
    expect(emu.zone("example.com").records).toMatchObject([{ subDomain: "www", fieldType: "A", target: "192.0.2.1" }]);
    expect(emu.log.at(-1)).toMatchObject({ outcome: "fault:late-apply", applied: true, lateStatus: 200 });
    expect(emu.log.at(-1)?.appliedAt).toEqual(expect.any(Number));
    expect(emu.count({ outcome: "fault:late-apply" })).toBe(1);
  });

  test("a client that re-posts after the drop ends with two records: the duplicate a provider must avoid", async () => {
    emu = await startEmulator({ zones: { "example.com": [] } });
    emu.setFaults({ lateApplyRate: 1, methods: ["POST"], lateApplyDelayMs: 300 });
    await expect(ovhCall(emu, "POST", `${ZONE}/record`, { body: A_RECORD })).rejects.toThrow();
    emu.setFaults({});
    expect((await ovhCall(emu, "GET", `${ZONE}/record`)).json).toEqual([]);
    expect((await ovhCall(emu, "POST", `${ZONE}/record`, { body: A_RECORD })).status).toBe(200);
    await emu.settle();
    expect(emu.zone("example.com").records.map((r) => r.target)).toEqual(["192.0.2.1", "192.0.2.1"]);
    expect(emu.count({ method: "POST" })).toBe(2);
  });

  test("applies a DELETE and a PUT late too, and records the status of a call that failed when applied", async () => {
    emu = await startEmulator({ zones: { "example.com": [A_RECORD, { ...A_RECORD, subDomain: "api" }] } });
    const [www, api] = emu.zone("example.com").records.map((r) => r.id);
    emu.setFaults({ lateApplyRate: 1, methods: ["DELETE", "PUT"], lateApplyDelayMs: 300 });
    await expect(ovhCall(emu, "DELETE", `${ZONE}/record/${www}`)).rejects.toThrow();
    await expect(ovhCall(emu, "PUT", `${ZONE}/record/${api}`, { body: { target: "192.0.2.9" } })).rejects.toThrow();
    await expect(ovhCall(emu, "PUT", `${ZONE}/record/${www}`, { body: { target: "192.0.2.8" } })).rejects.toThrow();
    await emu.settle();
    expect(emu.zone("example.com").records).toMatchObject([{ id: api, target: "192.0.2.9" }]);
    const late = emu.log.filter((e) => e.outcome === "fault:late-apply").map((e) => [e.method, e.applied, e.lateStatus]);
    expect(late).toEqual([
      ["DELETE", true, 204],
      ["PUT", true, 200],
      ["PUT", false, 404], // its record was deleted first
    ]);
  });

  test("answers a call that fails authentication at once, and never applies it", async () => {
    emu = await startEmulator({ zones: { "example.com": [] }, faults: { lateApplyRate: 1, lateApplyDelayMs: 300 } });
    const res = await ovhCall(emu, "POST", `${ZONE}/record`, { body: A_RECORD, signBody: "{}" });
    expect(res.status).toBe(400);
    expect(emu.log.at(-1)).toMatchObject({ outcome: "error", applied: false });
    await emu.settle();
    expect(emu.zone("example.com").records).toEqual([]);
  });

  test("keeps to its method and path filters", async () => {
    emu = await startEmulator({ zones: { "example.com": [] } });
    emu.setFaults({ lateApplyRate: 1, methods: ["POST"], pathPattern: /\/refresh$/ });
    expect((await ovhCall(emu, "POST", `${ZONE}/record`, { body: A_RECORD })).status).toBe(200);
    expect((await ovhCall(emu, "GET", ZONE)).status).toBe(200);
    await expect(ovhCall(emu, "POST", `${ZONE}/refresh`)).rejects.toThrow();
    expect(emu.zone("example.com").pendingChanges).toBe(true);
    await emu.settle();
    expect(emu.zone("example.com").pendingChanges).toBe(false);
  });

  test("a late apply still pending at close() is never applied", async () => {
    emu = await startEmulator({ zones: { "example.com": [] }, faults: { lateApplyRate: 1, lateApplyDelayMs: 60_000 } });
    await expect(ovhCall(emu, "POST", `${ZONE}/record`, { body: A_RECORD })).rejects.toThrow();
    await emu.close();
    await emu.settle(); // resolves: nothing is pending any more
    expect(emu.zone("example.com").records).toEqual([]);
  });
});
