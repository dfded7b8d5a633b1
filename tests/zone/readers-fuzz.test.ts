/**
 * Property-based fuzzing (fast-check) of the Zone readers and the record checks (issue #19): hostile text in, and
 * out comes either the records or the reader's own error naming the file and line, never a crash of another kind;
 * a record's check never throws and is idempotent; a zone written as BIND reads back as the same records.
 * Bounds per input: its size (at most a few KB), its work (array elements walked, array-steps.ts, in proportion
 * to its size) and, as a guard against a hang only (a regular expression that backtracks without end walks no
 * array), 2 s of wall time where an input takes milliseconds. Bounded by count: a few seconds of CI in all.
 */
import fc from "fast-check";
import { FIELD_TYPES, checkRecordInputs } from "../../provider/records";
import { readBindZone } from "../../sdk/zone/bind-parser";
import { writeBindZone } from "../../sdk/zone/bind-writer";
import { checkZone } from "../../sdk/zone/checks";
import { declareRecords, ZoneDeclarationError, type ZoneRecordSpec } from "../../sdk/zone/records";
import { readYamlZone } from "../../sdk/zone/yaml-source";
import { ZoneFileError } from "../../sdk/zone/zone-file-error";
import { countSteps } from "./array-steps";

/** Inputs per property; `FUZZ_RUNS=4000 npx jest tests/zone/readers-fuzz.test.ts` for a longer run by hand. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
const HANG_GUARD_MS = 2_000;

/** Runs `read` on one input within the bounds above; returns what it returned or threw. */
function bounded<T>(size: number, read: () => T): { value?: T; error?: unknown } {
  const outcome: { value?: T; error?: unknown } = {};
  const started = process.hrtime.bigint();
  const steps = countSteps(() => {
    try {
      outcome.value = read();
    } catch (err) {
      outcome.error = err;
    }
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (steps > 400 * size + 50_000) throw new Error(`${steps} array steps for an input of ${size} characters: more than in proportion to it`);
  if (ms > HANG_GUARD_MS) throw new Error(`${Math.round(ms)} ms for an input of ${size} characters`);
  return outcome;
}

/** The declared records and whole-zone problems of a read zone; only the checks' own errors are allowed. */
function declareAndCheck(zoneName: string, records: ZoneRecordSpec[]): void {
  try {
    const problems = checkZone(zoneName, declareRecords(zoneName, records));
    expect(problems.every((p) => typeof p === "string" && p.length > 0)).toBe(true);
  } catch (err) {
    if (!(err instanceof ZoneDeclarationError)) throw err;
  }
}

const hostile = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.constantFrom("\u0000", "\r", "\u2028", "\u0085", "\uFEFF", "\uD800", "é", "\\", "\\\\", "\\065", "\\256", "\\226\\128\\168", "\\.", "\\046"),
);

const bindWord = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("$ORIGIN", "$TTL", "$INCLUDE", "$GENERATE", "@", "www", "*.dev", "example.com.", "sub.example.com.", "other.org.", "IN", "CH", "3600", "1h30m", "0", "-1", "99999999999") },
  { weight: 3, arbitrary: fc.constantFrom(...FIELD_TYPES, "SOA", "TYPE65", "a", "txt") },
  { weight: 3, arbitrary: fc.constantFrom("(", ")", ";", "; comment", '"', '"quoted text"', '""', "10", "203.0.113.1", "2001:db8::1", "mail", "mail.example.com.", "alpn=", '"h2,h3"', "v=spf1 -all", "v=DMARC1;", "p=none") },
  { weight: 2, arbitrary: hostile },
);
const bindLine = fc.tuple(fc.constantFrom("", " ", "\t"), fc.array(bindWord, { maxLength: 8 })).map(([lead, words]) => lead + words.join(" "));
const bindText = fc.tuple(fc.boolean(), fc.array(bindLine, { maxLength: 30 }), fc.constantFrom("\n", "\r\n"))
  .map(([origin, lines, eol]) => (origin ? "$ORIGIN example.com.\n" : "") + lines.join(eol));

