import { request } from "node:http";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";
import { ovhCall } from "./helpers/ovh-call";

const ZONE = "/domain/zone/example.com";
const A_RECORD = { fieldType: "A", subDomain: "www", target: "192.0.2.1" };

describe("emulator faults", () => {
  let emu: Emulator;
  const start = async (options: EmulatorOptions) => {
    emu = await startEmulator({ zones: { "example.com": [] }, ...options });
  };
  afterEach(() => emu.close());

  test("are off by default", async () => {
    await start({});
    for (let i = 0; i < 20; i++) expect((await ovhCall(emu, "GET", ZONE)).status).toBe(200);
  });

  test("reset destroys the connection and applies nothing", async () => {
    await start({ faults: { resetRate: 1 } });
    await expect(ovhCall(emu, "POST", `${ZONE}/record`, { body: A_RECORD })).rejects.toThrow();
    expect(emu.log.at(-1)).toMatchObject({ method: "POST", status: 0, outcome: "fault:reset", applied: false });
    expect(emu.zone("example.com").records).toEqual([]);
  });

  test("lost response applies the change, then destroys the connection", async () => {
    await start({ faults: { lostResponseRate: 1 } });
    await expect(ovhCall(emu, "POST", `${ZONE}/record`, { body: A_RECORD })).rejects.toThrow();
    expect(emu.log.at(-1)).toMatchObject({ method: "POST", status: 0, outcome: "fault:lost", applied: true });
    expect(emu.zone("example.com").records).toMatchObject([{ subDomain: "www", target: "192.0.2.1" }]);
  });

  test("server error answers a 500 before applying anything", async () => {
    await start({ faults: { serverErrorRate: 1 } });
    const res = await ovhCall(emu, "POST", `${ZONE}/record`, { body: A_RECORD });
    expect([res.status, res.json]).toEqual([500, { class: "Server::InternalServerError", message: "Internal server error" }]);
    expect(emu.log.at(-1)).toMatchObject({ status: 500, outcome: "fault:5xx", applied: false });
    expect(emu.zone("example.com").records).toEqual([]);
  });

  test("server error can be a 503", async () => {
    await start({ faults: { serverErrorRate: 1, serverErrorStatus: 503 } });
    const res = await ovhCall(emu, "GET", ZONE);
    expect([res.status, (res.json as { class: string }).class]).toEqual([503, "Server::ServiceUnavailable"]);
  });

  test("server error after apply stores the change and answers 500", async () => {
    await start({ faults: { serverErrorAfterApplyRate: 1 } });
    const res = await ovhCall(emu, "POST", `${ZONE}/record`, { body: A_RECORD });
    expect(res.status).toBe(500);
    expect(emu.log.at(-1)).toMatchObject({ status: 500, outcome: "fault:5xx-after-apply", applied: true });
    expect(emu.zone("example.com").records).toHaveLength(1);
  });

  test("too many requests answers 429 with Retry-After and applies nothing", async () => {
    await start({ faults: { tooManyRequestsRate: 1, retryAfterSeconds: 7 } });
    const res = await ovhCall(emu, "POST", `${ZONE}/record`, { body: A_RECORD });
    expect([res.status, res.headers.get("retry-after"), (res.json as { class: string }).class]).toEqual([429, "7", "Client::TooManyRequests"]);
    expect(emu.count({ outcome: "fault:429" })).toBe(1);
    expect(emu.zone("example.com").records).toEqual([]);
  });

  test("latency delays answers that still arrive whole", async () => {
    await start({ faults: { latencyMs: 5 } });
    expect((await ovhCall(emu, "GET", ZONE)).status).toBe(200);
  });

  test("close() during a long latency ends the pending request and leaves no timer", async () => {
    await start({ faults: { latencyMs: 60_000 } });
    const outcome = new Promise<string>((resolve) => {
      const req = request(`${emu.url}/auth/time`, (res) => resolve(`answered ${res.statusCode}`));
      req.on("error", (err) => resolve(`failed: ${err.message}`));
      req.on("finish", () => void emu.close()); // the request is on the wire, its answer 60 s away
      req.end();
    });
    expect(await outcome).toMatch(/^failed: /);
    expect(emu.count()).toBe(0);
  });

  test("can be limited to methods and a path pattern", async () => {
    await start({ faults: { serverErrorRate: 1, methods: ["POST"], pathPattern: /\/refresh$/ } });
    expect((await ovhCall(emu, "GET", ZONE)).status).toBe(200);
    expect((await ovhCall(emu, "POST", `${ZONE}/record`, { body: A_RECORD })).status).toBe(200);
    expect((await ovhCall(emu, "POST", `${ZONE}/refresh`)).status).toBe(500);
  });

  test("spare GET /auth/time unless faultAuthTime is set", async () => {
    await start({ faults: { serverErrorRate: 1 } });
    expect((await ovhCall(emu, "GET", "/auth/time", { unsigned: true })).status).toBe(200);
    emu.setFaults({ serverErrorRate: 1, faultAuthTime: true });
    expect((await ovhCall(emu, "GET", "/auth/time", { unsigned: true })).status).toBe(500);
  });

  test("setFaults switches faults on and off at run time", async () => {
    await start({});
    emu.setFaults({ serverErrorRate: 1 });
    expect((await ovhCall(emu, "GET", ZONE)).status).toBe(500);
    emu.setFaults({});
    expect((await ovhCall(emu, "GET", ZONE)).status).toBe(200);
  });

  test("are reproducible for a given seed", async () => {
    const statuses = async (seed: number) => {
      const one = await startEmulator({ zones: { "example.com": [] }, seed, faults: { serverErrorRate: 0.5 } });
      const out: number[] = [];
      for (let i = 0; i < 16; i++) out.push((await ovhCall(one, "GET", ZONE)).status);
      await one.close();
      return out;
    };
    await start({});
    const first = await statuses(42);
    expect(await statuses(42)).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await statuses(7)).not.toEqual(first);
  });
});
