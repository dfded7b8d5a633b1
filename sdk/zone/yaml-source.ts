/**
 * `Zone.fromYaml`: a zone kept as YAML, in the records-file shape of examples/gitops (and of
 * `pulumi-ovh-dns export --format yaml`):
 *
 * ```yaml
 * zoneName: example.com
 * adopt: true          # optional: the Zone's `adopt`
 * records:
 *   web: { subDomain: "", fieldType: A, target: 203.0.113.10, ttl: 3600 }
 *   www: { subDomain: www, fieldType: CNAME, target: example.com. }
 * redirections:        # optional: web redirections, one ZoneRedirection each (sdk/zone/redirections.ts)
 *   old: { subDomain: old, type: visiblePermanent, target: "https://www.example.com/" }
 * ```
 * `records` is a map (its keys are labels for people and errors; child names come from the content) or a
 * list. subDomain, fieldType and target are kept as written (`target: 1.10` is the text "1.10", not the
 * number 1.1); ttl is a number. Every error names the file and line.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type Scalar, type YAMLMap } from "yaml";
import { checkTextSize, entryTooLong, MAX_ENTRY_CHARS, MAX_VALUE_CHARS, readLimits, readZoneText, tooManyRecords, valueTooLong, type ZoneReadLimits } from "./limits";
import type { ZoneRecordSpec } from "./records";
import type { ZoneRedirectionSpec } from "./redirections";

/** A zone read from a file: its name and records, each with its `source` (file:line). */
export interface ZoneSource {
  zoneName: string;
  records: ZoneRecordSpec[];
  /** The Zone's `adopt`, when the file sets it (`adopt: true`, as `pulumi-ovh-dns export --format yaml` writes). */
  adopt?: boolean;
  /** Web redirections, when the file has a `redirections:` map. */
  redirections?: ZoneRedirectionSpec[];
}

const RECORD_FIELDS = ["subDomain", "fieldType", "target", "ttl"];
/** Fields whose value is text: a plain scalar is kept as written, not read as a number, a boolean or null. */
const TEXT_FIELDS = ["subDomain", "fieldType", "target"];
const ROOT_KEYS = ["zoneName", "adopt", "records", "redirections"];
const REDIRECTION_FIELDS = ["subDomain", "type", "target", "title", "keywords", "description"];

/** Options of {@link readYamlZone}. */
export interface YamlOptions {
  /** The reader's limits: file size and record count (docs/zone.md, "Limits"). */
  limits?: ZoneReadLimits;
}

type Located = { range?: [number, number, number?] | null } | null | undefined;
/** `file:line` of a node; `at.line(node)` its line alone. */
type At = ((node: Located) => string) & { file: string; line: (node: Located) => number };

/**
 * Reads and validates a records file; throws every problem with its line. Its limits are checked while reading:
 * the file's size before it is read (or `text`'s), each line's length before it is parsed, the record count
 * before any record is read, each value's length as it is read.
 */
export function readYamlZone(file: string, text?: string, options: YamlOptions = {}): ZoneSource {
  const limits = readLimits(file, options.limits);
  if (text === undefined) text = readZoneText(file, limits, "Zone.fromYaml");
  else checkTextSize(file, text, limits, "Zone.fromYaml");
  checkLineLengths(file, text);
  const lines = new LineCounter();
  // uniqueKeys: false, and duplicates are found below with a Set: the yaml package compares each key with every
  // key before it, which takes 40 s for a 50,000-key map (measured here, issue #19).
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const line = (node: Located) => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const at: At = Object.assign((node: Located) => `${file}:${line(node)}`, { file, line });
  if (doc.errors.length > 0) {
    throw new Error(`${file}: not valid YAML:\n  - ${doc.errors.map((e) => `${file}:${lines.linePos(e.pos[0]).line}: ${e.message.split("\n")[0]}`).join("\n  - ")}`);
  }
  const problems: string[] = [];
  const root = doc.contents;
  if (!isMap(root)) throw new Error(`${at(root)}: expected a map with "zoneName:" and "records:"`);
  duplicateKeys(root, at, problems);
  const zoneNode = root.get("zoneName", true) as Node | undefined;
  const zoneValue: unknown = isScalar(zoneNode) ? zoneNode.value : undefined;
  const recordsNode = root.get("records", true) as Node | undefined;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (!ROOT_KEYS.includes(key)) problems.push(`${at(pair.key as Node)}: unknown key "${key}"; the file takes zoneName, adopt, records and redirections`);
  }
  const adoptNode = root.get("adopt", true) as Node | undefined;
  const adopt: unknown = isScalar(adoptNode) ? adoptNode.value : adoptNode;
  if (adoptNode !== undefined && typeof adopt !== "boolean") problems.push(`${at(adoptNode)}: adopt must be true or false (the Zone's adopt), e.g. "adopt: true"`);
  if (typeof zoneValue !== "string" || zoneValue.trim() === "") {
    problems.push(`${at(zoneNode ?? root)}: zoneName must be the zone, e.g. "zoneName: example.com"`);
  }
  const entries: { label: string; node: unknown }[] = [];
  if (isMap(recordsNode)) for (const pair of recordsNode.items as Pair[]) entries.push({ label: String((pair.key as { value?: unknown })?.value), node: pair.value });
  else if (isSeq(recordsNode)) recordsNode.items.forEach((node, i) => entries.push({ label: `#${i + 1}`, node }));
  else problems.push(`${at(recordsNode ?? root)}: records must be a map (label: record) or a list of records`);
  if (entries.length > limits.maxRecords) {
    throw tooManyRecords(file, line(entries[limits.maxRecords].node as Node), limits, "Zone.fromYaml");
  }
  if (isMap(recordsNode)) duplicateKeys(recordsNode, at, problems);
  const records = entries.flatMap(({ label, node }) => readRecord(node as Node, label, at, problems));
  const redirectionsNode = root.get("redirections", true) as Node | undefined;
  const redirections: ZoneRedirectionSpec[] = [];
  if (redirectionsNode !== undefined && !isMap(redirectionsNode)) problems.push(`${at(redirectionsNode)}: redirections must be a map (label: redirection)`);
  else if (redirectionsNode !== undefined) {
    for (const pair of redirectionsNode.items as Pair[]) redirections.push(...readRedirection(pair.value as Node, String((pair.key as { value?: unknown })?.value), at, problems));
  }
  if (problems.length > 0) throw new Error(`${file}: ${problems.length} problem(s):\n  - ${problems.join("\n  - ")}`);
  return { zoneName: String(zoneValue).trim(), records, ...(typeof adopt === "boolean" ? { adopt } : {}), ...(redirectionsNode === undefined ? {} : { redirections }) };
}