describe("fuzzing Zone.fromBind's reader", () => {
  it("returns records with their lines, or refuses with zone.db:<line>, within its bounds", () => {
    fc.assert(fc.property(bindText, (text) => {
      const { value, error } = bounded(text.length, () => readBindZone("zone.db", {}, text));
      const lines = text.split("\n").length;
      if (error !== undefined) {
        expect(error).toBeInstanceOf(ZoneFileError);
        expect((error as ZoneFileError).line).toBeGreaterThanOrEqual(1);
        expect((error as ZoneFileError).line).toBeLessThanOrEqual(lines);
        expect((error as Error).message.startsWith(`zone.db:${(error as ZoneFileError).line}: `)).toBe(true);
        return;
      }
      for (const r of value!.records) expect(Number(/^zone\.db:(\d+)$/.exec(r.source ?? "")?.[1])).toBeLessThanOrEqual(lines);
      declareAndCheck(value!.zoneName, value!.records);
    }), { numRuns: RUNS });
  });

  it("reads back, as the same records, every zone of valid records the writer writes", () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const record: fc.Arbitrary<ZoneRecordSpec> = fc.oneof(
      fc.record({ subDomain: label, fieldType: fc.constant("A"), target: fc.ipV4() }),
      fc.record({ subDomain: label, fieldType: fc.constant("AAAA"), target: fc.ipV6() }),
      fc.record({ subDomain: label, fieldType: fc.constantFrom("TXT", "SPF"), target: fc.string({ unit: "grapheme", minLength: 1, maxLength: 300 }) }),
      fc.record({ subDomain: label, fieldType: fc.constant("MX"), target: fc.tuple(fc.nat(65535), label).map(([p, h]) => `${p} ${h}.example.net.`) }),
      fc.record({ subDomain: label, fieldType: fc.constant("CNAME"), target: label.map((h) => `${h}.example.org.`) }),
    ).chain((r) => fc.constantFrom(0, 60, 3600, 86400).map((ttl) => ({ ...r, ttl })));
    fc.assert(fc.property(fc.array(record, { maxLength: 20 }), (specs) => {
      const valid = specs.filter((s) => checkRecordInputs({ zoneName: "example.com", ...s }).failures.length === 0);
      const declared = declareRecords("example.com", valid);
      const text = writeBindZone("example.com", declared);
      const { value, error } = bounded(text.length, () => readBindZone("zone.db", {}, text));
      expect(error).toBeUndefined();
      const key = (r: { subDomain: string; fieldType: string; canonical: string; ttl: number }) => `${r.subDomain} ${r.fieldType} ${r.ttl} ${r.canonical}`;
      expect(declareRecords("example.com", value!.records).map(key).sort()).toEqual(declared.map(key).sort());
    }), { numRuns: RUNS });
  });
});

const yamlWord = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("zoneName:", "records:", "adopt:", "subDomain:", "fieldType:", "target:", "ttl:", "importId:", "__proto__:", "<<:", "example.com", "TXT", "A", "1.10", "0x1F", "true", "null", "~", "3600") },
  { weight: 3, arbitrary: fc.constantFrom("- ", "  ", "{", "}", "[", "]", ",", "&a", "*a", "!!js/function", "!!binary", "? ", "|", ">-", "'", '"', "#", "---", "...") },
  { weight: 2, arbitrary: hostile },
);
const yamlText = fc.oneof(
  fc.array(fc.array(yamlWord, { maxLength: 8 }).map((w) => w.join(" ")), { maxLength: 25 }).map((lines) => `zoneName: example.com\n${lines.join("\n")}`),
  // Documents of the right shape with values of any kind, written by the yaml package itself.
  fc.record({
    zoneName: fc.oneof(fc.constant("example.com"), fc.anything({ maxDepth: 2 })),
    records: fc.oneof(
      fc.array(fc.dictionary(fc.constantFrom("subDomain", "fieldType", "target", "ttl", "extra"), fc.oneof(hostile, fc.anything({ maxDepth: 1 }))), { maxLength: 8 }),
      fc.dictionary(fc.string({ maxLength: 6 }), fc.record({ fieldType: fc.constantFrom(...FIELD_TYPES), target: hostile }), { maxKeys: 8 }),
      fc.anything({ maxDepth: 2 }),
    ),
  }, { requiredKeys: [] }).map((doc) => JSON.stringify(doc)),
);

describe("fuzzing Zone.fromYaml's reader", () => {
  it("returns records with their lines, or refuses naming records.yaml, within its bounds", () => {
    fc.assert(fc.property(yamlText, (text) => {
      const { value, error } = bounded(text.length, () => readYamlZone("records.yaml", text));
      if (error !== undefined) {
        expect(error).toBeInstanceOf(Error);
        expect([TypeError, RangeError, ReferenceError, SyntaxError].some((kind) => error instanceof kind)).toBe(false);
        expect((error as Error).message.startsWith("records.yaml")).toBe(true);
        return;
      }
      for (const r of value!.records) expect(r.source).toMatch(/^records\.yaml:\d+ \(.*\)$/s);
      declareAndCheck(value!.zoneName, value!.records);
    }), { numRuns: RUNS });
  });
});

describe("fuzzing the record checks", () => {
  const field = fc.oneof(hostile, fc.anything({ maxDepth: 1 }));
  it("answer any inputs with failures naming a field (never a throw), and accept what they return as it is", () => {
    const raw = fc.record({
      zoneName: fc.oneof(fc.constant("example.com"), field),
      subDomain: fc.oneof(fc.constantFrom("", "www", "_dmarc", "_sip._tcp"), field),
      fieldType: fc.oneof(fc.constantFrom(...FIELD_TYPES), field),
      target: fc.oneof(fc.constantFrom("203.0.113.1", "10 mail.example.com.", "v=spf1 -all", '0 issue "ca.example"'), field),
      ttl: fc.oneof(fc.constantFrom(0, 60, 3600), field),
    }, { requiredKeys: [] });
    fc.assert(fc.property(raw, (input) => {
      const { value, error } = bounded(JSON.stringify(input ?? null)?.length ?? 0, () => checkRecordInputs(input));
      expect(error).toBeUndefined();
      for (const f of value!.failures) {
        expect(["zoneName", "subDomain", "fieldType", "target", "ttl"]).toContain(f.property);
        expect(f.reason.length).toBeGreaterThan(0);
      }
      if (value!.failures.length === 0) {
        const again = checkRecordInputs(value!.spec as Record<string, unknown>);
        expect(again.failures).toEqual([]);
        expect(again.spec).toEqual(value!.spec);
      }
    }), { numRuns: RUNS, examples: [[{ target: { toString: false } }], [{ ttl: { valueOf: 1 } }]] });
  });
});
