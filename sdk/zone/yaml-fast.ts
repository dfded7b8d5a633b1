/**
 * `Zone.fromYaml`'s reader for the shape most records files have (the export's, examples/gitops', and one record
 * a line in flow style), line by line, without a document of every node: a 50,000-record file in a fraction of
 * the time and memory the `yaml` package takes (README, Performance). It reads a strict subset of YAML:
 *
 * - root keys at column 0 (`key: value`, `records:` and `redirections:` followed by their collection);
 * - under `records:` / `redirections:`, entries at one indentation: `label: { field: value, … }` on one line,
 *   `label:` then one `field: value` a line, deeper; or the same as a list (`- { … }`, `- field: value`);
 * - keys written plain (letters, digits, `_ . - / @ + $`, a letter or digit or `_` first) or quoted; values
 *   plain, single- or double-quoted (YAML's escapes), on one line, with comments after them.
 *
 * Anything else (anchors, aliases, tags, block scalars, multi-line values or collections, document markers,
 * directives, tabs outside quotes, control characters, U+2028, U+FEFF, lone surrogates, a key without a value)
 * makes it answer `undefined`, and the file is read by yaml-full.ts instead. Where it reads a file, it gives the
 * tree yaml-full.ts gives (tests/zone/yaml-fast.test.ts compares both on generated files, hostile values included).
 * Plain scalars are typed by YAML 1.2's core schema, as the `yaml` package types them.
 */
import { coreValue, doubleQuotedAt, OUTSIDE, plainAt, singleQuotedAt, type ScalarAt } from "./yaml-scalars";
import type { YamlTreeNode, YamlTreePair } from "./yaml-tree";

/** Characters this reader leaves to the `yaml` package. */
const UNREAD_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** A plain key: a letter, digit or `_`, then letters, digits and `_ . - / @ + $`. */
const PLAIN_KEY = /[A-Za-z0-9_][A-Za-z0-9_.\-/@+$]*/y;
/** The collections the root may hold, each read as a map or list of entries. */
const COLLECTION_KEYS = ["records", "redirections"];

/** A collection under a root key being read: its entries' indentation and, for a block entry, its fields'. */
interface OpenCollection {
  node: YamlTreeNode;
  /** Whether its entries count against `maxRecords` (those of `records:`). */
  counted: boolean;
  indent?: number;
  /** Entries met so far. */
  entries: number;
  /** The entry written `label:` / `- field: value` whose fields come on the next lines, and their indentation. */
  block?: { node: YamlTreeNode; fieldIndent?: number };
}

/**
 * The root of `text` as a tree, or `undefined` when the file is not of the subset read here. Throws
 * `tooMany(line)` at the record past `maxRecords`, where it starts.
 */
export function readYamlFast(text: string, maxRecords: number, tooMany: (line: number) => Error): YamlTreeNode | undefined {
  if (UNREAD_CHARS.test(text)) return undefined;
  try {
    return new LineReader(text, maxRecords, tooMany).read();
  } catch (err) {
    if (err === OUTSIDE) return undefined;
    throw err;
  }
}

class LineReader {
  private line = "";
  private lineNo = 0;
  private pos = 0;
  private readonly rootPairs: YamlTreePair[] = [];
  private open: OpenCollection | undefined;

  constructor(private readonly text: string, private readonly maxRecords: number, private readonly tooMany: (line: number) => Error) {}

  read(): YamlTreeNode {
    const { text } = this;
    for (let start = 0; start < text.length || start === 0; ) {
      const newline = text.indexOf("\n", start);
      const end = newline < 0 ? text.length : newline;
      this.line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
      this.lineNo++;
      this.readLine();
      if (newline < 0) break;
      start = end + 1;
    }
    this.close();
    if (this.rootPairs.length === 0) throw OUTSIDE;
    return { kind: "map", line: this.rootPairs[0].keyLine, pairs: this.rootPairs };
  }