/** One entry of `redirections:`: its fields as written (all text); the Zone checks their values. */
function readRedirection(node: Node, label: string, at: (n: Node) => string, problems: string[]): ZoneRedirectionSpec[] {
  if (!isMap(node)) {
    problems.push(`${at(node)}: redirection ${label} must be a map with type, target and optionally subDomain, title, keywords, description`);
    return [];
  }
  const redirection: Record<string, unknown> = { source: `${at(node)} (${label})` };
  for (const pair of node.items as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (!REDIRECTION_FIELDS.includes(key)) {
      problems.push(`${at(pair.key)}: redirection ${label}: unknown field "${key}"; a redirection takes ${REDIRECTION_FIELDS.join(", ")}`);
    } else if (!isScalar(pair.value)) {
      problems.push(`${at(pair.value ?? pair.key)}: redirection ${label}: ${key} must be a single value`);
    } else {
      redirection[key] = textAsWritten(pair.value);
    }
  }
  return [redirection as unknown as ZoneRedirectionSpec];
}

function readRecord(node: Node, label: string, at: At, problems: string[]): ZoneRecordSpec[] {
  if (!isMap(node)) {
    problems.push(`${at(node)}: record ${label} must be a map with fieldType, target and optionally subDomain, ttl`);
    return [];
  }
  duplicateKeys(node, at, problems);
  const record: Record<string, unknown> = { source: `${at(node)} (${label})` };
  for (const pair of node.items as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (key === "importId") {
      problems.push(`${at(pair.key)}: record ${label}: importId is not taken by a Zone; set "adopt: true" on the Zone to take over existing records`);
    } else if (!RECORD_FIELDS.includes(key)) {
      problems.push(`${at(pair.key)}: record ${label}: unknown field "${key}"; a record takes subDomain, fieldType, target and ttl`);
    } else if (!isScalar(pair.value)) {
      problems.push(`${at(pair.value ?? pair.key)}: record ${label}: ${key} must be a single value`);
    } else {
      const value = TEXT_FIELDS.includes(key) ? textAsWritten(pair.value) : pair.value.value;
      if (typeof value === "string" && value.length > MAX_VALUE_CHARS) throw valueTooLong(at.file, at.line(pair.value), value.length, `record ${label}: ${key}`);
      record[key] = value;
    }
  }
  return [record as unknown as ZoneRecordSpec];
}

/** Every key of `map` written twice, at its second line; a Set, so a map of n keys costs n look-ups. */
function duplicateKeys(map: YAMLMap, at: At, problems: string[]): void {
  const seen = new Map<unknown, string>();
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    const first = seen.get(pair.key.value);
    if (first === undefined) seen.set(pair.key.value, at(pair.key));
    else problems.push(`${at(pair.key)}: Map keys must be unique: ${JSON.stringify(String(pair.key.value))} is also at ${first}`);
  }
}

/** Refuses a line longer than {@link MAX_ENTRY_CHARS} before the text is parsed, as the BIND reader does. */
function checkLineLengths(file: string, text: string): void {
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    if (end - start > MAX_ENTRY_CHARS) throw entryTooLong(file, line, end - start, "line");
    start = end + 1;
  }
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
