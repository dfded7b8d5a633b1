/**
 * The scalars yaml-fast.ts reads, each on one line: plain, double-quoted, single-quoted, and a plain scalar's
 * value by YAML 1.2's core schema. Each reader takes the line and where the scalar starts and answers its value
 * and where it ends; what is outside the subset read line by line throws {@link OUTSIDE}.
 */

/** Thrown where a file leaves the subset read line by line; `readYamlFast` then answers `undefined`. */
export class OutsideSubset extends Error {
  override readonly name: string = "OutsideSubset";
}
export const OUTSIDE = new OutsideSubset("outside the subset read line by line");

/** A scalar read from a line: its value and the index just past it. */
export interface ScalarAt {
  value: string;
  end: number;
}

/** YAML's escapes in double quotes other than `\x`, `\u`, `\U` (YAML 1.2.2 §5.7, https://yaml.org/spec/1.2.2/#57-escaped-characters). */
const ESCAPES: Record<string, string> = {
  "0": "\0", a: "\x07", b: "\b", e: "\x1b", f: "\f", n: "\n", r: "\r", t: "\t", "\t": "\t", v: "\v",
  N: "\u0085", _: "\u00a0", L: "\u2028", P: "\u2029", " ": " ", '"': '"', "/": "/", "\\": "\\",
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * A plain scalar at `start`: its first character none of YAML's indicators (`-` only before a letter, digit or
 * `.`), no `[ ] { }` or tab in it, `: ` in it a map (not read here), ` #` ending it (a comment), and in a flow
 * map `,` and `}` ending it. Trailing spaces are not part of it; `end` is where it stopped.
 */
export function plainAt(line: string, start: number, flow: boolean): ScalarAt {
  const first = line[start];
  if ("?:,[]{}#&*!|>'\"%@`<\t".includes(first)) throw OUTSIDE;
  if (first === "-" && !/[A-Za-z0-9.]/.test(line[start + 1] ?? "")) throw OUTSIDE;
  let end = start;
  for (; end < line.length; end++) {
    const c = line[end];
    if (c === "[" || c === "]" || c === "{" || c === "}" || c === "\t") {
      if (flow && c === "}") break;
      throw OUTSIDE;
    }
    if (flow && c === ",") break;
    if (c === "#" && line[end - 1] === " ") break;
    if (c === ":") {
      const after = line[end + 1];
      if (after === undefined || after === " " || after === "," || after === "}" || after === "]") throw OUTSIDE;
    }
  }
  let last = end;
  while (line[last - 1] === " ") last--;
  return { value: line.slice(start, last), end };
}

/** A double-quoted scalar at `start` (its `"`), closed on this line, with YAML's escapes. */
export function doubleQuotedAt(line: string, start: number): ScalarAt {
  let value = "";
  let i = start + 1;
  for (let run = i; ; ) {
    if (i >= line.length) throw OUTSIDE;
    const c = line[i];
    if (c === '"') {
      value += line.slice(run, i);
      break;
    }
    if (c !== "\\") {
      i++;
      continue;
    }
    value += line.slice(run, i);
    const e = line[i + 1];
    if (e === undefined) throw OUTSIDE;
    if (ESCAPES[e] !== undefined) {
      value += ESCAPES[e];
      i += 2;
    } else if (HEX_LENGTH[e] !== undefined) {
      const hex = line.slice(i + 2, i + 2 + HEX_LENGTH[e]);
      if (hex.length !== HEX_LENGTH[e] || !/^[0-9a-fA-F]+$/.test(hex)) throw OUTSIDE;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) throw OUTSIDE;
      value += String.fromCodePoint(code);
      i += 2 + hex.length;
    } else throw OUTSIDE;
    run = i;
  }
  return { value, end: i + 1 };
}

/** A single-quoted scalar at `start` (its `'`), closed on this line (`''` is a quote). */
export function singleQuotedAt(line: string, start: number): ScalarAt {
  let value = "";
  for (let i = start + 1; ; ) {
    const close = line.indexOf("'", i);
    if (close < 0) throw OUTSIDE;
    value += line.slice(i, close);
    if (line[close + 1] !== "'") return { value, end: close + 1 };
    value += "'";
    i = close + 2;
  }
}

/**
 * A plain scalar's value by YAML 1.2's core schema, its tag resolution table in the spec's order (YAML 1.2.2
 * §10.3.2, https://yaml.org/spec/1.2.2/#1032-tag-resolution): null, booleans, integers (decimal, `0o` octal,
 * `0x` hexadecimal), floats (`.inf`, `.nan`, with an exponent, with a point), and text for the rest.
 */
export function coreValue(source: string): unknown {
  if (/^[A-Za-z_]/.test(source) && !/^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/.test(source)) return source;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(source)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source)) return source[0] === "t" || source[0] === "T";
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    return source.slice(-3).toLowerCase() === "nan" ? NaN : source[0] === "-" ? -Infinity : Infinity;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) return parseFloat(source);
  return source;
}