  private readLine(): void {
    const { line } = this;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length || line[indent] === "#") return;
    if (line[indent] === "\t") throw OUTSIDE;
    this.pos = indent;
    if (indent === 0) return this.rootLine();
    const open = this.open;
    if (open === undefined) throw OUTSIDE;
    open.indent ??= indent;
    if (indent === open.indent) return this.entryLine(open);
    if (indent < open.indent || open.block === undefined) throw OUTSIDE;
    const block = open.block;
    block.fieldIndent ??= indent;
    if (indent !== block.fieldIndent) throw OUTSIDE;
    if (block.node.pairs!.length === 0) block.node.line = this.lineNo;
    block.node.pairs!.push(this.blockPair());
  }

  /** `key: value` at column 0, or `records:` / `redirections:` opening its collection. */
  private rootLine(): void {
    this.close();
    const keyLine = this.lineNo;
    const key = this.blockKey();
    let value: YamlTreeNode;
    if (this.atEnd()) {
      if (!COLLECTION_KEYS.includes(key as string)) throw OUTSIDE;
      value = { kind: "map", line: 0, pairs: [] };
      this.open = { node: value, counted: key === "records", entries: 0 };
    } else if (this.line.startsWith("[]", this.pos) || this.line.startsWith("{}", this.pos)) {
      value = this.line[this.pos] === "[" ? { kind: "seq", line: keyLine, items: [] } : { kind: "map", line: keyLine, pairs: [] };
      this.pos += 2;
      this.lineEnd();
    } else {
      value = this.blockScalar();
    }
    this.rootPairs.push(pairOf(key, keyLine, value));
  }

  /**
   * A line at the entries' indentation: a new entry. Past `maxRecords`, reading stops once this line is read
   * (as the `yaml` parser's count does at its end, yaml-full.ts): what follows is never read.
   */
  private entryLine(open: OpenCollection): void {
    this.closeBlock(open);
    const lineNo = this.lineNo;
    const isItem = this.line[this.pos] === "-" && (this.line[this.pos + 1] === " " || this.pos + 1 === this.line.length);
    if (open.entries === 0) {
      open.node.kind = isItem ? "seq" : "map";
      open.node.line = lineNo;
      if (isItem) {
        delete open.node.pairs;
        open.node.items = [];
      }
    } else if (isItem !== (open.node.kind === "seq")) throw OUTSIDE;
    if (isItem) open.node.items!.push(this.itemEntry(open));
    else open.node.pairs!.push(this.mapEntry(open));
    open.entries++;
    if (open.counted && open.entries > this.maxRecords) throw this.tooMany(lineNo);
  }

  /** `- { … }`, or `- field: value` whose fields continue on the next lines at the column of this one. */
  private itemEntry(open: OpenCollection): YamlTreeNode {
    const lineNo = this.lineNo;
    this.pos++;
    this.spaces();
    if (this.atEnd()) throw OUTSIDE;
    if (this.line[this.pos] === "{") return this.flowMap();
    const column = this.pos;
    const item: YamlTreeNode = { kind: "map", line: lineNo, pairs: [this.blockPair()] };
    open.block = { node: item, fieldIndent: column };
    return item;
  }

  /** `label: { … }`, `label: scalar`, or `label:` whose fields come on the next lines. */
  private mapEntry(open: OpenCollection): YamlTreePair {
    const lineNo = this.lineNo;
    const key = this.blockKey();
    let value: YamlTreeNode;
    if (this.atEnd()) {
      value = { kind: "map", line: 0, pairs: [] };
      open.block = { node: value };
    } else if (this.line[this.pos] === "{") value = this.flowMap();
    else value = this.blockScalar();
    return pairOf(key, lineNo, value);
  }

  /** `field: value` in block style, the value a scalar on this line. */
  private blockPair(): YamlTreePair {
    const keyLine = this.lineNo;
    const key = this.blockKey();
    return pairOf(key, keyLine, this.blockScalar());
  }

  /** `{ field: value, … }` on this line, nothing after it but a comment. */
  private flowMap(): YamlTreeNode {
    const node: YamlTreeNode = { kind: "map", line: this.lineNo, pairs: [] };
    this.pos++;
    this.spaces();
    if (this.line[this.pos] === "}") {
      this.pos++;
      this.lineEnd();
      return node;
    }
    for (;;) {
      const keyLine = this.lineNo;
      const key = this.key();
      this.colon(true);
      this.spaces();
      const ch = this.line[this.pos];
      const value = ch === "," || ch === "}" ? this.emptyScalar() : this.scalar(true);
      node.pairs!.push(pairOf(key, keyLine, value));
      this.spaces();
      if (this.line[this.pos] === "}") break;
      if (this.line[this.pos] !== ",") throw OUTSIDE;
      this.pos++;
      this.spaces();
      if (this.line[this.pos] === "}") throw OUTSIDE;
    }
    this.pos++;
    this.lineEnd();
    return node;
  }

  /** A scalar in block style after `key: `, to the end of the line (or an empty value). */
  private blockScalar(): YamlTreeNode {
    if (this.atEnd()) return this.emptyScalar();
    const value = this.scalar(false);
    this.lineEnd();
    return value;
  }

  private emptyScalar(): YamlTreeNode {
    return { kind: "scalar", line: this.lineNo, value: null, text: "" };
  }

  /** A quoted or plain scalar at `pos`; in a flow map a plain one ends at `,` or `}`. */
  private scalar(flow: boolean): YamlTreeNode {
    const ch = this.line[this.pos];
    if (ch === '"' || ch === "'") {
      const { value } = this.advance(ch === '"' ? doubleQuotedAt(this.line, this.pos) : singleQuotedAt(this.line, this.pos));
      return { kind: "scalar", line: this.lineNo, value, text: value };
    }
    const { value: source } = this.advance(plainAt(this.line, this.pos, flow));
    return { kind: "scalar", line: this.lineNo, value: coreValue(source), text: source };
  }

  /** Moves past a scalar just read. */
  private advance(scalar: ScalarAt): ScalarAt {
    this.pos = scalar.end;
    return scalar;
  }

  /** A key: plain (of {@link PLAIN_KEY}'s characters) or quoted; its value as YAML types it. */
  private key(): unknown {
    const ch = this.line[this.pos];
    let key: unknown;
    if (ch === '"') key = this.advance(doubleQuotedAt(this.line, this.pos)).value;
    else if (ch === "'") key = this.advance(singleQuotedAt(this.line, this.pos)).value;
    else {
      PLAIN_KEY.lastIndex = this.pos;
      if (!PLAIN_KEY.test(this.line)) throw OUTSIDE;
      key = coreValue(this.line.slice(this.pos, PLAIN_KEY.lastIndex));
      this.pos = PLAIN_KEY.lastIndex;
    }
    return key;
  }

  /** A key in block style, its `:` and the spaces after it. */
  private blockKey(): unknown {
    const key = this.key();
    this.colon(false);
    this.spaces();
    return key;
  }

  /** `:` right after a key, then a space (or, in block style, the end of the line). */
  private colon(flow: boolean): void {
    if (this.line[this.pos] !== ":") throw OUTSIDE;
    this.pos++;
    const after = this.line[this.pos];
    if (after === " " || (!flow && after === undefined)) return;
    throw OUTSIDE;
  }

  private spaces(): void {
    while (this.line.charCodeAt(this.pos) === 32) this.pos++;
  }

  /** At the end of the line, or at a comment (after a space). */
  private atEnd(): boolean {
    return this.pos >= this.line.length || (this.line[this.pos] === "#" && this.line[this.pos - 1] === " ");
  }

  /** Nothing but spaces and a comment may follow. */
  private lineEnd(): void {
    this.spaces();
    if (!this.atEnd()) throw OUTSIDE;
  }

  /** Ends the block entry being read: one with no field has no value (a null), not read here. */
  private closeBlock(open: OpenCollection): void {
    if (open.block !== undefined && open.block.node.pairs!.length === 0) throw OUTSIDE;
    open.block = undefined;
  }

  /** Ends the collection being read: one with no entry is an empty value (a null), not read here. */
  private close(): void {
    if (this.open === undefined) return;
    this.closeBlock(this.open);
    if (this.open.entries === 0) throw OUTSIDE;
    this.open = undefined;
  }
}

/** A pair of a scalar key (the only keys read here). */
function pairOf(key: unknown, keyLine: number, value: YamlTreeNode): YamlTreePair {
  return { keyIsScalar: true, key, label: String(key), keyLine, value };
}
