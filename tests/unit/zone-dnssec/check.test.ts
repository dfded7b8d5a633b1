import { checkZoneDnssec, diffZoneDnssec } from "../../../provider/zone-dnssec/check";
import { waitForDnssec } from "../../../provider/zone-dnssec/wait";
import type { DnssecStatus } from "../../../provider/zone-dnssec/api";
import { UNKNOWN_VALUE } from "../../../provider/zone-record";

describe("checkZoneDnssec", () => {
  test("accepts a zone name, lower-cased, and a timeout in range", () => {
    expect(checkZoneDnssec({ zoneName: "Example.COM", timeoutSeconds: 120 })).toEqual({ inputs: { zoneName: "example.com", timeoutSeconds: 120 }, failures: [] });
    expect(checkZoneDnssec({ zoneName: "example.com" })).toEqual({ inputs: { zoneName: "example.com" }, failures: [] });
  });

  test.each([
    [{}, "zoneName", "zoneName is required: the zone to sign with DNSSEC, e.g. example.com"],
    [{ zoneName: "  " }, "zoneName", "zoneName is required"],
    [{ zoneName: "example.com", timeoutSeconds: 5 }, "timeoutSeconds", "timeoutSeconds 5 is not a whole number from 10 to 86400: it bounds how long an up waits"],
    [{ zoneName: "example.com", timeoutSeconds: 86401 }, "timeoutSeconds", "timeoutSeconds 86401 is not a whole number from 10 to 86400"],
    [{ zoneName: "example.com", timeoutSeconds: "60" }, "timeoutSeconds", 'timeoutSeconds "60" is not a whole number'],
    [{ zoneName: "example.com", timeoutSeconds: 60.5 }, "timeoutSeconds", "timeoutSeconds 60.5 is not a whole number"],
    [{ zoneName: "example.com", status: "enabled", enabled: true }, "enabled", 'unknown property "enabled": a ZoneDnssec takes zoneName and timeoutSeconds'],
  ])("refuses %j on %s, saying what to do", (news, property, reason) => {
    expect(checkZoneDnssec(news).failures).toEqual([{ property, reason: expect.stringContaining(reason) }]);
  });

  test("refuses a malformed zone name on zoneName", () => {
    expect(checkZoneDnssec({ zoneName: "exa mple.com" }).failures.map((f) => f.property)).toEqual(["zoneName"]);
  });

  test("leaves a value not known yet (a preview) to the up", () => {
    expect(checkZoneDnssec({ zoneName: UNKNOWN_VALUE, timeoutSeconds: UNKNOWN_VALUE })).toEqual({ inputs: { zoneName: UNKNOWN_VALUE, timeoutSeconds: UNKNOWN_VALUE }, failures: [] });
  });
});

describe("diffZoneDnssec", () => {
  const olds = { zoneName: "example.com", status: "enabled", adopted: false };
  test("no change while the state says enabled and the inputs are the same", () => {
    expect(diffZoneDnssec(olds, { zoneName: "example.com" })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });
  test.each(["disabled", "enableInProgress", "disableInProgress"])("a state status %s (a refresh after a change elsewhere) is an update in place", (status) => {
    expect(diffZoneDnssec({ ...olds, status }, { zoneName: "example.com" })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });
  test("a new timeout is an update; another zone replaces the resource", () => {
    expect(diffZoneDnssec(olds, { zoneName: "example.com", timeoutSeconds: 60 })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(diffZoneDnssec(olds, { zoneName: "example.net" })).toEqual({ changes: true, replaces: ["zoneName"], deleteBeforeReplace: false });
  });
});

describe("waitForDnssec", () => {
  /** A status source answering `answers` in turn, on a clock moved only by the wait's sleeps. */
  function rig(answers: DnssecStatus[]) {
    let clock = 0;
    const sleeps: number[] = [];
    const seen: string[] = [];
    const read = async () => answers.shift() ?? "enableInProgress";
    const options = {
      now: () => clock,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        clock += ms;
      },
      progress: (status: DnssecStatus, waited: number) => seen.push(`${status}@${waited}`),
    };
    return { read, options, sleeps, seen };
  }

  test("polls at doubling intervals until the status wanted, reporting each poll", async () => {
    const { read, options, sleeps, seen } = rig(["enableInProgress", "enableInProgress", "enableInProgress", "enabled"]);
    expect(await waitForDnssec(read, "enabled", { ...options, timeoutMs: 60_000 })).toEqual({ status: "enabled", reached: true, waitedMs: 1750 });
    expect(sleeps).toEqual([250, 500, 1000]);
    expect(seen).toEqual(["enableInProgress@0", "enableInProgress@250", "enableInProgress@750", "enabled@1750"]);
  });

  test("gives up at the timeout, never sleeping past it, with the last status", async () => {
    const { read, options, sleeps } = rig([]);
    expect(await waitForDnssec(read, "enabled", { ...options, timeoutMs: 5_000, maxIntervalMs: 2_000 })).toEqual({ status: "enableInProgress", reached: false, waitedMs: 5_000 });
    expect(sleeps).toEqual([250, 500, 1000, 2000, 1250]);
  });

  test("stops at once when the status moves away from the one wanted", async () => {
    const { read, options, sleeps } = rig(["enableInProgress", "disabled"]);
    expect(await waitForDnssec(read, "enabled", { ...options, timeoutMs: 60_000 })).toEqual({ status: "disabled", reached: false, waitedMs: 250 });
    expect(sleeps).toEqual([250]);
  });
});
