/**
 * Writes credentials into an ovh.conf file, as python-ovh and go-ovh read it: `[default] endpoint=...` and
 * a section named after the endpoint. Every other line (sections, comments, other keys) is kept as it is;
 * the file is replaced atomically with a new one of mode 0600 (it holds secrets), never through a symbolic link
 * (cli/safe-write.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { parseOvhConf } from "../../provider/ovh";
import { CommandFailure } from "../cli-errors";
import { checkWriteTarget, writeFileSafely } from "../safe-write";

/** Keys to set, by section: `{ default: { endpoint }, "ovh-eu": { application_key, ... } }`. */
export type ConfEdits = Record<string, Record<string, string>>;

/**
 * The text of `original` with `edits` applied: an existing key is rewritten in place, a missing key is added
 * at the end of its section, a missing section is appended.
 */
export function editOvhConf(original: string, edits: ConfEdits): string {
  const lines = original === "" ? [] : original.replace(/\r?\n$/, "").split(/\r?\n/);
  for (const [section, keys] of Object.entries(edits)) {
    const pending = new Map(Object.entries(keys));
    const range = sectionRange(lines, section);
    if (range === undefined) {
      if (lines.length > 0 && lines[lines.length - 1].trim() !== "") lines.push("");
      lines.push(`[${section}]`, ...[...pending].map(([k, v]) => `${k}=${v}`));
      continue;
    }
    for (let i = range.start + 1; i < range.end; i++) {
      const key = /^\s*([^=:#;\s][^=:]*?)\s*[=:]/.exec(lines[i])?.[1].toLowerCase();
      if (key !== undefined && pending.has(key)) {
        lines[i] = `${key}=${pending.get(key)}`;
        pending.delete(key);
      }
    }
    let at = range.end;
    while (at > range.start + 1 && lines[at - 1].trim() === "") at--;
    lines.splice(at, 0, ...[...pending].map(([k, v]) => `${k}=${v}`));
  }
  return `${lines.join("\n")}\n`;
}

/** Lines `[start, end)` of a section, header included. */
function sectionRange(lines: string[], section: string): { start: number; end: number } | undefined {
  const start = lines.findIndex((l) => l.trim() === `[${section}]`);
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && !/^\s*\[[^\]]*\]\s*$/.test(lines[end])) end++;
  return { start, end };
}

/**
 * Reads the file (`""` when absent) and checks that it parses, so a broken file is not overwritten; a symbolic
 * link, or anything but a regular file, is refused before it is read (it would be refused when written).
 */
export function readOvhConfForEdit(path: string): string {
  checkWriteTarget(path, "--ovh-conf");
  if (!existsSync(path)) return "";
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new CommandFailure(`cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? "error"}): fix its permissions`);
  }
  try {
    parseOvhConf(text, path);
  } catch (err) {
    throw new CommandFailure(`${(err as Error).message} Fix it, or give another --ovh-conf path.`);
  }
  return text;
}

/** Writes `text` to `path` as a new file of mode 0600 renamed over it, from a private directory beside it. */
export function writeOvhConf(path: string, text: string): void {
  writeFileSafely(path, text, { mode: 0o600, replace: true, flag: "--ovh-conf" });
}
