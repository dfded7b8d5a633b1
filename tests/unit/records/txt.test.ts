import { declarableText, decodeTxt, encodeTxt, targetsEqual, utf8Length } from "../../../provider/records";

describe("encodeTxt writes OVH's stored form", () => {
  test("quotes a short value", () => {
    expect(encodeTxt("test")).toBe('"test"');
  });

  test("encodes the empty text as one empty string", () => {
    expect(encodeTxt("")).toBe('""');
  });

  test("escapes quotes and backslashes", () => {
    expect(encodeTxt('say "hi" \\o/')).toBe('"say \\"hi\\" \\\\o/"');
  });

  test("splits a 300-byte value into 255 and 45 bytes", () => {
    const value = "a".repeat(255) + "b".repeat(45);
    expect(encodeTxt(value)).toBe(`"${"a".repeat(255)}" "${"b".repeat(45)}"`);
  });

  test("never splits a multi-byte character at the 255-byte boundary", () => {
    const value = "a".repeat(254) + "é" + "z";
    const encoded = encodeTxt(value);
    expect(encoded).toBe(`"${"a".repeat(254)}" "éz"`);
    expect(decodeTxt(encoded)).toBe(value);
  });

  test("counts 4-byte characters as 4 bytes", () => {
    const value = "😀".repeat(64);
    const chunks = encodeTxt(value).split('" "');
    expect(chunks).toHaveLength(2);
    expect(utf8Length(chunks[0].slice(1))).toBe(252);
  });
});

describe("decodeTxt reads what OVH returns", () => {
  test.each([
    ['"test"', "test"],
    ['"aaa" "bbb"', "aaabbb"],
    ['"aaa"   "bbb"', "aaabbb"],
    ['  "a b"  ', "a b"],
    ['"say \\"hi\\""', 'say "hi"'],
    ['"back\\\\slash"', "back\\slash"],
    ['"\\195\\169t\\195\\169"', "été"],
    ['""', ""],
    ["plain text", "plain text"],
    ['"open', '"open'],
    ['"a"b', '"a"b'],
    ['"a" b', '"a" b'],
    ['he said "hi"', 'he said "hi"'],
  ])("%s decodes to %j", (target, expected) => {
    expect(decodeTxt(target)).toBe(expected);
  });

  test("round-trips any text through encodeTxt", () => {
    for (const value of ["", "x", 'q"\\', "é".repeat(300), "a".repeat(1000), "v=DKIM1; k=rsa; p=" + "A".repeat(400)]) {
      expect(decodeTxt(encodeTxt(value))).toBe(value);
    }
  });
});

describe("targetsEqual sees TXT through OVH's quoting", () => {
  const long = "v=DKIM1; k=rsa; p=" + "M".repeat(282);

  test.each([
    ["TXT", "aaabbb", '"aaabbb"'],
    ["TXT", "aaabbb", '"aaa" "bbb"'],
    ["TXT", '"aaabbb"', '"aaa" "bbb"'],
    ["TXT", long, encodeTxt(long)],
    ["TXT", 'say "hi"', '"say \\"hi\\""'],
    ["SPF", "v=spf1 -all", '"v=spf1 -all"'],
    ["SPF", "v=spf1  include:x   -all", '"v=spf1 include:x -all"'],
    ["DKIM", long, encodeTxt(long)],
    ["DMARC", "v=DMARC1; p=none", '"v=DMARC1; p=none"'],
  ])("%s %j equals %j", (fieldType, a, b) => {
    expect(targetsEqual(fieldType, a, b)).toBe(true);
  });

  test.each([
    ["TXT", "Hello", '"hello"'],
    ["TXT", "a b", '"a" "b"'],
    ["TXT", "aaa", '"aaa "'],
    ["SPF", "v=spf1 -all", '"v=spf1 ~all"'],
  ])("%s %j differs from %j", (fieldType, a, b) => {
    expect(targetsEqual(fieldType, a, b)).toBe(false);
  });
});

describe("declarableText gives the target that declares a text", () => {
  test.each([
    ["plain text; with \"quotes\" inside", "plain text; with \"quotes\" inside"],
    ['"a" "b"', '"\\"a\\" \\"b\\""'],
    ['"quoted"', '"\\"quoted\\""'],
  ])("declares %j as %j, which decodes back to it", (text, target) => {
    expect(declarableText(text)).toBe(target);
    expect(decodeTxt(declarableText(text))).toBe(text);
  });
});
