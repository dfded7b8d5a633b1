/**
 * The limits of the Zone readers (`Zone.fromBind`, `Zone.fromYaml`), checked while reading so that a hostile or
 * careless file (a pull request can carry any) is refused in bounded time and memory, before it is parsed whole.
 * Each refusal names the limit and, where raising it makes sense, how. The values and why: docs/zone.md, "Limits".
 */
import * as fs from "node:fs";
import { ZoneFileError } from "./zone-file-error";

/** The limits a reader applies; `maxFileBytes` and `maxRecords` can be raised (or lowered) per call. */
export interface ZoneReadLimits {
  /** The largest file read, in bytes (default 8 MiB: 50,000 records at about 170 bytes each). */
  maxFileBytes?: number;
  /** The most records one file declares (default 50,000). */
  maxRecords?: number;
}

/** Default of {@link ZoneReadLimits.maxFileBytes}. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Default of {@link ZoneReadLimits.maxRecords}. */
export const MAX_RECORDS = 50_000;
/**
 * The longest record value as written, in characters: the longest text a record may hold is 4096 bytes
 * (provider/records/types/text-limits.ts), which written as `\DDD` escapes takes 4 characters a byte.
 * Not raisable: a longer value would be refused by the record's own check anyway.
 */
export const MAX_VALUE_CHARS = 4 * 4096;
/** The longest entry (a line, or lines joined by parentheses): a value and room for its name, TTL, class, type. */
export const MAX_ENTRY_CHARS = MAX_VALUE_CHARS + 1024;

/** `limits` with their defaults, each checked to be a positive whole number. */
export function readLimits(file: string, limits: ZoneReadLimits | undefined): Required<ZoneReadLimits> {
  const chosen = { maxFileBytes: limits?.maxFileBytes ?? MAX_FILE_BYTES, maxRecords: limits?.maxRecords ?? MAX_RECORDS };
  for (const [key, value] of Object.entries(chosen)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new ZoneFileError(file, 1, `limits.${key} is ${String(value)}: use a whole number, 1 or more`);
  }
  return chosen;
}

/**
 * The file's text, read only when it is within `maxFileBytes`: its size is checked on the open file before any
 * byte is read, and the read stops one byte past the limit (a file growing meanwhile is refused too).
 */
export function readZoneText(file: string, limits: Required<ZoneReadLimits>, reader: string): string {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    if (size > limits.maxFileBytes) throw fileTooLarge(file, size, limits, reader);
    const buffer = Buffer.alloc(Math.min(size, limits.maxFileBytes) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = fs.readSync(fd, buffer, length, buffer.length - length, null);
    if (length > limits.maxFileBytes) throw fileTooLarge(file, length, limits, reader);
    return buffer.toString("utf8", 0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/** Refuses text given directly (not read from the file) past `maxFileBytes`, as a file of that size would be. */
export function checkTextSize(file: string, text: string, limits: Required<ZoneReadLimits>, reader: string): void {
  // A UTF-8 character takes at least one byte and at most three per UTF-16 unit: skip counting when clearly within.
  if (text.length * 3 <= limits.maxFileBytes) return;
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > limits.maxFileBytes) throw fileTooLarge(file, bytes, limits, reader);
}

function fileTooLarge(file: string, size: number, limits: Required<ZoneReadLimits>, reader: string): ZoneFileError {
  return new ZoneFileError(file, 1,
    `the file is ${size} bytes, over the limit of ${limits.maxFileBytes} (limits.maxFileBytes): nothing was read; ` +
      `split the zone, or raise the limit: ${reader}(file, { limits: { maxFileBytes: ${2 * limits.maxFileBytes} } })`);
}

/** Refuses the record past `maxRecords`, at its line. */
export function tooManyRecords(file: string, line: number, limits: Required<ZoneReadLimits>, reader: string): ZoneFileError {
  return new ZoneFileError(file, line,
    `more than ${limits.maxRecords} records (limits.maxRecords), the most one file may declare: reading stopped here; ` +
      `split the zone, or raise the limit: ${reader}(file, { limits: { maxRecords: ${2 * limits.maxRecords} } })`);
}

/** Refuses an entry (or a YAML line) longer than {@link MAX_ENTRY_CHARS}, before it is scanned. */
export function entryTooLong(file: string, line: number, length: number, what: string): ZoneFileError {
  return new ZoneFileError(file, line,
    `the ${what} is ${length} characters long, over the limit of ${MAX_ENTRY_CHARS}: a record value holds at most ` +
      `${MAX_VALUE_CHARS} characters as written (4096 bytes of text, each written as a \\DDD escape at worst); shorten it`);
}

/** Refuses a value longer than {@link MAX_VALUE_CHARS}. */
export function valueTooLong(file: string, line: number, length: number, what: string): ZoneFileError {
  return new ZoneFileError(file, line,
    `${what} is ${length} characters long, over the limit of ${MAX_VALUE_CHARS} for a record value as written ` +
      "(4096 bytes of text, each written as a \\DDD escape at worst); shorten it");
}
