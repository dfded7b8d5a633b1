/**
 * Control characters in a record's fields, refused at `check`: OVH answers a record holding one with a 400
 * (docs/ovh-api.md §5 "Control characters"), and that answer came during `pulumi up`, after other records of the
 * same program were written. Each reason names the field, the character (`U+000A (line feed)`) and its position
 * in the value as written, and what to write instead; never the raw character.
 *
 * What is checked is the value as it will be sent: a line break that normalisation trims from the end of a name,
 * or a tab between the fields of an MX target that it turns into one space, never reaches OVH and is accepted.
 */
import { countCharacters, describeCharacter, findCharacter, isControlCharacter, type FoundCharacter } from "../text/characters";
import { TEXT_FIELD_TYPES, type FieldType } from "./field-types";
import type { RecordProperty } from "./model";
import { recordTypeOf } from "./registry";

/** The string properties of a record. */
type TextProperty = Exclude<RecordProperty, "ttl">;

/**
 * A reason when `sent` (the normalised value of `property`, what would be sent) holds a control character, or,
 * for a text type, a zone-file escape that stands for one; `written` is the value as the program gave it, in
 * which the position is counted. `fieldType` (normalised) says which target rules apply.
 */
export function controlCharacterReason(property: TextProperty, written: string, sent: string, fieldType?: string): string | undefined {
  const found = findCharacter(sent, isControlCharacter);
  if (found !== undefined) return `${property} holds ${found.name} at position ${locate(written, sent, found).position}; ${advice(property, fieldType)}`;
  if (property !== "target" || !TEXT_FIELD_TYPES.includes(fieldType as FieldType)) return undefined;
  const escape = controlEscape(sent);
  if (escape === undefined) return undefined;
  return (
    `target holds the escape ${escape.text} at position ${escape.position}, which stands for ${escape.name}: ` +
    `OVH refuses control characters in record data and whether it takes one written as an escape is not known, so it ` +
    `is refused too (docs/ovh-api.md §5 "Control characters"); remove the escape, or write a space in its place`
  );
}

/**
 * The same character in the value as written. Normalisation only trims, collapses the whitespace between fields
 * and changes letter case, so the character is looked for in `written` with as much of what precedes it in `sent`
 * as `written` also holds (the `"a` of `0 issue "a<tab>b"`, not the tab between `0` and `issue`), letter case
 * aside; failing that, at its first copy in `written` past the whitespace normalisation trims.
 */
function locate(written: string, sent: string, found: FoundCharacter): FoundCharacter {
  if (written === sent) return found;
  const start = written.length - written.trimStart().length;
  const sameLength = written.toLowerCase().length === written.length && sent.toLowerCase().length === sent.length;
  const [w, s] = sameLength ? [written.toLowerCase(), sent.toLowerCase()] : [written, sent];
  for (let before = Math.min(found.index, 16); before > 0; before -= 1) {
    const at = w.indexOf(s.slice(found.index - before, found.index + found.char.length), start);
    if (at >= 0) return { ...found, index: at + before, position: countCharacters(written.slice(0, at + before)) + 1 };
  }
  const first = findCharacter(written.slice(0, written.trimEnd().length), (c) => c === found.char, start);
  return first ?? found;
}

/** What to write instead, per field. */
function advice(property: TextProperty, fieldType: string | undefined): string {
  switch (property) {
    case "zoneName":
      return 'a zone name is one line of letters, digits, "-" and dots, e.g. "example.com": remove the character (a name read from a file or a variable often keeps a line break)';
    case "subDomain":
      return 'a name in the zone is one line of letters, digits, "-", "_" and dots, e.g. "www" ("" for the apex): remove the character';
    case "fieldType":
      return 'a record type is one word, e.g. "TXT": remove the character';
    case "target":
      return targetAdvice(fieldType);
  }
}

function targetAdvice(fieldType: string | undefined): string {
  const type = fieldType === undefined ? undefined : recordTypeOf(fieldType);
  if (type === undefined) return "OVH refuses control characters in record data: remove the character";
  if (TEXT_FIELD_TYPES.includes(type.fieldType)) {
    return (
      `OVH refuses control characters in record data, and a ${type.fieldType} value is one line of text: remove the character, ` +
      "or write a space where a line break or tab was (a value read from a file often ends with a line break: trim it)"
    );
  }
  return `OVH refuses control characters in record data: remove the character (${type.fieldType} targets are "${type.format}", e.g. "${type.example}")`;
}

/** A zone-file escape `\DDD` (RFC 1035 §5.1: the octet DDD) that stands for a C0 control or DEL. */
interface ControlEscape {
  /** The escape as written, e.g. `\010`. */
  text: string;
  /** Its position (of the backslash), in characters from 1. */
  position: number;
  /** The character it stands for, e.g. `U+000A (line feed)`. */
  name: string;
}

/**
 * The first `\DDD` escape of a text target that stands for a C0 control character or DEL. A `\\` is an escaped
 * backslash, so the digits after it are text. The provider reads such escapes in quoted strings as the octet
 * (txt.ts `decodeTxt`), and OVH may read them so in any TXT target it wraps in quotes.
 */
function controlEscape(target: string): ControlEscape | undefined {
  for (let i = 0; i < target.length; i += 1) {
    if (target[i] !== "\\") continue;
    const digits = /^[0-9]{3}/.exec(target.slice(i + 1, i + 4))?.[0];
    const octet = digits === undefined ? undefined : String.fromCharCode(Number(digits));
    // Octets 0x80-0xFF are pieces of UTF-8 characters, not characters: only C0 and DEL stand alone.
    if (octet !== undefined && Number(digits) <= 0x7f && isControlCharacter(octet)) {
      return { text: `\\${digits}`, position: countCharacters(target.slice(0, i)) + 1, name: describeCharacter(octet) };
    }
    i += 1;
  }
  return undefined;
}
