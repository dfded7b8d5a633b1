/**
 * The size of a state file an engine wrote (the local engine's JSON state, or the real CLI's checkpoint), and
 * how much of it the serialized provider takes: every `__provider` value in it, counted as the JSON it is
 * stored as. Nothing here builds a state of its own: figures are only as true as the file they read.
 */

/** One state file, measured. */
export interface StateSize {
  /** Whose file: `local engine` or `Pulumi CLI v3.274.1`. */
  engine: string;
  /** ZoneRecords the stack held when the file was read. */
  records: number;
  /** Bytes of the whole file. */
  bytes: number;
  /** Bytes of all `__provider` values in it (JSON strings, quotes included). */
  providerBytes: number;
}

/** Sums the JSON bytes of every value stored under a `__provider` key anywhere in `tree`. */
function providerBytesOf(tree: unknown): number {
  if (Array.isArray(tree)) return tree.reduce((n: number, v) => n + providerBytesOf(v), 0);
  if (tree === null || typeof tree !== "object") return 0;
  let n = 0;
  for (const [key, value] of Object.entries(tree)) {
    n += key === "__provider" ? Buffer.byteLength(JSON.stringify(value)) : providerBytesOf(value);
  }
  return n;
}

/** Measures the text of a state file holding `records` ZoneRecords. */
export function measureStateFile(engine: string, records: number, text: string): StateSize {
  return { engine, records, bytes: Buffer.byteLength(text), providerBytes: providerBytesOf(JSON.parse(text)) };
}

/** What one more record adds, from the file at 0 records and at N: bytes, and `__provider` bytes, per record. */
export function perRecord(baseline: StateSize, at: StateSize): { bytes: number; providerBytes: number } {
  const n = at.records - baseline.records;
  return { bytes: (at.bytes - baseline.bytes) / n, providerBytes: (at.providerBytes - baseline.providerBytes) / n };
}

/** What one record's resource in a checkpoint is made of: compact JSON bytes of each of its fields, averaged. */
export interface StateParts {
  /** Resources averaged (the ZoneRecords of the file). */
  resources: number;
  /** Field of the resource (`inputs`, `outputs`, `urn`...) -> mean compact JSON bytes of its value. */
  fields: Record<string, number>;
  /** Of `inputs` and `outputs`: the mean bytes of their `__provider` values. */
  providerBytes: number;
}

/** The mean make-up of the ZoneRecord resources (type `...:ZoneRecord`) of a checkpoint's text. */
export function stateParts(text: string, typeSuffix = ":ZoneRecord"): StateParts {
  const doc = JSON.parse(text) as { checkpoint?: { latest?: { resources?: Record<string, unknown>[] } } };
  const resources = (doc.checkpoint?.latest?.resources ?? []).filter((r) => String(r.type).endsWith(typeSuffix));
  const fields: Record<string, number> = {};
  let provider = 0;
  for (const r of resources) {
    for (const [key, value] of Object.entries(r)) fields[key] = (fields[key] ?? 0) + Buffer.byteLength(JSON.stringify(value));
    provider += providerBytesOf(r);
  }
  const n = Math.max(1, resources.length);
  for (const key of Object.keys(fields)) fields[key] /= n;
  return { resources: resources.length, fields, providerBytes: provider / n };
}
