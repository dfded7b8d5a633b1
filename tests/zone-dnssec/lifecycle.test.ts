/**
 * ZoneDnssecProvider against the emulator over real sockets, on one clock shared by the emulator and the provider's
 * wait (the wait's sleeps move it): enable and disable with their waits, taking over, the refusals, the timeout that
 * leaves a state the next step finishes, and the key's missing rule worded as doctor words it.
 */
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";
import { OvhApiError } from "../../provider/ovh";
import { SessionPool } from "../../provider/zone-record";
import { ZoneApi } from "../../provider/zone-record/zone-api";
import { DnssecSteps } from "../../provider/zone-dnssec/lifecycle";
import { DnssecInitError, DnssecRefusedError, ZoneDnssecError } from "../../provider/zone-dnssec/errors";
import { ZoneDnssecProvider } from "../../provider/zone-dnssec/provider";
import { behindPulumi, stackConfigFor } from "../zone-record/support";

const DELAY = 30_000;
const DNSSEC = "/domain/zone/example.com/dnssec";

describe("ZoneDnssecProvider against the emulator", () => {
  let emulator: Emulator;
  let provider: ZoneDnssecProvider;
  let clock: number;
  let lines: string[];
  const calls = () => emulator.log.filter((e) => e.path.endsWith("/dnssec") || e.path.endsWith("/domain/zone/example.com") || e.path.includes("no-dnssec")).map((e) => `${e.method} ${e.path} ${e.status}`);

  async function start(config?: (e: Emulator) => Record<string, string>, extra: Partial<EmulatorOptions> = {}) {
    clock = Date.now();
    lines = [];
    emulator = await startEmulator({
      zones: { "example.com": [], "no-dnssec.example": [] }, dnssecUnsupported: ["no-dnssec.example"], dnssecDelayMs: DELAY,
      now: () => clock, clockToleranceSeconds: 1_000_000, ...extra,
    });
    provider = new ZoneDnssecProvider(new SessionPool(), {
      log: (line) => lines.push(line),
      wait: { now: () => clock, sleep: async (ms) => void (clock += ms) },
    });
    const stack = config ? config(emulator) : stackConfigFor(emulator);
    await provider.configure({ config: { get: (key: string) => stack[key], require: (key: string) => stack[key] } } as never);
  }
  afterEach(() => emulator.close());

  test("create enables and waits for the task, reporting each poll; delete disables and waits", async () => {
    await start();
    const created = await provider.create({ zoneName: "example.com" });
    expect(created).toEqual({ id: "example.com", outs: { zoneName: "example.com", status: "enabled", adopted: false } });
    expect(emulator.zone("example.com").dnssec).toBe("enabled");
    expect(emulator.log.filter((e) => e.method !== "GET").map((e) => `${e.method} ${e.path}`)).toEqual([`POST ${DNSSEC}`]);
    expect(lines[0]).toBe("DNSSEC of example.com: enable sent (OVH's DnssecEnable task)");
    expect(lines.slice(1, 3)).toEqual(["DNSSEC of example.com: enableInProgress (0.0 s of at most 600 s)", "DNSSEC of example.com: enableInProgress (0.3 s of at most 600 s)"]);
    expect(lines.at(-1)).toMatch(/^DNSSEC of example\.com: enabled \(3\d\.\d s of at most 600 s\)$/);

    expect(await provider.read("example.com", created.outs)).toEqual({ id: "example.com", props: created.outs });
    await provider.delete("example.com", created.outs);
    expect(emulator.zone("example.com").dnssec).toBe("disabled");
    expect(emulator.log.filter((e) => e.method === "DELETE").length).toBe(1);
  });

  test("takes over a DNSSEC already enabled with no request, and says so", async () => {
    await start();
    await behindPulumi({ emulator }).post(DNSSEC);
    clock += DELAY;
    emulator.clearLog();
    const created = await provider.create({ zoneName: "example.com", timeoutSeconds: 60 });
    expect(created.outs).toEqual({ zoneName: "example.com", timeoutSeconds: 60, status: "enabled", adopted: true });
    expect(emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
    expect(lines).toEqual(["DNSSEC of example.com: already enabled: taken over (adopted), nothing sent"]);
  });

  test("a zone that cannot have DNSSEC fails the create on zoneName with nothing sent", async () => {
    await start();
    const err = await provider.create({ zoneName: "no-dnssec.example" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DnssecRefusedError);
    expect((err as Error).message).toMatch(/^zoneName no-dnssec\.example: this zone cannot have DNSSEC \(GET \/domain\/zone\/no-dnssec\.example answers dnssecSupported: false.*nothing was sent: remove the ZoneDnssec of this zone$/);
    expect(emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
    expect(emulator.zone("no-dnssec.example").dnssec).toBe("disabled");
  });

  test("OVH's own refusal of the enable is worded on zoneName with its message; a refusal of the key's rules is left to the zone diagnosis", async () => {
    const answer = (refusal: OvhApiError) => new ZoneApi({
      request: async <T>(method: string, path: string): Promise<T> => {
        if (method === "POST") throw refusal;
        return (path.endsWith("/dnssec") ? { status: "disabled" } : { dnssecSupported: true }) as T;
      },
    });
    const ovhSays = new OvhApiError({ status: 400, apiMessage: "DNSSEC cannot be enabled on this zone yet", method: "POST", path: DNSSEC });
    const steps = new DnssecSteps({ zones: answer(ovhSays), log: () => undefined }, "example.com", 60);
    const err = await steps.enable({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DnssecRefusedError);
    expect((err as Error).message).toBe("zoneName example.com: OVH refused to enable DNSSEC: DNSSEC cannot be enabled on this zone yet (nothing was started)");
    const notGranted = new OvhApiError({ status: 403, errorCode: "NOT_GRANTED_CALL", apiMessage: "This call has not been granted", method: "POST", path: DNSSEC });
    expect(await new DnssecSteps({ zones: answer(notGranted), log: () => undefined }, "example.com", 60).enable({}).catch((e: unknown) => e)).toBe(notGranted);
  });

  test("a status outside the schema's four is an error naming it, and nothing is sent", async () => {
    const sent: string[] = [];
    const zones = new ZoneApi({
      request: async <T>(method: string): Promise<T> => {
        sent.push(method);
        return { status: "pending" } as T;
      },
    });
    const err = await new DnssecSteps({ zones, log: () => undefined }, "example.com", 60).enable({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZoneDnssecError);
    expect((err as Error).message).toBe('GET /domain/zone/example.com/dnssec answered status "pending", not one of disabled, enableInProgress, enabled, disableInProgress: nothing was changed');
    expect(sent).toEqual(["GET"]);
  });

  test("a timeout keeps the resource in the state with its status; the next up waits for the same task, sending nothing twice", async () => {
    await start();
    const err = await provider.create({ zoneName: "example.com", timeoutSeconds: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DnssecInitError);
    const init = err as DnssecInitError;
    expect(init.message).toBe(
      "DNSSEC of zone example.com is still enableInProgress after 10 s: OVH's DnssecEnable task has not ended and nothing was undone. " +
        "Run `pulumi up` again later (it waits for the same task, sending nothing twice), or raise timeoutSeconds",
    );
    expect([init.id, init.properties]).toEqual(["example.com", { zoneName: "example.com", timeoutSeconds: 10, status: "enableInProgress", adopted: false }]);
    const update = await provider.update("example.com", init.properties, { zoneName: "example.com", timeoutSeconds: 60 });
    expect(update.outs).toEqual({ zoneName: "example.com", timeoutSeconds: 60, status: "enabled", adopted: false });
    expect(emulator.log.filter((e) => e.method === "POST").length).toBe(1);
  });

  test("a disable that times out fails the destroy, and the next destroy finishes it without a second DELETE", async () => {
    await start();
    const { outs } = await provider.create({ zoneName: "example.com", timeoutSeconds: 10 }).catch((e: DnssecInitError) => ({ outs: e.properties }));
    clock += DELAY;
    const err = await provider.delete("example.com", outs).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZoneDnssecError);
    expect((err as Error).message).toContain("is still disableInProgress after 10 s: OVH's DnssecDisable task has not ended and nothing was undone. Run `pulumi destroy` again later");
    await provider.delete("example.com", { ...outs, timeoutSeconds: 60 });
    expect(emulator.zone("example.com").dnssec).toBe("disabled");
    expect(emulator.log.filter((e) => e.method === "DELETE").length).toBe(1);
  });

  test("an enable applied but answered 500 fails the create; the next create waits for that enable, sending no second POST", async () => {
    await start();
    emulator.setFaults({ serverErrorAfterApplyRate: 1, methods: ["POST"], pathPattern: "/dnssec$" });
    const err = await provider.create({ zoneName: "example.com" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OvhApiError);
    expect((err as OvhApiError).status).toBe(500);
    emulator.setFaults({});
    const created = await provider.create({ zoneName: "example.com" });
    expect(created.outs).toMatchObject({ status: "enabled", adopted: false });
    expect(emulator.log.filter((e) => e.method === "POST").length).toBe(1);
    expect(lines).toContain("DNSSEC of example.com: an enable is already running: waiting for it, nothing sent");
  });

  test("a delete with DNSSEC already off, or of a zone gone, sends nothing and says so", async () => {
    await start();
    await provider.delete("example.com", { zoneName: "example.com", status: "enabled", adopted: false });
    await provider.delete("gone.example", { zoneName: "gone.example", status: "enabled", adopted: false });
    expect(emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
    expect(lines).toEqual(["DNSSEC of example.com: already disabled: nothing sent", "DNSSEC of gone.example: zone not found: nothing to disable"]);
  });

  test("refresh shows a disable made elsewhere; the update enables again", async () => {
    await start();
    const { outs } = await provider.create({ zoneName: "example.com" });
    await behindPulumi({ emulator }).delete(DNSSEC);
    clock += DELAY;
    const read = await provider.read("example.com", outs);
    expect(read.props).toMatchObject({ status: "disabled" });
    const update = await provider.update("example.com", read.props!, { zoneName: "example.com" });
    expect(update.outs).toMatchObject({ status: "enabled", adopted: false });
  });

  test("a key without the DNSSEC rules gets doctor's words and the flag to ask for", async () => {
    const ck = "ck-records-only-000000000000000";
    await start((e) => ({ ...stackConfigFor(e), "ovh:consumerKey": ck }), {
      consumerKeys: [{ consumerKey: ck, applicationKey: "ak-dnssec", rules: [{ method: "GET", path: "/domain/zone/example.com" }, { method: "GET", path: "/domain/zone/example.com/*" }] }],
      defaultCredentials: { applicationKey: "ak-dnssec" },
    });
    const err = await provider.create({ zoneName: "example.com" }).catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      "POST /domain/zone/example.com/dnssec was refused: missing rule POST /domain/zone/example.com/dnssec (needed to enable DNSSEC): " +
        "request a key with `pulumi-ovh-dns credentials --zone example.com --with-dnssec`",
    );
    expect(emulator.zone("example.com").dnssec).toBe("disabled");
    expect(calls().filter((c) => c.startsWith("POST"))).toEqual([`POST ${DNSSEC} 403`]);
  });
});
