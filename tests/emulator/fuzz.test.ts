import { startEmulator, type Emulator } from "../../emulator";
import { FuzzCases } from "./helpers/fuzz-requests";
import { ovhCall } from "./helpers/ovh-call";
import { sendRaw, type RawOutcome } from "./helpers/raw-http";

/** Reproduce a run with FUZZ_SEED=n (and FUZZ_COUNT=m for a longer one). */
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_201);
const COUNT = Number(process.env.FUZZ_COUNT ?? 500);
/** An answer (or a close) must come within this; the slowest case pauses 170 ms. */
const BOUND_MS = 5000;
const ZONE = "example.com";

describe(`emulator fuzz (seed ${SEED}, ${COUNT} requests)`, () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ zones: { [ZONE]: [{ subDomain: "www", fieldType: "A", target: "192.0.2.1" }] } });
  });
  afterAll(() => emu.close());

  const snapshot = () => JSON.stringify([emu.zone(ZONE), emu.zone(ZONE).exportText()]);

  test("hostile requests get a 4xx (or a clean close when the client left), never a 5xx or a hang, state unchanged", async () => {
    const c = emu.credentials;
    const cases = new FuzzCases(SEED, {
      port: emu.port,
      origin: emu.origin,
      applicationKey: c.applicationKey,
      applicationSecret: c.applicationSecret,
      consumerKey: c.consumerKey,
      zone: ZONE,
      recordId: emu.zone(ZONE).records[0].id,
    });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < COUNT; i++) {
      const fuzz = cases.next();
      const before = snapshot();
      const outcome: RawOutcome = await sendRaw(emu.port, fuzz.chunks, BOUND_MS, fuzz.abort);
      const where = `#${i} ${fuzz.name}`;
      if (outcome.kind === "hang") failures.push(`${where}: no answer and no close within ${BOUND_MS} ms`);
      if (outcome.kind === "closed" && !fuzz.abort) failures.push(`${where}: closed without an answer`);
      if (outcome.kind === "answered") {
        statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
        if (outcome.status >= 500) failures.push(`${where}: ${outcome.status} ${outcome.body.slice(0, 120)}`);
        if (outcome.status >= 400 && !fuzz.head && !/^\{"class":"Client::\w+","message":"[^"]/.test(outcome.body) && !/^<!doctype html>/.test(outcome.body) && !/"error":"/.test(outcome.body)) {
          failures.push(`${where}: ${outcome.status} without an OVH-shaped body: ${outcome.body.slice(0, 120)}`);
        }
      }
      const refused = outcome.kind !== "answered" || outcome.status >= 400;
      if (refused && snapshot() !== before) failures.push(`${where}: refused, yet the zone changed`);
      if (i % 100 === 99 && (await ovhCall(emu, "GET", `/domain/zone/${ZONE}`)).status !== 200) failures.push(`#${i}: the emulator stopped serving`);
    }
    expect(failures).toEqual([]);
    // The fuzz reached every layer: routing (404), auth (400/401/403), validation (400), parsing (413/431).
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 401, 403, 404, 413, 431]));
  }, 120_000);

  test("the emulator still serves, creates, refreshes and exports after the fuzz", async () => {
    expect((await ovhCall(emu, "POST", `/domain/zone/${ZONE}/record`, { body: { fieldType: "A", subDomain: "after", target: "192.0.2.9" } })).status).toBe(200);
    expect((await ovhCall(emu, "POST", `/domain/zone/${ZONE}/refresh`)).status).toBe(204);
    const exported = (await ovhCall(emu, "GET", `/domain/zone/${ZONE}/export`)).json as string;
    expect(exported).toContain("after\tIN A\t192.0.2.9");
    expect(exported).not.toContain("192.0.2.66"); // no injected line
    expect(emu.log.filter((e) => e.status >= 500)).toEqual([]);
  });
});
