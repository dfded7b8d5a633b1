/**
 * `Zone.fromYaml`'s reader for any YAML (the files yaml-fast.ts does not read): the `yaml` package's parser and
 * composer, driven here so that the record count is checked as the file is parsed. At each line end, the parser's
 * stack holds the collection under `records:` being built; once it holds `maxRecords` + 1 entries, parsing stops
 * with the count's error, before the rest of the file is parsed or any node of it is made.
 *
 * What the package guards (https://eemeli.org/yaml/#options): tags it does not know (`!!js/function`) are read as
 * their text; aliases are kept as alias nodes, never expanded (a record's value that is one is refused as not a
 * single value); duplicate keys are found by yaml-source.ts (`uniqueKeys: false`: the package compares each key
 * with every key before it, 40 s for a map of 50,000 keys).
 */
import { Composer, isMap, isScalar, isSeq, LineCounter, Parser, YAMLParseError, type CST, type Document, type Node, type Pair, type Scalar } from "yaml";
import type { YamlTreeNode, YamlTreePair } from "./yaml-tree";

/** The depth the checks read: the root map, `records:`, a record, its fields. */
const TREE_DEPTH = 3;

/**
 * The root of `text` as a tree; throws the file's YAML errors with their lines, and `tooMany(line)` as soon as
 * the collection under `records:` holds more than `maxRecords` entries.
 */
export function readYamlFull(file: string, text: string, maxRecords: number, tooMany: (line: number) => Error): YamlTreeNode {
  const lines = new LineCounter();
  const counter = new RecordCounter(maxRecords);
  const parser: Parser = new Parser((offset) => {
    lines.addNewLine(offset);
    const past = counter.pastLimit(parser.stack);
    if (past !== undefined) throw tooMany(lines.linePos(past).line);
  });
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(parser.parse(text), true, text.length)) {
    if (doc === undefined) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
      break;
    }
  }
  // compose(…, forceDoc: true) yields a document for any text, an empty one included.
  const { errors, contents } = doc!;
  if (errors.length > 0) {
    throw new Error(`${file}: not valid YAML:\n  - ${errors.map((e) => `${file}:${lines.linePos(e.pos[0]).line}: ${e.message.split("\n")[0]}`).join("\n  - ")}`);
  }
  const line = (node: { range?: [number, number, number?] | null } | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : 1);
  return treeOf(contents, line, TREE_DEPTH);
}

/** A node of the document as a tree node, its children down to `depth` (scalars whole at any depth). */
function treeOf(node: unknown, line: (node: Node | null | undefined) => number, depth: number): YamlTreeNode {
  const at = line(node as Node | null | undefined);
  if (isScalar(node)) return { kind: "scalar", line: at, value: node.value, text: textAsWritten(node) };
  if (isMap(node)) {
    if (depth === 0) return { kind: "map", line: at };
    return {
      kind: "map",
      line: at,
      pairs: (node.items as Pair[]).map((pair): YamlTreePair => ({
        keyIsScalar: isScalar(pair.key),
        key: isScalar(pair.key) ? pair.key.value : undefined,
        label: String((pair.key as { value?: unknown } | null)?.value),
        keyLine: line(pair.key as Node | null),
        ...(pair.value === null || pair.value === undefined ? {} : { value: treeOf(pair.value, line, depth - 1) }),
      })),
    };
  }
  if (isSeq(node)) return depth === 0 ? { kind: "seq", line: at } : { kind: "seq", line: at, items: node.items.map((item) => treeOf(item, line, depth - 1)) };
  return { kind: "other", line: at };
}

/**
 * A text field's value as written. YAML's core schema reads a plain `1.10` as the number 1.1, `0x1F` as 31,
 * `true` as a boolean and an empty value as null (YAML 1.2.2 §10.3.2, https://yaml.org/spec/1.2.2/#1032-tag-resolution):
 * for a name or a record's data, the text written is what was meant. A quoted scalar is its value.
 */
function textAsWritten(node: Scalar): unknown {
  if (node.type !== "PLAIN" || typeof node.source !== "string") return node.value;
  return node.source;
}

type Item = CST.CollectionItem;

/**
 * Counts the entries of the collection under the root's `records:` while the parser builds it: the root
 * collection is `stack[1]` (`stack[0]` the document), and while its last item is `records:`, that item's value
 * is `stack[2]`. Entries already counted are not counted again, so a file of n lines costs n steps.
 */
class RecordCounter {
  private collection: CST.Token | undefined;
  /** Items of `collection` looked at, and the entries among them. */
  private next = 0;
  private entries = 0;
  private rootItem: Item | undefined;
  private rootItemIsRecords = false;

  constructor(private readonly max: number) {}

  /** The offset of the first entry past the limit, once the parser has begun it. */
  pastLimit(stack: readonly CST.Token[]): number | undefined {
    const root = stack[1];
    const value = stack[2];
    if (root === undefined || value === undefined || !("items" in root) || !("items" in value)) return undefined;
    const item = root.items[root.items.length - 1] as Item | undefined;
    if (item !== this.rootItem) {
      this.rootItem = item;
      this.rootItemIsRecords = keyText(item) === "records";
    }
    if (!this.rootItemIsRecords) return undefined;
    if (value !== this.collection) {
      this.collection = value;
      this.next = 0;
      this.entries = 0;
    }
    const items = value.items as Item[];
    // Every item but the last is complete; the last may not have its key or value yet, and is looked at again.
    for (; this.next < items.length; this.next++) {
      const item = items[this.next];
      if (!isEntry(item)) {
        if (this.next === items.length - 1) break;
        continue;
      }
      if (this.entries === this.max) return entryOffset(item);
      this.entries++;
    }
    return undefined;
  }
}

/** The key of a root item when it is a scalar written plain or quoted: its text. */
function keyText(item: Item | undefined): string | undefined {
  const key = item?.key;
  if (key === undefined || key === null) return undefined;
  if (key.type === "scalar") return key.source;
  if (key.type === "double-quoted-scalar" || key.type === "single-quoted-scalar") return key.source.slice(1, -1);
  return undefined;
}

/** Whether an item of a collection is an entry (a flow collection's items begin before their entry, at a comma). */
function isEntry(item: Item): boolean {
  return Boolean(item.key) || Boolean(item.value) || item.start.some((t) => t.type === "seq-item-ind" || t.type === "explicit-key-ind");
}

/** Where an entry starts: its `-` or `?`, else its key, else its value. */
function entryOffset(item: Item): number {
  const indicator = item.start.find((t) => t.type === "seq-item-ind" || t.type === "explicit-key-ind");
  return indicator?.offset ?? item.key?.offset ?? item.value?.offset ?? 0;
}
