/**
 * `pulumi-ovh-dns emulator --log`: one line per request on stderr, so that a user testing a stack on the emulator
 * sees what was called and how it ended, while stdout keeps only the export lines. The request log itself is the
 * emulator's (emulator/request-log.ts); this is its form for a human.
 */
import type { LogEntry } from "../emulator";

/**
 * `12:00:01.250 POST /domain/zone/example.com/record 200 ok`: the emulator's clock (UTC), the method, the path
 * with its query, the status (`---` for a connection dropped without an answer) and the outcome (ok, error, or
 * the fault or rate limit that decided it).
 */
export function requestLine(entry: LogEntry): string {
  const time = new Date(entry.at).toISOString().slice(11, 23);
  const query = new URLSearchParams(entry.query).toString();
  const status = entry.status === 0 ? "---" : String(entry.status);
  return `${time} ${entry.method} ${entry.path}${query ? `?${query}` : ""} ${status} ${entry.outcome}`;
}
