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
import { checkTextSize, entryTooLong, MAX_ENTRY_CHARS, MAX_VALUE_CHARS, readLimits, readZoneText, tooManyRecords, valueTooLong, type ZoneReadLimits } from "./limits";
import type { ZoneRecordSpec } from "./records";
import type { ZoneRedirectionSpec } from "./redirections";
import { readYamlFast } from "./yaml-fast";
import { readYamlFull } from "./yaml-full";
import type { YamlTreeNode, YamlTreePair } from "./yaml-tree";

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

/** `file:line` of a node; `at.line(node)` its line alone. */
type At = ((node: YamlTreeNode | undefined) => string) & { file: string };

/**
 * Reads and validates a records file; throws every problem with its line. Its limits are checked while reading:
 * the file's size before it is read (or `text`'s), each line's length before it is parsed, the record count
 * as records come (reading stops at the one past `maxRecords`), each value's length as it is read.
 * Files of the usual shape (yaml-fast.ts) are read line by line; any other goes through the `yaml` package
 * (yaml-full.ts); both give the same tree, checked here.
 */
export function readYamlZone(file: string, text?: string, options: YamlOptions = {}): ZoneSource {
  const limits = readLimits(file, options.limits);
  if (text === undefined) text = readZoneText(file, limits, "Zone.fromYaml");
  else checkTextSize(file, text, limits, "Zone.fromYaml");
  checkLineLengths(file, text);
  const tooMany = (line: number) => tooManyRecords(file, line, limits, "Zone.fromYaml");
  const root = readYamlFast(text, limits.maxRecords, tooMany) ?? readYamlFull(file, text, limits.maxRecords, tooMany);
  return checkYamlTree(file, root, limits.maxRecords, tooMany);
}

/** The zone a records file's tree declares, or every problem in it with its line. */
function checkYamlTree(file: string, root: YamlTreeNode, maxRecords: number, tooMany: (line: number) => Error): ZoneSource {
  const at: At = Object.assign((node: YamlTreeNode | undefined) => `${file}:${node?.line ?? 1}`, { file });
  const problems: string[] = [];
  if (root.kind !== "map") throw new Error(`${at(root)}: expected a map with "zoneName:" and "records:"`);
  const pairs = root.pairs ?? [];
  duplicateKeys(pairs, file, problems);
  const get = (key: string) => pairs.find((p) => p.keyIsScalar && p.key === key);
  const zoneNode = get("zoneName")?.value;
  const zoneValue: unknown = zoneNode?.kind === "scalar" ? zoneNode.value : undefined;
  const recordsNode = get("records")?.value;
  for (const pair of pairs) {
    const key = pair.keyIsScalar ? String(pair.key) : "";
    if (!ROOT_KEYS.includes(key)) problems.push(`${file}:${pair.keyLine}: unknown key "${key}"; the file takes zoneName, adopt, records and redirections`);
  }
  const adoptNode = get("adopt")?.value;
  const adopt: unknown = adoptNode?.kind === "scalar" ? adoptNode.value : adoptNode;
  if (adoptNode !== undefined && typeof adopt !== "boolean") problems.push(`${at(adoptNode)}: adopt must be true or false (the Zone's adopt), e.g. "adopt: true"`);
  if (typeof zoneValue !== "string" || zoneValue.trim() === "") {
    problems.push(`${at(zoneNode ?? root)}: zoneName must be the zone, e.g. "zoneName: example.com"`);
  }
  const entries: { label: string; line: number; node: YamlTreeNode | undefined }[] = [];
  if (recordsNode?.kind === "map") for (const pair of recordsNode.pairs ?? []) entries.push({ label: pair.label, line: pair.keyLine, node: pair.value });
  else if (recordsNode?.kind === "seq") (recordsNode.items ?? []).forEach((node, i) => entries.push({ label: `#${i + 1}`, line: node.line, node }));
  else problems.push(`${at(recordsNode ?? root)}: records must be a map (label: record) or a list of records`);
  if (entries.length > maxRecords) throw tooMany(entries[maxRecords].line);
  if (recordsNode?.kind === "map") duplicateKeys(recordsNode.pairs ?? [], file, problems);
  const records = entries.flatMap(({ label, node }) => readRecord(node, label, at, problems));
  const redirectionsNode = get("redirections")?.value;
  const redirections: ZoneRedirectionSpec[] = [];
  if (redirectionsNode !== undefined && redirectionsNode.kind !== "map") problems.push(`${at(redirectionsNode)}: redirections must be a map (label: redirection)`);
  else if (redirectionsNode !== undefined) {
    for (const pair of redirectionsNode.pairs ?? []) redirections.push(...readRedirection(pair.value, pair.label, at, problems));
  }
  if (problems.length > 0) throw new Error(`${file}: ${problems.length} problem(s):\n  - ${problems.join("\n  - ")}`);
  return { zoneName: String(zoneValue).trim(), records, ...(typeof adopt === "boolean" ? { adopt } : {}), ...(redirectionsNode === undefined ? {} : { redirections }) };
}

