import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { ovhCall } from "./helpers/ovh-call";

const DNSSEC = "/domain/zone/example.com/dnssec";
const DELAY = 60_000;

describe("emulator GET/POST/DELETE /domain/zone/{zone}/dnssec", () => {
  let emu: Emulator;
  // The emulator's clock, moved by the tests (within the signature's 180 s tolerance): no sleeping.
  let clock: number;
  const status = async (zone = "example.com") => (await ovhCall(emu, "GET", `/domain/zone/${zone}/dnssec`)).json;
  const refusal = async (method: "POST" | "DELETE", route = DNSSEC, body?: unknown) => {
    const res = await ovhCall(emu, method, route, body === undefined ? {} : { body });
    return [res.status, (res.json as { class: string; message: string }).class, (res.json as { message: string }).message];
  };
  beforeEach(async () => {
    clock = Date.now();
    emu = await startEmulator({ zones: { "example.com": [], "no-dnssec.example": [] }, dnssecDelayMs: DELAY, dnssecUnsupported: ["no-dnssec.example"], now: () => clock });
  });
  afterEach(() => emu.close());

  test("goes disabled, enableInProgress, enabled, disableInProgress, disabled, each step after the delay", async () => {
    expect(await status()).toEqual({ status: "disabled" });
    const post = await ovhCall(emu, "POST", DNSSEC);
    expect([post.status, post.json]).toEqual([200, null]);
    expect(await status()).toEqual({ status: "enableInProgress" });
    clock += DELAY - 1;
    expect(await status()).toEqual({ status: "enableInProgress" });
    clock += 1;
    expect(await status()).toEqual({ status: "enabled" });
    expect(emu.zone("example.com").dnssec).toBe("enabled");
    expect((await ovhCall(emu, "GET", "/domain/zone/example.com")).json).toMatchObject({ dnssecActivated: true, dnssecSupported: true });
    expect((await ovhCall(emu, "DELETE", DNSSEC)).status).toBe(200);
    expect(await status()).toEqual({ status: "disableInProgress" });
    clock += DELAY;
    expect(await status()).toEqual({ status: "disabled" });
    expect((await ovhCall(emu, "GET", "/domain/zone/example.com")).json).toMatchObject({ dnssecActivated: false });
  });

  test("refuses an enable while enabled or in progress, and a disable while disabled or in progress, changing nothing", async () => {
    expect(await refusal("DELETE")).toEqual([404, "Client::NotFound", "DNSSEC is not enabled for this zone"]);
    await ovhCall(emu, "POST", DNSSEC);
    expect(await refusal("POST")).toEqual([409, "Client::Conflict", "A DNSSEC task is already running for this zone (status enableInProgress)"]);
    expect(await refusal("DELETE")).toEqual([409, "Client::Conflict", "A DNSSEC task is already running for this zone (status enableInProgress)"]);
    clock += DELAY;
    expect(await refusal("POST")).toEqual([409, "Client::Conflict", "DNSSEC is already enabled for this zone"]);
    expect(await status()).toEqual({ status: "enabled" });
  });

  test("a zone that cannot have DNSSEC says so in GET and refuses the enable with a 400, staying disabled", async () => {
    expect((await ovhCall(emu, "GET", "/domain/zone/no-dnssec.example")).json).toMatchObject({ dnssecActivated: false, dnssecSupported: false });
    expect(await refusal("POST", "/domain/zone/no-dnssec.example/dnssec")).toEqual([400, "Client::BadRequest", "DNSSEC is not supported for this zone"]);
    expect(await status("no-dnssec.example")).toEqual({ status: "disabled" });
  });

  test("refuses a body on the enable, and answers 404 for an unknown zone", async () => {
    expect(await refusal("POST", DNSSEC, { status: "enabled" })).toEqual([400, "Client::BadRequest", "This call takes no body parameters"]);
    expect(await status()).toEqual({ status: "disabled" });
    for (const method of ["GET", "POST", "DELETE"] as const) {
      expect((await ovhCall(emu, method, "/domain/zone/nope.example/dnssec")).status).toBe(404);
    }
  });

  test("a fault before the apply leaves DNSSEC as it was; a lost answer after it leaves the enable running", async () => {
    emu.setFaults({ serverErrorRate: 1, methods: ["POST"] });
    expect((await ovhCall(emu, "POST", DNSSEC)).status).toBe(500);
    expect(await status()).toEqual({ status: "disabled" });
    emu.setFaults({ serverErrorAfterApplyRate: 1, methods: ["POST"] });
    expect((await ovhCall(emu, "POST", DNSSEC)).status).toBe(500);
    expect(await status()).toEqual({ status: "enableInProgress" });
  });

  test("the state file keeps the DNSSEC state and the zones that cannot have it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dnssec-state-"));
    const stateFile = path.join(dir, "state.json");
    const first = await startEmulator({ zones: { "example.com": [], "no-dnssec.example": [] }, dnssecUnsupported: ["no-dnssec.example"], dnssecDelayMs: 0, stateFile });
    await ovhCall(first, "POST", DNSSEC).finally(() => first.close());
    const second = await startEmulator({ stateFile, dnssecDelayMs: 0 });
    try {
      expect((await ovhCall(second, "GET", DNSSEC)).json).toEqual({ status: "enabled" });
      expect((await ovhCall(second, "GET", "/domain/zone/no-dnssec.example")).json).toMatchObject({ dnssecSupported: false });
    } finally {
      await second.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
