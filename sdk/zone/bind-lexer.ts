/**
 * The lexical layer of a BIND zone file (RFC 1035 §5.1): comments (`;` to the end of the line, outside
 * quotes), quoted strings with `\"`, `\\` and `\DDD` escapes, and parentheses that continue an entry over
 * several lines. Yields one entry per record or directive, with the line it starts on.
 */
import { entryTooLong, MAX_ENTRY_CHARS } from "./limits";
import { ZoneFileError } from "./zone-file-error";

/** One word of an entry. `text` is the decoded value; `raw` is the word as written (quotes included). */
export interface Token {
  text: string;
  raw: string;
  quoted: boolean;
}

/** One logical entry: a record or a `$` directive. */
export interface Entry {
  line: number;
  /** The entry starts with blank space: its owner is the previous entry's (RFC 1035 §5.1). */
  blankOwner: boolean;
  tokens: Token[];
  /** The text after the last `;` comment start, as written: OVH's export writes DKIM and DMARC data unquoted, `;` included. */
  comment?: string;
}

export { ZoneFileError } from "./zone-file-error";

/**
 * Yields a zone file's entries one by one, so a reader can stop at a limit before the rest is scanned. Refuses an
 * unclosed quote or parenthesis, a stray `)`, a nested `(`, and an entry longer than {@link MAX_ENTRY_CHARS}
 * (checked on each line before it is scanned).
 */
export function* lexZoneFile(file: string, text: string): Generator<Entry> {
  let current: Entry | undefined;
  let depth = 0;
  let openedAt = 0;
  let entryLength = 0;
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    const lineText = text.slice(start, end > start && text[end - 1] === "\r" ? end - 1 : end);
    start = end + 1;
    if (depth === 0) {
      current = { line: line + 1, blankOwner: /^[ \t]/.test(lineText), tokens: [] };
      entryLength = 0;
    }
    entryLength += lineText.length;
    if (entryLength > MAX_ENTRY_CHARS) throw entryTooLong(file, current!.line, entryLength, "entry");
    const scan = scanLine(file, line + 1, lineText, depth);
    if (depth === 0 && scan.depth > 0) openedAt = line + 1;
    depth = scan.depth;
    current!.tokens.push(...scan.tokens);
    if (scan.comment !== undefined) current!.comment = scan.comment;
    if (depth === 0 && current!.tokens.length > 0) yield current!;
  }
  if (depth > 0) throw new ZoneFileError(file, openedAt, "'(' is never closed by ')'");
}

function scanLine(file: string, line: number, text: string, startDepth: number): { tokens: Token[]; depth: number; comment?: string } {
  const tokens: Token[] = [];
  let depth = startDepth;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ";") return { tokens, depth, comment: text.slice(i + 1) };
    if (c === " " || c === "\t") i++;
    else if (c === "(") {
      // RFC 1035 §5.1: parentheses continue one entry over lines; nesting them means nothing, and is refused.
      if (depth > 0) throw new ZoneFileError(file, line, "'(' inside '(': parentheses do not nest in a zone file (RFC 1035 5.1); remove the inner pair");
      depth++;
      i++;
    }
    else if (c === ")") {
      if (depth === 0) throw new ZoneFileError(file, line, "')' without a '(' before it");
      depth--;
      i++;
    } else if (c === '"') {
      const end = closingQuote(text, i);
      if (end < 0) throw new ZoneFileError(file, line, "a quoted string is not closed on its line (add the closing \")");
      tokens.push({ text: unescape(file, line, text.slice(i + 1, end)), raw: text.slice(i, end + 1), quoted: true });
      i = end + 1;
    } else {
      let j = i;
      while (j < text.length && !' \t;()"'.includes(text[j])) j += text[j] === "\\" ? 2 : 1;
      const raw = text.slice(i, j);
      tokens.push({ text: unescape(file, line, raw), raw, quoted: false });
      i = j;
    }
  }
  return { tokens, depth };
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/**
 * Decodes `\X` (X itself) and `\DDD` (the octet DDD, RFC 1035 §5.1). A file's text is UTF-8, so the octets
 * are read as UTF-8 bytes: `\226\128\168` is U+2028, one character; octets that are not UTF-8 are refused.
 */
function unescape(file: string, line: number, text: string): string {
  if (!text.includes("\\")) return text;
  const bytes: Buffer[] = [];
  let last = 0;
  for (const m of text.matchAll(/\\(\d{3}|[^])/gu)) {
    bytes.push(Buffer.from(text.slice(last, m.index), "utf8"));
    const code = Number(m[1]);
    if (m[1].length === 1) bytes.push(Buffer.from(m[1], "utf8"));
    else if (code > 255) throw new ZoneFileError(file, line, `escape \\${m[1]} is not an octet (000 to 255)`);
    else bytes.push(Buffer.from([code]));
    last = m.index + m[0].length;
  }
  bytes.push(Buffer.from(text.slice(last), "utf8"));
  const decoded = Buffer.concat(bytes);
  const value = decoded.toString("utf8");
  if (!Buffer.from(value, "utf8").equals(decoded)) {
    throw new ZoneFileError(file, line, `the \\DDD escapes in ${text} are not UTF-8 text: write the characters themselves, or escape each byte of their UTF-8 form`);
  }
  return value;
}
