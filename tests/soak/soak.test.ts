/**
 * A small fault soak (tools/soak): 30 records through create, change and churn rounds with 10% of the calls
 * faulted, each round applied through Pulumi's real plugin host with the engine's retry rules; after each
 * round the zone must hold exactly the declared records and the state must match it. The host loads the
 * provider from the built package (`npm run build`, run by `npm test` first).
 */
import { compareRound, desiredForRound, runSoak, type SoakReport, type SoakState } from "../../tools/soak";
import type { ZoneViewRecord } from "../../emulator";

jest.setTimeout(60_000);

describe("the fault soak", () => {
  let report: SoakReport;
  beforeAll(async () => {
    report = await runSoak({ records: 30, rounds: 3, faultRate: 0.1, seed: 7, latencyMs: 1 });
  });

  it("injects faults in every round, of every kind over the soak", () => {
    const perRound = report.rounds.map((r) => Object.values(r.faults).reduce((a, b) => a + b, 0) > 0);
    expect(perRound).toEqual([true, true, true]);
    const kinds = Object.keys(report.rounds[0].faults) as (keyof SoakReport["rounds"][0]["faults"])[];
    const unseen = kinds.filter((k) => report.rounds.every((r) => r.faults[k] === 0));
    expect(unseen).toEqual([]);
  });

  it.each([1, 2, 3])("ends round %i with the zone exactly as declared and the state matching it", (n) => {
    const round = report.rounds[n - 1];
    expect(round.errors).toEqual([]);
    expect(round.comparison).toEqual({ ok: true, missing: [], duplicates: [], extra: [], stateMismatches: [], unpublished: [] });
  });

  it("reports the whole soak as ok", () => {
    expect(report.rounds.map((r) => r.declared)).toEqual([30, 30, 31]);
    expect(report.ok).toBe(true);
  });
});

describe("the soak's comparison", () => {
  const declared = desiredForRound(1, 3, []);
  const zone: ZoneViewRecord[] = declared.map((d, i) => ({ id: 100 + i, ...d.inputs }));
  const state: SoakState = new Map(declared.map((d, i) => [d.urn, { id: String(100 + i), inputs: d.inputs, outputs: d.inputs, initError: false }]));

  it("agrees when zone, declaration and state agree", () => {
    expect(compareRound(zone, declared, state, zone).ok).toBe(true);
  });

  it("detects a planted duplicate", () => {
    const result = compareRound([...zone, { ...zone[1], id: 999 }], declared, state, zone);
    expect(result.ok).toBe(false);
    expect(result.duplicates).toEqual(["A h1 10.0.0.2 3600 (x2)"]);
  });

  it("detects a missing record and a state entry pointing at nothing", () => {
    const result = compareRound(zone.slice(1), declared, state, zone.slice(1));
    expect(result.missing).toEqual(["A h0 10.0.0.1 3600"]);
    expect(result.stateMismatches).toEqual(["r0: id 100 is not in the zone"]);
  });

  it("detects a deleted record still served and a declared record not yet served (no refresh published them)", () => {
    const stale = [{ ...zone[0], target: "10.9.9.9" }, zone[1], zone[2], { id: 998, subDomain: "gone", fieldType: "A", target: "10.0.0.9", ttl: 3600 }];
    const result = compareRound(zone, declared, state, stale);
    expect(result.ok).toBe(false);
    expect(result.unpublished).toEqual(["not served: A h0 10.0.0.1 3600", "still served: A h0 10.9.9.9 3600", "still served: A gone 10.0.0.9 3600"]);
    expect([result.missing, result.extra, result.stateMismatches]).toEqual([[], [], []]);
  });
});
