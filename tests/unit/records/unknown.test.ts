import { checkRecordInputs, normaliseRecordInputs, validateRecord, type RecordInputs } from "../../../provider/records";

/** Pulumi's "not known yet" sentinel, as a dynamic provider receives it during a preview. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const isUnknown = (v: unknown): boolean => v === UNKNOWN;

describe("unknown values during a preview", () => {
  test("an unknown value is passed through untouched and is never an error", () => {
    const raw = { zoneName: UNKNOWN, subDomain: UNKNOWN, fieldType: UNKNOWN, target: UNKNOWN, ttl: UNKNOWN };
    expect(checkRecordInputs(raw, isUnknown)).toEqual({ spec: raw, failures: [] });
  });

  test("an unknown ttl is not read as a bad ttl string", () => {
    const result = normaliseRecordInputs({ zoneName: "example.com", fieldType: "A", target: "192.0.2.1", ttl: UNKNOWN }, isUnknown);
    expect(result.failures).toEqual([]);
    expect(result.spec.ttl).toBe(UNKNOWN);
  });

  test("an unknown target skips the target check but the known inputs are still checked", () => {
    const { failures } = checkRecordInputs({ zoneName: "example.com", subDomain: "", fieldType: "CNAME", target: UNKNOWN, ttl: 30 }, isUnknown);
    expect(failures.map((f) => f.property)).toEqual(["subDomain", "ttl"]);
  });

  test("an unknown fieldType skips every check that depends on it and leaves the target as written", () => {
    const { spec, failures } = checkRecordInputs({ zoneName: "example.com", subDomain: "", fieldType: UNKNOWN, target: " 10 MAIL.example.com " }, isUnknown);
    expect(failures).toEqual([]);
    expect(spec.target).toBe(" 10 MAIL.example.com ");
  });

  test("an unknown zone skips the zone-dependent subDomain checks", () => {
    const failures = validateRecord({ zoneName: UNKNOWN, subDomain: "www.example.com", fieldType: "A", target: "192.0.2.1", ttl: 0 }, isUnknown);
    expect(failures).toEqual([]);
  });

  test("an unknown subDomain skips the DMARC placement rule", () => {
    expect(checkRecordInputs({ zoneName: "example.com", subDomain: UNKNOWN, fieldType: "DMARC", target: "v=DMARC1; p=none" }, isUnknown).failures).toEqual([]);
  });

  test("a host without trailing dot is still refused when the zone is unknown, with the dotted fix", () => {
    const { failures } = checkRecordInputs({ zoneName: UNKNOWN, subDomain: "www", fieldType: "CNAME", target: "target.example.net" }, isUnknown);
    expect(failures).toEqual([
      { property: "target", reason: 'CNAME target "target.example.net" has no trailing dot: OVH reads a name without one as relative to the zone; use "target.example.net."' },
    ]);
  });
});

describe("validateRecord on inputs that skipped normalisation", () => {
  test("skips a value of the wrong type instead of misreading it", () => {
    const spec = { zoneName: "example.com", subDomain: "", fieldType: "A", target: 42, ttl: "30" } as unknown as RecordInputs;
    expect(validateRecord(spec)).toEqual([]);
  });
});
