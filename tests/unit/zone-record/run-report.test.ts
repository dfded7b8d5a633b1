/**
 * The run's report alone: which refresh serves which write, what a failed write leaves, and the bounded summary.
 * The lifecycle feeding it through the emulator is tests/zone-record/failure-summary.test.ts.
 */
import { RecordIdError } from "../../../provider/records";
import { OvhApiError, OvhNetworkError } from "../../../provider/ovh";
import { endWithSummary, idempotentWriteFailure, RunReport } from "../../../provider/zone-record/run-report";

const ZONE = "example.com";
const a = (i: number) => ({ subDomain: `h${i}`, fieldType: "A", target: `192.0.2.${i}` });
const written = async (report: RunReport, i: number) => report.begin(ZONE, "create", a(i)).write(async () => ({ id: i }), () => "not-written");
const refused = (report: RunReport, i: number) =>
  report.begin(ZONE, "create", a(i)).write(() => Promise.reject(new Error("400")), () => "not-written").catch(() => undefined);
const failing = () => Promise.reject(new Error("refresh failed"));

describe("RunReport", () => {
  it("serves a write only by a refresh that started after it was answered and succeeded", async () => {
    const report = new RunReport();
    await written(report, 1);
    let finish!: () => void;
    const running = report.refreshing(ZONE, () => new Promise<void>((r) => (finish = r)));
    await written(report, 2); // answered while the refresh runs: not covered by it
    finish();
    await running;
    expect(report.summary(ZONE)).toBe(
      "In zone example.com, this run so far:\n  - 1 written and served;\n  - 1 written, waiting for a zone refresh of this run (created h2 A 192.0.2.2).",
    );
    await report.refreshing(ZONE, async () => undefined);
    expect(report.summary(ZONE)).toBe("In zone example.com, this run so far:\n  - 2 written and served.");
  });

  it("marks the writes a failed refresh covered, until a later refresh succeeds", async () => {
    const report = new RunReport();
    await written(report, 1);
    await expect(report.refreshing(ZONE, failing)).rejects.toThrow("refresh failed");
    expect(report.summary(ZONE)).toContain(
      "1 written but not served, the zone refresh that publishes it failed (created h1 A 192.0.2.1): the next `pulumi up` refreshes the zone again",
    );
    await report.refreshing(ZONE, async () => undefined);
    expect(report.summary(ZONE)).toBe("In zone example.com, this run so far:\n  - 1 written and served.");
  });

  it("keeps zones apart, and says nothing of a zone the run did not change", async () => {
    const report = new RunReport();
    await written(report, 1);
    await expect(report.refreshing("other.example", failing)).rejects.toThrow();
    expect(report.summary(ZONE)).toContain("1 written, waiting for a zone refresh");
    expect(report.summary("other.example")).toBe("");
  });

  it("names at most five records per state, then counts, and cuts a long name", async () => {
    const report = new RunReport();
    for (let i = 1; i <= 7; i++) await refused(report, i);
    const txt = { subDomain: "dkim._domainkey", fieldType: "TXT", target: `"v=DKIM1; k=rsa; p=${"A".repeat(300)}"` };
    await report.begin(ZONE, "delete", txt, "5").write(() => Promise.reject(new Error("500")), () => "may-be-applied").catch(() => undefined);
    const summary = report.summary(ZONE);
    expect(summary).toContain(
      "7 not written, nothing of them reached the zone (created h1 A 192.0.2.1, created h2 A 192.0.2.2, created h3 A 192.0.2.3, " +
        "created h4 A 192.0.2.4, created h5 A 192.0.2.5 and 2 more): each failed step's error says why, and the next `pulumi up` tries again",
    );
    const cut = /1 unknown, a change that may have been applied \((deleted dkim\._domainkey TXT "v=DKIM1; k=rsa; p=A+\.\.\.)\)/.exec(summary);
    expect(cut?.[1]).toHaveLength(80);
    expect(summary.length).toBeLessThan(700);
  });

  it("says what the next up does for each kind of unknown, and counts the changes still in progress", async () => {
    const report = new RunReport();
    await report.begin(ZONE, "create", a(1)).write(() => Promise.reject(new Error("lost")), () => "may-exist").catch(() => undefined);
    await report.begin(ZONE, "create", a(2)).write(() => Promise.reject(new Error("id")), () => "untracked").catch(() => undefined);
    report.begin(ZONE, "update", a(3), "3");
    expect(report.summary(ZONE)).toBe(
      "In zone example.com, this run so far:\n" +
        "  - 1 unknown, a POST whose answer was lost and whose look-up failed (created h1 A 192.0.2.1): the record may exist; it stays in " +
        "the state as unsettled, and the next `pulumi up` (or `pulumi refresh`) takes it over instead of posting it again: keep it declared until then;\n" +
        "  - 1 made with an id this provider cannot track, so not in the state (created h2 A 192.0.2.2): delete it in the OVH console, then run `pulumi up`;\n" +
        "  - 1 other change(s) still in progress.",
    );
  });

  it("keeps one change per record: a later change of the same record id replaces the earlier", async () => {
    const report = new RunReport();
    await report.begin(ZONE, "create", a(1)).write(async () => ({ id: 11 }), () => "not-written", (r) => String(r.id));
    await report.refreshing(ZONE, async () => undefined);
    await report.begin(ZONE, "delete", a(1), "11").write(async () => true, () => "not-written");
    expect(report.summary(ZONE)).toBe("In zone example.com, this run so far:\n  - 1 written, waiting for a zone refresh of this run (deleted h1 A 192.0.2.1).");
  });

  it("drops a step that wrote nothing and succeeded, keeps one that failed as not written, and forgets a failed write when told", async () => {
    const report = new RunReport();
    const adopted = report.begin(ZONE, "create", a(1));
    adopted.ended();
    const refusedBeforeWriting = report.begin(ZONE, "create", a(2));
    refusedBeforeWriting.failed();
    refusedBeforeWriting.ended();
    await report.begin(ZONE, "delete", a(3), "3").write(() => Promise.reject(new Error("500")), () => undefined).catch(() => undefined);
    expect(report.summary(ZONE)).toBe(
      "In zone example.com, this run so far:\n  - 1 not written, nothing of it reached the zone (created h2 A 192.0.2.2): each failed step's error says why, and the next `pulumi up` tries again.",
    );
  });
});

describe("what a failed PUT or DELETE left", () => {
  it.each([
    ["a 404", "not-written", new OvhApiError({ status: 404, apiMessage: "gone", method: "PUT", path: "/p" })],
    ["a refused connection", "not-written", new OvhNetworkError({ method: "PUT", path: "/p", kind: "refused", mayHaveBeenApplied: false, reason: "refused" })],
    ["an id refused before sending", "not-written", new RecordIdError("bad id")],
    ["a 500", "may-be-applied", new OvhApiError({ status: 500, apiMessage: "boom", method: "PUT", path: "/p" })],
    ["a timeout after sending", "may-be-applied", new OvhNetworkError({ method: "DELETE", path: "/p", kind: "timeout", mayHaveBeenApplied: true, reason: "timed out" })],
  ])("%s: %s", (_what, left, err) => {
    expect(idempotentWriteFailure(err)).toBe(left);
  });
});

describe("endWithSummary", () => {
  it("ends the message and an init failure's reasons with the summary, replacing an earlier one", () => {
    const err = Object.assign(new Error("the refresh failed"), { reasons: ["the refresh failed"] });
    endWithSummary(err, "In zone example.com, this run so far:\n  - 1 written and served.");
    endWithSummary(err, "In zone example.com, this run so far:\n  - 2 written and served.");
    expect(err.message).toBe("the refresh failed\nIn zone example.com, this run so far:\n  - 2 written and served.");
    expect(err.reasons).toEqual([err.message]);
    endWithSummary(err, "");
    expect(err.message).toBe("the refresh failed\nIn zone example.com, this run so far:\n  - 2 written and served.");
  });
});
