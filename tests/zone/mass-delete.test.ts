import { judgeMassDelete, ZoneManifestProvider, type ZoneManifestInputs } from "../../provider/zone-manifest";

const records = (n: number, from = 0) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`r${i + from}-A`, `r${i + from} A 203.0.113.${i + from}`]));
const inputs = (over: Partial<ZoneManifestInputs>): ZoneManifestInputs => ({
  zoneName: "example.com", records: {}, maxDeletePercent: 30, allowMassDelete: false, unmanagedDeletions: [], ...over,
});

describe("judgeMassDelete", () => {
  it("lets a first update and additions through", () => {
    expect(judgeMassDelete({}, inputs({ records: records(20) })).refusal).toBeUndefined();
    expect(judgeMassDelete(inputs({ records: records(10) }), inputs({ records: records(20) })).going).toEqual([]);
  });

  it("refuses deleting more than maxDeletePercent, listing what would go and how to allow it", () => {
    const verdict = judgeMassDelete(inputs({ records: records(20) }), inputs({ records: records(10) }));
    expect(verdict.going).toHaveLength(10);
    expect(verdict.refusal).toContain("zone example.com: this update would delete or replace 10 of the 20 records the stack manages there (50% > maxDeletePercent 30)");
    expect(verdict.refusal).toContain("  - r10 A 203.0.113.10 (r10-A)\n");
    expect(verdict.refusal).toContain("pulumi config set ovhdns:allowMassDelete true");
  });

  it("lets exactly maxDeletePercent through, and the percentage does not apply under 10 records", () => {
    expect(judgeMassDelete(inputs({ records: records(10) }), inputs({ records: records(7) })).refusal).toBeUndefined();
    expect(judgeMassDelete(inputs({ records: records(10) }), inputs({ records: records(6) })).refusal).toBeDefined();
    expect(judgeMassDelete(inputs({ records: records(9) }), inputs({ records: {} })).refusal).toBeUndefined();
  });

  it("refuses more than maxDeleteCount at any size", () => {
    expect(judgeMassDelete(inputs({ records: records(3) }), inputs({ records: records(1), maxDeleteCount: 1 })).refusal).toContain("more than maxDeleteCount 1");
  });

  it("counts every record as replaced when the zone name changes", () => {
    expect(judgeMassDelete(inputs({ records: records(20) }), inputs({ zoneName: "example.org", records: records(20) })).going).toHaveLength(20);
  });

  it("counts each record once: a record the previous update declared is its child's delete, never an unmanaged one too", () => {
    const verdict = judgeMassDelete(inputs({ records: records(10) }), inputs({
      records: records(9),
      unmanagedDeletions: [
        { record: { subDomain: "R9", fieldType: "a", target: "203.0.113.9" }, description: "r9 A 203.0.113.9" },
        { record: { subDomain: "x", fieldType: "A", target: "1.2.3.4" }, description: "x A 1.2.3.4" },
      ],
    }));
    expect(verdict.going).toEqual(["r9 A 203.0.113.9 (r9-A)", "x A 1.2.3.4 (not declared)"]);
    expect(verdict.existing).toBe(11);
  });

  it("counts as unmanaged a second copy of a removed record, and every record of a zone the Zone moved to", () => {
    const copy = { record: { subDomain: "r9", fieldType: "A", target: "203.0.113.9" }, description: "r9 A 203.0.113.9 (id 2)" };
    const twice = judgeMassDelete(inputs({ records: records(10) }), inputs({ records: records(9), unmanagedDeletions: [copy, copy] }));
    expect(twice.going).toEqual(["r9 A 203.0.113.9 (r9-A)", "r9 A 203.0.113.9 (id 2) (not declared)"]);
    const moved = judgeMassDelete(inputs({ records: records(10) }), inputs({ zoneName: "example.org", records: records(10), unmanagedDeletions: [copy] }));
    expect(moved.existing).toBe(11);
  });

  it("lets anything through when allowed", () => {
    expect(judgeMassDelete(inputs({ records: records(20) }), inputs({ allowMassDelete: true })).refusal).toBeUndefined();
  });
});

describe("ZoneManifestProvider.check", () => {
  const provider = new ZoneManifestProvider();

  it("fails with the refusal when the update deletes too much, and passes the inputs through otherwise, with what was removed", async () => {
    const refused = await provider.check(inputs({ records: records(20) }) as never, inputs({ records: records(5) }) as never);
    expect(refused.failures).toEqual([{ property: "", reason: expect.stringContaining("15 of the 20 records") }]);
    const fine = await provider.check(inputs({ records: records(20) }) as never, inputs({ records: records(19) }) as never);
    const removed = [{ subDomain: "r19", fieldType: "A", target: "203.0.113.19" }];
    expect(fine).toEqual({ inputs: { ...inputs({ records: records(19) }), removed }, failures: [] });
  });

  it("refuses inputs of the wrong shape, naming the field", async () => {
    const res = await provider.check({}, { zoneName: "", records: [], maxDeletePercent: 130 });
    expect((res.failures ?? []).map((f) => f.reason)).toEqual([
      "zoneName must be a zone name such as example.com",
      "records must be a map of key to record",
      "maxDeletePercent must be a number from 0 to 100",
      "unmanagedDeletions must be a list",
    ]);
  });
});
