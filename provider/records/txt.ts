/**
 * TXT data as OVH returns it. Since ~Oct 2025 the API wraps TXT targets in double quotes and splits long
 * values into 255-byte strings: `abc` is stored and returned as `"abc"`, a 300-byte value as
 * `"<255 bytes>" "<45 bytes>"` (docs/ovh-api.md §5 TXT; terraform-provider-ovh #1193 and #1225). Comparing the raw
 * strings gives the perpetual diff of docs/other-tools.md §C.2; comparing decoded values does not.
 */

/** The most bytes one DNS character-string holds (RFC 1035 §3.3). */
const TXT_CHUNK_BYTES = 255;

/** Bytes `value` takes in UTF-8, the unit DNS limits are counted in. */
export function utf8Length(value: string): number {
  return Buffer.byteLength(value, "utf8");
}

/**
 * The text a TXT target carries. A target made only of quoted strings (`"aaa" "bbb"`) is decoded and
 * joined (`aaabbb`), with `\"`, `\\` and `\DDD` (a decimal byte) resolved; any other target is plain text
 * and returned unchanged, so `aaabbb`, `"aaabbb"` and `"aaa" "bbb"` all decode to `aaabbb`.
 */
export function decodeTxt(target: string): string {
  const strings = parseQuotedStrings(target);
  if (strings === undefined) return target;
  return Buffer.concat(strings).toString("utf8");
}

/** The byte strings of a target made only of quoted strings, or `undefined` when it is not one. */
function parseQuotedStrings(target: string): Buffer[] | undefined {
  const text = target.trim();
  if (!text.startsWith('"')) return undefined;
  const strings: Buffer[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '"') return undefined;
    const parsed = readQuoted(text, i + 1);
    if (parsed === undefined) return undefined;
    strings.push(parsed.bytes);
    i = parsed.end;
    const gap = /^\s*/.exec(text.slice(i))?.[0].length ?? 0;
    if (gap === 0 && i < text.length) return undefined;
    i += gap;
  }
  return strings;
}

/** Reads a quoted string's content from `start` (just after the opening quote) to its closing quote. */
function readQuoted(text: string, start: number): { bytes: Buffer; end: number } | undefined {
  const parts: Buffer[] = [];
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') return { bytes: Buffer.concat(parts), end: i + 1 };
    if (c === "\\" && i + 1 < text.length) {
      const escape = readEscape(text, i + 1);
      parts.push(escape.bytes);
      i = escape.end;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
    parts.push(Buffer.from(char, "utf8"));
    i += char.length;
  }
  return undefined;
}

/** `\DDD` is one byte (RFC 1035 §5.1); `\X` is X itself (so `\"` and `\\`). */
function readEscape(text: string, start: number): { bytes: Buffer; end: number } {
  const digits = /^[0-9]{3}/.exec(text.slice(start))?.[0];
  if (digits !== undefined && Number(digits) <= 255) return { bytes: Buffer.from([Number(digits)]), end: start + 3 };
  const char = String.fromCodePoint(text.codePointAt(start) ?? 0);
  return { bytes: Buffer.from(char, "utf8"), end: start + char.length };
}

/**
 * The text OVH holds for a TXT target it returned. How OVH stores a text holding `"` or `\` is not public
 * (docs/ovh-api.md §5 "TXT holding a double quote"), so both forms it may take are read: the zone-file form, quoted
 * with `\"` and `\\` escaped (`"say \"hi\""`, what {@link decodeTxt} reads), and the text wrapped in quotes as it
 * was sent, unescaped (`"say "hi""`), which is not well-formed quoted strings and is read by
 * {@link readWrappedTxt}. Any other target is its own text.
 */
export function readTxt(target: string): string {
  if (parseQuotedStrings(target) !== undefined) return decodeTxt(target);
  return readWrappedTxt(target) ?? target;
}

/**
 * The text of a target OVH wrapped in quotes without escaping anything: `"say "hi""` is `say "hi"`, and a long
 * one split into 255-byte strings, `"<255 bytes>" "<rest>"`, is joined again. `undefined` when the target is
 * not wrapped in quotes. For such a target made of well-formed quoted strings (`"back\slash"`), this reading
 * and {@link decodeTxt}'s differ, and nothing tells which OVH meant: {@link txtReadings} keeps both.
 */
export function readWrappedTxt(target: string): string | undefined {
  const text = target.trim();
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return undefined;
  const inner = text.slice(1, -1);
  const pieces = inner.split('" "');
  const split = pieces.length > 1 && pieces.slice(0, -1).every((piece) => utf8Length(piece) === TXT_CHUNK_BYTES);
  return split ? pieces.join("") : inner;
}

/** Every text a TXT target may stand for: {@link readTxt}'s, and the unescaped reading when it differs. */
export function txtReadings(target: string): string[] {
  const wrapped = readWrappedTxt(target);
  const text = readTxt(target);
  return wrapped === undefined || wrapped === text ? [text] : [text, wrapped];
}

/**
 * True for a TXT target whose reading is ambiguous when written: wrapped in quotes but not well-formed quoted
 * strings (`"say "hi""`). Sent as it is, OVH stores it quoted again, and it would read back as another text
 * than the one {@link readTxt} gives it, a change at every preview; so the provider's check refuses it.
 */
export function isAmbiguousTxt(target: string): boolean {
  return parseQuotedStrings(target) === undefined && readWrappedTxt(target) !== undefined;
}

/**
 * The target that declares the text `value`: `value` itself (the provider takes TXT unquoted), unless `value`
 * does not read as itself (`"a" "b"` or `"say "hi""` as the text): it is then written quoted and escaped.
 */
export function declarableText(value: string): string {
  return readTxt(value) === value ? value : encodeTxt(value);
}

/**
 * `value` in OVH's stored form: quoted strings of at most 255 UTF-8 bytes each, joined by one space, with
 * `"` and `\` escaped. A multi-byte character is never split across two strings. `""` encodes the empty text.
 */
export function encodeTxt(value: string): string {
  return splitUtf8(value, TXT_CHUNK_BYTES)
    .map((chunk) => `"${chunk.replace(/[\\"]/g, (c) => `\\${c}`)}"`)
    .join(" ");
}

/** `value` cut into pieces of at most `maxBytes` UTF-8 bytes, on character boundaries. */
function splitUtf8(value: string, maxBytes: number): string[] {
  const chunks: string[] = [];
  let chunk = "";
  let bytes = 0;
  for (const char of value) {
    const size = utf8Length(char);
    if (bytes + size > maxBytes) {
      chunks.push(chunk);
      chunk = "";
      bytes = 0;
    }
    chunk += char;
    bytes += size;
  }
  chunks.push(chunk);
  return chunks;
}