/** One entry of `redirections:`: its fields as written (all text); the Zone checks their values. */
function readRedirection(node: YamlTreeNode | undefined, label: string, at: At, problems: string[]): ZoneRedirectionSpec[] {
  if (node?.kind !== "map") {
    problems.push(`${at(node)}: redirection ${label} must be a map with type, target and optionally subDomain, title, keywords, description`);
    return [];
  }
  const redirection: Record<string, unknown> = { source: `${at(node)} (${label})` };
  for (const pair of node.pairs ?? []) {
    const key = pair.keyIsScalar ? String(pair.key) : "";
    if (!REDIRECTION_FIELDS.includes(key)) {
      problems.push(`${at.file}:${pair.keyLine}: redirection ${label}: unknown field "${key}"; a redirection takes ${REDIRECTION_FIELDS.join(", ")}`);
    } else if (pair.value?.kind !== "scalar") {
      problems.push(`${at.file}:${pair.value?.line ?? pair.keyLine}: redirection ${label}: ${key} must be a single value`);
    } else {
      redirection[key] = pair.value.text;
    }
  }
  return [redirection as unknown as ZoneRedirectionSpec];
}

function readRecord(node: YamlTreeNode | undefined, label: string, at: At, problems: string[]): ZoneRecordSpec[] {
  if (node?.kind !== "map") {
    problems.push(`${at(node)}: record ${label} must be a map with fieldType, target and optionally subDomain, ttl`);
    return [];
  }
  const pairs = node.pairs ?? [];
  duplicateKeys(pairs, at.file, problems);
  const record: Record<string, unknown> = { source: `${at(node)} (${label})` };
  for (const pair of pairs) {
    const key = pair.keyIsScalar ? String(pair.key) : "";
    if (key === "importId") {
      problems.push(`${at.file}:${pair.keyLine}: record ${label}: importId is not taken by a Zone; set "adopt: true" on the Zone to take over existing records`);
    } else if (!RECORD_FIELDS.includes(key)) {
      problems.push(`${at.file}:${pair.keyLine}: record ${label}: unknown field "${key}"; a record takes subDomain, fieldType, target and ttl`);
    } else if (pair.value?.kind !== "scalar") {
      problems.push(`${at.file}:${pair.value?.line ?? pair.keyLine}: record ${label}: ${key} must be a single value`);
    } else {
      const value = TEXT_FIELDS.includes(key) ? pair.value.text : pair.value.value;
      if (typeof value === "string" && value.length > MAX_VALUE_CHARS) throw valueTooLong(at.file, pair.value.line, value.length, `record ${label}: ${key}`);
      record[key] = value;
    }
  }
  return [record as unknown as ZoneRecordSpec];
}

/** Every key of a map written twice, at its second line; a Map, so a map of n keys costs n look-ups. */
function duplicateKeys(pairs: YamlTreePair[], file: string, problems: string[]): void {
  const seen = new Map<unknown, number>();
  for (const pair of pairs) {
    if (!pair.keyIsScalar) continue;
    const first = seen.get(pair.key);
    if (first === undefined) seen.set(pair.key, pair.keyLine);
    else problems.push(`${file}:${pair.keyLine}: Map keys must be unique: ${JSON.stringify(String(pair.key))} is also at ${file}:${first}`);
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
