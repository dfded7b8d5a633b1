/**
 * Control characters in a record's fields are refused by the shared check (checkRecordInputs, which the
 * ZoneRecord's `check`, the Zone component and `export` use), per field, naming the field, the character and
 * its position in the value as written and what to write instead; never quoting the raw character. What
 * normalisation removes before sending (a line break at the end of a name, a tab between an MX's fields) is
 * accepted, since it never reaches OVH.
 */
import { checkRecordInputs, FIELD_TYPES, type RecordFailure } from "../../../provider/records";
import { declareRecords, ZoneDeclarationError } from "../../../sdk/zone/records";
import { exportedZone } from "../../../cli/export/exported-zone";
import type { ReadRecord } from "../../../provider/records";
import { failuresOf } from "./helpers";

/** Every control character the check names, with the name it gives. */
const CONTROLS: [string, string][] = [
  ["\u0000", "U+0000 (null)"],
  ["\u0001", "U+0001 (control character)"],
  ["\t", "U+0009 (tab)"],
  ["\n", "U+000A (line feed)"],
  ["\r", "U+000D (carriage return)"],
  ["\u001b", "U+001B (escape)"],
  ["\u007f", "U+007F (delete)"],
  ["\u0085", "U+0085 (next line)"],
  ["\u009f", "U+009F (control character)"],
  ["\u2028", "U+2028 (line separator)"],
  ["\u2029", "U+2029 (paragraph separator)"],
];

/** A valid target per type, with a spot inside it (an index) where a character cannot be a separator. */
const TARGETS: Record<string, [string, number]> = {
  A: ["203.0.113.10", 4],
  AAAA: ["2001:db8::1", 4],
  CAA: ['0 issue "letsencrypt.org"', 12],
  CNAME: ["web.example.net.", 3],
  DKIM: ["v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEB", 4],
  DMARC: ["v=DMARC1; p=none", 4],
  DNAME: ["example.net.", 3],
  HTTPS: ["1 . alpn=h2,h3 port=8443", 8],
  LOC: ["52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m", 1],
  MX: ["10 mail.example.com.", 6],
  NAPTR: ['100 10 "S" "SIP+D2U" "" _sip._udp.example.com.', 9],
  NS: ["ns1.example.net.", 3],
  PTR: ["host.example.com.", 3],
  RP: ["hostmaster.example.com. info.example.com.", 4],
  SPF: ["v=spf1 include:mx.ovh.com ~all", 10],
  SRV: ["10 5 5060 sip.example.com.", 12],
  SSHFP: ["1 1 123456789abcdef67890123456789abcdef67890", 8],
  SVCB: ["1 svc.example.net. alpn=h2", 4],
  TLSA: ["3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6", 9],
  TXT: ["google-site-verification=abc123", 6],
};

const insert = (text: string, at: number, char: string) => `${text.slice(0, at)}${char}${text.slice(at)}`;
/** True when no reason holds a raw control character: each is named, never quoted. */
const named = (failures: RecordFailure[]) => failures.every((f) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(f.reason));

describe("a control character inside a field is refused, naming the field, the character and its position", () => {
  test.each(CONTROLS)("zoneName with %j", (char, name) => {
    const failures = checkRecordInputs({ zoneName: insert("example.com", 3, char), subDomain: "www", fieldType: "A", target: "203.0.113.10" }).failures;
    expect(failures).toEqual([{ property: "zoneName", reason: expect.stringMatching(new RegExp(`^zoneName holds ${escape(name)} at position 4; a zone name is one line`)) }]);
    expect(named(failures)).toBe(true);
  });

  test.each(CONTROLS)("subDomain with %j", (char, name) => {
    const failures = failuresOf({ subDomain: insert("www.dev", 2, char), fieldType: "A", target: "203.0.113.10" });
    expect(failures).toEqual([{ property: "subDomain", reason: expect.stringContaining(`subDomain holds ${name} at position 3; a name in the zone is one line`) }]);
    expect(named(failures)).toBe(true);
  });

  test.each(CONTROLS)("fieldType with %j", (char, name) => {
    const failures = failuresOf({ fieldType: insert("TXT", 1, char), target: "x" });
    expect(failures).toEqual([{ property: "fieldType", reason: `fieldType holds ${name} at position 2; a record type is one word, e.g. "TXT": remove the character` }]);
  });

  // In LOC, SSHFP and TLSA data any whitespace separates fields (a zone file's hex may be split by spaces), so a tab
  // or a line break there is a separator that normalisation turns into a space (tested below): only the others.
  const SEPARATED = ["LOC", "SSHFP", "TLSA"];
  const everyTypeAndControl = FIELD_TYPES.flatMap((fieldType) =>
    CONTROLS.filter(([char]) => !SEPARATED.includes(fieldType) || !/\s/.test(char)).map(([char, name]) => [fieldType, char, name] as const));
  test.each(everyTypeAndControl)("a %s target with %j", (fieldType, char, name) => {
    const [target, at] = TARGETS[fieldType];
    expect(failuresOf({ fieldType, target })).toEqual([]);
    const failures = failuresOf({ fieldType, target: insert(target, at, char) });
    expect(failures).toEqual([{ property: "target", reason: expect.stringContaining(`target holds ${name} at position ${at + 1}; OVH refuses control characters in record data`) }]);
    expect(named(failures)).toBe(true);
  });
});

