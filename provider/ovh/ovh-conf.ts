import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OvhConfigError } from "./errors";

/** An ovh.conf file: section name -> key -> value. Keys are lower-cased, as configparser does. */
export type OvhConf = Record<string, Record<string, string>>;

/** A parsed ovh.conf file and where it was read. */
export interface OvhConfFile {
  path: string;
  conf: OvhConf;
}

/** Reads a file's text, or returns undefined when it does not exist. */
export type ReadTextFile = (path: string) => string | undefined;

/**
 * The files python-ovh and go-ovh read, highest priority first: `./ovh.conf`, `~/.ovh.conf`,
 * `/etc/ovh.conf` (go-ovh `configuration.go` loads them in the reverse order, each overriding the
 * previous one, which amounts to the same).
 */
export function defaultOvhConfPaths(cwd: string, home: string | undefined): string[] {
  const paths = [join(cwd, "ovh.conf")];
  if (home) paths.push(join(home, ".ovh.conf"));
  paths.push("/etc/ovh.conf");
  return paths;
}

/**
 * Parses the ini format shared by the OVH SDKs: `[default]` with `endpoint=ovh-eu`, then one
 * section per endpoint with `application_key`, `application_secret`, `consumer_key`, `client_id`,
 * `client_secret` (go-ovh also reads `access_token`). `key = value` and `key: value` are both
 * accepted; lines starting `#` or `;` are comments. Values are taken verbatim (trimmed): OVH
 * secrets may contain characters that look like inline comments.
 *
 * Sections and keys live in objects without a prototype, and the names `__proto__`, `constructor` and
 * `prototype` are refused: a file with `[__proto__]` must not change every object of the process.
 */
export function parseOvhConf(text: string, path = "ovh.conf"): OvhConf {
  const conf: OvhConf = Object.create(null) as OvhConf;
  let section: Record<string, string> | undefined;
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) return;
    const header = /^\[([^\]]*)\]$/.exec(line);
    if (header) {
      const name = header[1].trim();
      refuseReservedName(name, `${path} line ${index + 1}: section [${name}]`);
      section = conf[name] ??= Object.create(null) as Record<string, string>;
      return;
    }
    // `s`: a lone CR or a U+2028 inside a value is part of the value (lines end at LF), refused by name when the
    // value is used (credential-values.ts) rather than making the line unreadable.
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/s.exec(line);
    if (!pair) {
      throw new OvhConfigError(`${path} line ${index + 1} is neither a [section] nor a "key = value" line.`);
    }
    if (!section) {
      throw new OvhConfigError(`${path} line ${index + 1} comes before any [section]; start the file with [default].`);
    }
    const key = pair[1].toLowerCase();
    refuseReservedName(key, `${path} line ${index + 1}: key "${key}"`);
    section[key] = pair[2].trim();
  });
  return conf;
}

/** Names that address an object's prototype machinery rather than a value. */
const RESERVED_NAMES = new Set(["__proto__", "constructor", "prototype"]);

function refuseReservedName(name: string, where: string): void {
  if (RESERVED_NAMES.has(name)) {
    throw new OvhConfigError(`${where} is not an OVH section or key name; remove or rename it (sections are endpoints such as [ovh-eu]).`);
  }
}

/** Reads a file with node:fs; a missing file (or a directory) is `undefined`, as in go-ovh's LooseLoad. */
const readTextFileIfExists: ReadTextFile = (path) => {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR") return undefined;
    throw new OvhConfigError(`Cannot read ${path} (${code ?? "error"}): fix its permissions or remove it.`, { cause: err });
  }
};

/** Reads and parses the files that exist, keeping their order. */
export function readOvhConfFiles(paths: string[], readFile: ReadTextFile = readTextFileIfExists): OvhConfFile[] {
  const files: OvhConfFile[] = [];
  for (const path of paths) {
    const text = readFile(path);
    if (text !== undefined) files.push({ path, conf: parseOvhConf(text, path) });
  }
  return files;
}
