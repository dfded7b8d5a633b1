/**
 * Retries as the emulator's request log sees them: what was sent again, what never was, and what
 * the server did meanwhile. Faults are switched off from the client's logger at its first retry,
 * so each test has exactly one failed attempt; waits are recorded, not slept.
 */
import { type Emulator, type FaultOptions, startEmulator } from "../../emulator";
import { OvhApiError, OvhNetworkError, type OvhLogEvent, ovhErrorOutcome } from "../../provider/ovh";
import { type TestClient, appClient, caught } from "./support";

const ZONE = "example.com";
const RECORDS = `/domain/zone/${ZONE}/record`;

describe("client retries against emulator faults", () => {
  let emu: Emulator;
  let tc: TestClient;
  beforeEach(async () => {
    emu = await startEmulator({ zones: { [ZONE]: [{ subDomain: "www", fieldType: "A", target: "192.0.2.1" }] } });
  });
  afterEach(async () => {
    tc?.client.close();
    await emu.close();
  });

  /** A client whose first retry switches the faults off; backoff draws are 0.5 (half the ceiling). */
  function clientHealingAtFirstRetry(faults: FaultOptions): TestClient {
    emu.setFaults(faults);
    const heal = (e: OvhLogEvent) => e.type === "retry" && emu.setFaults({});
    // The client's clock stands still (sleeps are recorded, not slept): a pause computed as "until - now" is then
    // exactly the Retry-After, however slow the machine.
    const frozen = Date.now();
    return appClient(emu, {}, { logger: heal, random: () => 0.5, now: () => frozen });
  }

  function recordId(): number {
    return emu.zone(ZONE).records[0].id;
  }

  function calls(method: string): string[] {
    return emu.log.filter((e) => e.method === method).map((e) => `${e.status} ${e.outcome}`);
  }

  it("retries a PUT after a 503 and it succeeds, the change applied once", async () => {
    tc = clientHealingAtFirstRetry({ serverErrorRate: 1, serverErrorStatus: 503, methods: ["PUT"] });
    expect(await tc.client.put(`${RECORDS}/${recordId()}`, { target: "192.0.2.2" })).toBeNull();
    expect(calls("PUT")).toEqual(["503 fault:5xx", "200 ok"]);
    expect(emu.zone(ZONE).records.map((r) => r.target)).toEqual(["192.0.2.2"]);
    expect(tc.sleeps).toEqual([250]);
    expect(tc.events.filter((e) => e.type === "retry")).toMatchObject([{ method: "PUT", attempt: 1, status: 503, delayMs: 250, error: "Server::ServiceUnavailable" }]);
  });

  it("never sends a POST twice after a 503, and says its outcome is unknown", async () => {
    tc = clientHealingAtFirstRetry({ serverErrorRate: 1, serverErrorStatus: 503, methods: ["POST"] });
    const err = (await caught(() => tc.client.post(RECORDS, { fieldType: "A", subDomain: "api", target: "192.0.2.3" }))) as OvhApiError;
    expect(err).toBeInstanceOf(OvhApiError);
    expect([err.status, err.errorClass, err.apiMessage]).toEqual([503, "Server::ServiceUnavailable", "Service temporarily unavailable"]);
    expect(ovhErrorOutcome(err)).toBe("unknown");
    expect(calls("POST")).toEqual(["503 fault:5xx"]);
    expect(tc.sleeps).toEqual([]);
    expect(emu.zone(ZONE).records).toHaveLength(1);
  });

  it("waits exactly Retry-After before retrying a GET answered 429", async () => {
    tc = clientHealingAtFirstRetry({ tooManyRequestsRate: 1, retryAfterSeconds: 7, methods: ["GET"], pathPattern: "^/domain/zone$" });
    expect(await tc.client.get("/domain/zone")).toEqual([ZONE]);
    expect(calls("GET")).toEqual(["200 ok", "429 fault:429", "200 ok"]); // /auth/time is spared
    expect(tc.sleeps).toEqual([7000]);
    expect(tc.client.stats).toMatchObject({ throttled: 1, throttledRetried: 1, retries: 1 });
  });

  it("retries a DELETE whose connection was reset, and the record is gone once", async () => {
    tc = clientHealingAtFirstRetry({ resetRate: 1, methods: ["DELETE"] });
    expect(await tc.client.delete(`${RECORDS}/${recordId()}`)).toBeUndefined();
    expect(calls("DELETE")).toEqual(["0 fault:reset", "204 ok"]);
    expect(emu.zone(ZONE).records).toEqual([]);
    expect(tc.events.filter((e) => e.type !== "response").map((e) => `${e.type} ${e.error}`)).toEqual([
      "network-error ECONNRESET",
      "retry ECONNRESET",
    ]);
  });

  it("reports a POST whose response was lost as maybe applied, and the record does exist", async () => {
    tc = clientHealingAtFirstRetry({ lostResponseRate: 1, methods: ["POST"] });
    const err = (await caught(() => tc.client.post(RECORDS, { fieldType: "A", subDomain: "api", target: "192.0.2.4" }))) as OvhNetworkError;
    expect(err).toBeInstanceOf(OvhNetworkError);
    expect([err.kind, err.code, err.mayHaveBeenApplied, ovhErrorOutcome(err)]).toEqual(["reset", "ECONNRESET", true, "unknown"]);
    expect(err.message).toContain(`OVH API network error on POST ${RECORDS}:`);
    expect(err.message).toContain("(after the request was sent)");
    expect(emu.log.filter((e) => e.method === "POST").map((e) => [e.outcome, e.applied])).toEqual([["fault:lost", true]]);
    // Adopting it is the record layer's job; the client only says it may exist.
    expect(emu.zone(ZONE).records.map((r) => `${r.subDomain} ${r.target}`)).toEqual(["www 192.0.2.1", "api 192.0.2.4"]);
  });

  it("resends a DELETE whose response was lost: the resend's 404 is what the caller sees, the record is gone", async () => {
    tc = clientHealingAtFirstRetry({ lostResponseRate: 1, methods: ["DELETE"] });
    const id = recordId();
    const err = (await caught(() => tc.client.delete(`${RECORDS}/${id}`))) as OvhApiError;
    // The record layer reads this 404 as "already deleted" (zone-api.ts); the client just reports it.
    expect([err.status, err.apiMessage]).toEqual([404, `The requested object (id = ${id}) does not exist`]);
    expect(calls("DELETE")).toEqual(["0 fault:lost", "404 error"]);
    expect(emu.zone(ZONE).records).toEqual([]);
  });

  it("retries a PUT answered 500 after it was applied: the change is idempotent", async () => {
    tc = clientHealingAtFirstRetry({ serverErrorAfterApplyRate: 1, methods: ["PUT"] });
    expect(await tc.client.put(`${RECORDS}/${recordId()}`, { ttl: 300 })).toBeNull();
    expect(emu.log.filter((e) => e.method === "PUT").map((e) => [e.status, e.outcome, e.applied])).toEqual([
      [500, "fault:5xx-after-apply", true],
      [200, "ok", true],
    ]);
    expect(emu.zone(ZONE).records.map((r) => r.ttl)).toEqual([300]);
  });

  it("gives up on a GET after 4 attempts in total, with growing backoff", async () => {
    emu.setFaults({ serverErrorRate: 1, methods: ["GET"], pathPattern: "^/domain$" });
    tc = appClient(emu, {}, { random: () => 0.5 });
    const err = (await caught(() => tc.client.get("/domain"))) as OvhApiError;
    expect([err.status, err.errorClass]).toEqual([500, "Server::InternalServerError"]);
    expect(emu.count({ method: "GET", path: "/domain" })).toBe(4);
    expect(tc.sleeps).toEqual([250, 500, 1000]);
  });
});
