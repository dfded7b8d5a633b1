/**
 * Finding and naming the characters a value must not hold. Control characters end a line of a zone file or an
 * HTTP header, vanish from a URL (the WHATWG URL parser drops tabs and line breaks) or hide on a terminal, so
 * record fields (provider/records), credentials and endpoints (provider/ovh) refuse them where they are read,
 * naming the character and its position: never echoing the value, which may be a secret, or be unreadable.
 * Knows nothing of DNS or HTTP.
 */

/** One character found in a text. */
export interface FoundCharacter {
  /** The character itself. */
  char: string;
  /** Where it is: the number of the character in the text, counted in characters (code points) from 1. */
  position: number;
  /** Where it is as a string index (UTF-16 code units from 0), to slice the text around it. */
  index: number;
  /** How a message names it, e.g. `U+000A (line feed)`. */
  name: string;
}

/** Names of the characters that come up in practice; others are named by their class. */
const NAMES: Readonly<Record<number, string>> = {
  0x00: "null",
  0x09: "tab",
  0x0a: "line feed",
  0x0b: "vertical tab",
  0x0c: "form feed",
  0x0d: "carriage return",
  0x1b: "escape",
  0x7f: "delete",
  0x85: "next line",
  0xa0: "no-break space",
  0x2028: "line separator",
  0x2029: "paragraph separator",
  0xfeff: "byte order mark",
};

/**
 * True for a control character: C0 (U+0000-U+001F, NUL, tab, CR and LF included), DEL (U+007F), C1
 * (U+0080-U+009F, with U+0085 "next line"), and U+2028 and U+2029, the line and paragraph separators, which
 * end a line in JavaScript and YAML as LF does (ECMA-262 "Line Terminators"; YAML 1.1 "Line Break Characters").
 */
export function isControlCharacter(char: string): boolean {
  const cp = char.codePointAt(0) ?? 0;
  return cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029;
}

/** True for a control character or any whitespace (a space, a no-break space, U+3000...). */
export function isControlOrSpace(char: string): boolean {
  return isControlCharacter(char) || /^\s$/u.test(char);
}

/** True for a character outside printable ASCII (U+0020-U+007E). */
export function isNotPrintableAscii(char: string): boolean {
  return !/^[\x20-\x7e]$/.test(char);
}

/** `U+000A (line feed)`, `U+0001 (control character)`, `U+00E9 (non-ASCII character)`: how messages name `char`. */
export function describeCharacter(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, "0");
  const name = NAMES[cp] ?? (isControlCharacter(char) ? "control character" : /^\s$/u.test(char) ? "space character" : cp > 0x7e ? "non-ASCII character" : "character");
  return `U+${hex} (${name})`;
}

/**
 * The first character of `text` for which `matches` is true, from character `from` (a 0-based index in code
 * units) on, or `undefined`. Its position counts characters from the start of `text`.
 */
export function findCharacter(text: string, matches: (char: string) => boolean, from = 0): FoundCharacter | undefined {
  let position = countCharacters(text.slice(0, from));
  for (let i = from; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
    position += 1;
    if (matches(char)) return { char, position, index: i, name: describeCharacter(char) };
    i += char.length;
  }
  return undefined;
}

/** The number of characters (code points) of `text`. */
export function countCharacters(text: string): number {
  return [...text].length;
}
