/**
 * Control characters in record bodies (docs/ovh-api-emulator.md, "Record validation"): C0 (NUL, tab, CR, LF...),
 * DEL, C1 and the line and paragraph separators U+2028 and U+2029, raw or, in a text target, written as a
 * zone-file escape `\DDD` of a C0 control or DEL. The emulator's own code, sharing nothing with provider/: it
 * stands for the API the provider is tested against.
 */

/** A control character found in a value: how a message names it and where it is (in characters, from 1). */
export interface ControlCharacter {
  /** `U+000A`. */
  code: string;
  position: number;
  /** The escape that stands for it, e.g. `\010`, when it is written as one. */
  escape?: string;
}

function isControl(cp: number): boolean {
  return cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029;
}

function codeOf(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The first raw control character of `value`, or `undefined`. */
export function findControlCharacter(value: string): ControlCharacter | undefined {
  let position = 0;
  for (const char of value) {
    position += 1;
    const cp = char.codePointAt(0) ?? 0;
    if (isControl(cp)) return { code: codeOf(cp), position };
  }
  return undefined;
}

/** The first `\DDD` escape of `value` that stands for a C0 control or DEL (`\\` escapes a backslash), or `undefined`. */
export function findControlEscape(value: string): ControlCharacter | undefined {
  const chars = [...value];
  for (let i = 0; i < chars.length; i += 1) {
    if (chars[i] !== "\\") continue;
    const digits = chars.slice(i + 1, i + 4).join("");
    if (/^[0-9]{3}$/.test(digits) && Number(digits) <= 0x7f && isControl(Number(digits))) {
      return { code: codeOf(Number(digits)), position: i + 1, escape: `\\${digits}` };
    }
    i += 1;
  }
  return undefined;
}