describe("what to write instead", () => {
  test("a TXT with a line break: one line of text, a space where the break was", () => {
    expect(failuresOf({ fieldType: "TXT", target: "line one\nline two" })).toEqual([
      {
        property: "target",
        reason:
          "target holds U+000A (line feed) at position 9; OVH refuses control characters in record data, and a TXT value is one line of text: " +
          "remove the character, or write a space where a line break or tab was (a value read from a file often ends with a line break: trim it)",
      },
    ]);
  });

  test("an MX target: the type's form and an example", () => {
    expect(failuresOf({ fieldType: "MX", target: "10 mail\u0000.example.com." })[0].reason).toBe(
      'target holds U+0000 (null) at position 8; OVH refuses control characters in record data: remove the character (MX targets are "priority host.", e.g. "10 mail.example.com.")',
    );
  });

  test("a zone name", () => {
    expect(checkRecordInputs({ zoneName: "exam\nple.com", fieldType: "A", target: "203.0.113.10" }).failures[0].reason).toBe(
      'zoneName holds U+000A (line feed) at position 5; a zone name is one line of letters, digits, "-" and dots, e.g. "example.com": ' +
        "remove the character (a name read from a file or a variable often keeps a line break)",
    );
  });
});

describe("positions count characters in the value as written", () => {
  test.each([
    ["after a character outside the BMP", "TXT", "😀\u0000", 2],
    ["after leading spaces that normalisation trims", "A", "  203.0\u0000.113.10", 8],
    ["inside a CAA value, not at the tab between its fields", "CAA", '0\tissue "a\tb"', 11],
    ["in a host written in upper case", "CNAME", "  WEB\u0007.Example.NET.", 6],
  ])("%s", (_what, fieldType, target, position) => {
    expect(failuresOf({ fieldType, target })[0].reason).toContain(`at position ${position};`);
  });
});

describe("what normalisation removes never reaches OVH, and is accepted", () => {
  test.each([
    ["a line break after the zone name", { zoneName: "example.com\n", subDomain: "www", fieldType: "A", target: "203.0.113.10" }],
    ["a line break after the subDomain", { zoneName: "example.com", subDomain: "www\r\n", fieldType: "A", target: "203.0.113.10" }],
    ["a tab around the fieldType", { zoneName: "example.com", subDomain: "www", fieldType: "\tA\n", target: "203.0.113.10" }],
    ["a line break after an A target", { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "203.0.113.10\n" }],
    ["a tab between an MX's fields", { zoneName: "example.com", subDomain: "", fieldType: "MX", target: "10\tmail.example.com.\n" }],
    ["a tab between an SRV's fields", { zoneName: "example.com", subDomain: "_sip._tcp", fieldType: "SRV", target: "10\t5\t5060\tsip.example.com." }],
    ["a line break in TLSA hex data", { zoneName: "example.com", subDomain: "_443._tcp", fieldType: "TLSA", target: `3 1 1 ${"ab".repeat(16)}\n${"cd".repeat(16)}` }],
  ])("%s", (_what, raw) => {
    expect(checkRecordInputs(raw).failures).toEqual([]);
  });

  test("but a TXT value is sent as written: its trailing line break is refused", () => {
    expect(failuresOf({ fieldType: "TXT", target: "token\n" })[0].reason).toContain("target holds U+000A (line feed) at position 6;");
  });
});

describe("a zone-file escape that stands for a control character, in a text type", () => {
  test.each([
    ["TXT", '"a\\010b"', "\\010", "U+000A (line feed)", 3],
    ["TXT", "a\\000b", "\\000", "U+0000 (null)", 2],
    ["TXT", '"one" "two\\013"', "\\013", "U+000D (carriage return)", 11],
    ["SPF", "v=spf1 -all\\009", "\\009", "U+0009 (tab)", 12],
    ["TXT", "x\\127", "\\127", "U+007F (delete)", 2],
  ])("%s %j is refused", (fieldType, target, escape, name, position) => {
    const failures = failuresOf({ fieldType, target });
    expect(failures).toEqual([
      {
        property: "target",
        reason:
          `target holds the escape ${escape} at position ${position}, which stands for ${name}: OVH refuses control characters in record data ` +
          'and whether it takes one written as an escape is not known, so it is refused too (docs/ovh-api.md §5 "Control characters"); ' +
          "remove the escape, or write a space in its place",
      },
    ]);
  });

  test.each([
    ["an escaped backslash before digits", "TXT", "a\\\\010b"],
    ["an escape of a printable octet", "TXT", '"caf\\195\\169 \\065"'],
    ["an escaped quote", "TXT", '"say \\"hi\\""'],
  ])("%s is accepted", (_what, fieldType, target) => {
    expect(failuresOf({ fieldType, target })).toEqual([]);
  });
});

describe("the shared check refuses them for the Zone component and for export too", () => {
  test("Zone: declareRecords refuses the record, naming its source and the field", () => {
    const declare = () => declareRecords("example.com", [{ subDomain: "www", fieldType: "TXT", target: "a\u0000b", source: "records.yaml:3" }]);
    expect(declare).toThrow(ZoneDeclarationError);
    expect(declare).toThrow("records.yaml:3: target: target holds U+0000 (null) at position 2;");
  });

  test("export: a record OVH holds with a control character is written commented out, with the reason", () => {
    const read = { recordId: "7", zoneName: "example.com", subDomain: "t", fieldType: "TXT", target: '"a\u2028b"', ttl: 0 } as ReadRecord;
    const [record] = exportedZone("example.com", [read]).records;
    expect(record.problems).toEqual([expect.stringContaining("target: target holds U+2028 (line separator) at position 2;")]);
    expect(record.declared).toBeUndefined();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
