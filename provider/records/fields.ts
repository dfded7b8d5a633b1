/**
 * Splitting record data into fields, the way a zone file does: fields are separated by spaces or tabs,
 * and a field may be a double-quoted string in which `\"` and `\\` are escapes.
 */

/** One field of a target: its text as written (quotes included) and whether it was quoted. */
export interface Field {
  /** The field exactly as written, quotes and escapes included. */
  raw: string;
  /** The field's value: without quotes, escapes resolved. */
  value: string;
  quoted: boolean;
}

/** The fields of a target, or `undefined` when a quoted string is not closed. */
export function splitFields(target: string): Field[] | undefined {
  const fields: Field[] = [];
  let i = 0;
  while (i < target.length) {
    if (/\s/.test(target[i])) {
      i += 1;
      continue;
    }
    const field = target[i] === '"' ? readQuoted(target, i) : readBare(target, i);
    if (field === undefined) return undefined;
    fields.push(field.field);
    i = field.end;
  }
  return fields;
}

function readBare(text: string, start: number): { field: Field; end: number } {
  let end = start;
  while (end < text.length && !/\s/.test(text[end])) end += 1;
  const raw = text.slice(start, end);
  return { field: { raw, value: raw, quoted: false }, end };
}

function readQuoted(text: string, start: number): { field: Field; end: number } | undefined {
  let value = "";
  for (let i = start + 1; i < text.length; i += 1) {
    const c = text[i];
    if (c === "\\" && i + 1 < text.length) {
      value += text[i + 1];
      i += 1;
    } else if (c === '"') {
      return { field: { raw: text.slice(start, i + 1), value, quoted: true }, end: i + 1 };
    } else {
      value += c;
    }
  }
  return undefined;
}

/** The fields joined by one space: the same data, whatever whitespace separated them. */
export function joinFields(fields: readonly Field[]): string {
  return fields.map((f) => f.raw).join(" ");
}

/** `text` with runs of whitespace collapsed to one space and no leading or trailing space. */
export function collapseSpaces(text: string): string {
  return text.trim().split(/\s+/).join(" ");
}

/**
 * The decimal integer in `text` when it lies in `min..max`, else `undefined`. Only plain digits are
 * accepted: `+1`, `1e3`, `0x10` and `1.0` are not zone-file integers.
 */
export function parseUint(text: string, min: number, max: number): number | undefined {
  if (!/^[0-9]{1,10}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/**
 * A reason when `text` is not an integer in `min..max`, naming the field, e.g.
 * `priority "x" is not an integer from 0 to 65535`.
 */
export function checkUint(name: string, text: string | undefined, min: number, max: number): string[] {
  if (text === undefined) return [`${name} is missing`];
  return parseUint(text, min, max) === undefined ? [`${name} "${text}" is not an integer from ${min} to ${max}`] : [];
}

/** A number written without leading zeros (`010` -> `10`) when `text` is an integer, else `text`. */
export function canonicalUint(text: string): string {
  return /^[0-9]+$/.test(text) ? String(Number(text)) : text;
}

/** Quotes `value` as a zone-file string, escaping `"` and `\`. */
export function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
