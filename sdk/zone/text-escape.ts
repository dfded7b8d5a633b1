/**
 * Record data written into generated text (a TypeScript program, a YAML file, a zone file): it must stay data. Record
 * values read from OVH may hold any character it accepted, U+2028 included (a CAA parameter, a TXT value; the
 * provider's check refuses control characters, so `export` writes such a record commented out). In JavaScript
 * and TypeScript, U+2028 and U+2029 end a line, so they end a `//` comment, and TypeScript refuses them raw in
 * a string literal (ECMA-262 §12.3 "Line Terminators", https://tc39.es/ecma262/#sec-line-terminators); YAML 1.1
 * also ends a line at U+0085 (https://yaml.org/spec/1.1/#id868518), and YAML 1.2 refuses raw C0/C1 controls
 * (its printable set, https://yaml.org/spec/1.2.2/#51-character-set); a zone file's entry ends at a line
 * end (RFC 1035 §5.1). So every such character is escaped, in the escapes each format reads back.
 */

/** Line terminators of TS/JS (LF, CR, U+2028, U+2029) and YAML 1.1 (U+0085), and the other control characters but tab. */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `\u2028` for U+2028: an escape JSON, JavaScript and YAML's double-quoted strings all read back. */
function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * A double-quoted string literal that TypeScript, JSON and YAML read as `text`: JSON's escapes, plus U+0085,
 * U+2028, U+2029 and the C1 controls escaped, and `*\/` for `*` then `/`, so that even inside a block comment
 * it cannot end the comment.
 */
export function quotedString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029]/g, unicodeEscape).replace(/\*\//g, "*\\/");
}

/**
 * `text` made safe inside a line comment (`//`, `#`, `;`): one line whatever it holds (line terminators and
 * controls as `\uXXXX`, backslashes doubled so the escapes are unambiguous), and no `*\/`.
 */
export function commentText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(UNSAFE, unicodeEscape).replace(/\*\//g, "*\\/");
}

/**
 * `text` for a zone file (data or an owner name): each line terminator or control character written as `\DDD`,
 * one per UTF-8 byte (RFC 1035 §5.1: `\DDD` is the octet DDD), which the reader (bind-lexer.ts) decodes back.
 */
export function bindEscape(text: string): string {
  return text.replace(UNSAFE, (char) => [...Buffer.from(char, "utf8")].map((b) => `\\${String(b).padStart(3, "0")}`).join(""));
}
