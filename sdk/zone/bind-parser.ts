/**
 * `Zone.fromBind`: a small, strict reader of BIND zone files (RFC 1035 §5) for the record types OVH hosts.
 * It knows `$ORIGIN`, `$TTL`, `@`, relative and absolute owner names, blank owners, TTL and class IN in
 * either order, multi-string TXT and parentheses; it refuses anything else with file:line rather than guess.
 * The SOA and the apex NS records are OVH's own (an OVH export holds them) and are skipped.
 */
import { declarableText, decodeTxt, isFieldType, normaliseZoneName, quote, TEXT_FIELD_TYPES, type FieldType } from "../../provider/records";
import { lexZoneFile, ZoneFileError, type Entry, type Token } from "./bind-lexer";
import { checkTextSize, readLimits, readZoneText, tooManyRecords, type ZoneReadLimits } from "./limits";
import type { ZoneRecordSpec } from "./records";
import type { ZoneSource } from "./yaml-source";

/** Options of {@link readBindZone}. */
export interface BindOptions {
  /** The zone; needed when the file has no `$ORIGIN` before its first relative name (an OVH export has none). */
  zoneName?: string;
  /** The zone default TTL: a record without a TTL column under `$TTL` of this value (or no `$TTL`) gets ttl 0. Default 3600, OVH's. */
  zoneDefaultTtl?: number;
  /** Keep NS records at the apex (default false: OVH manages them and lists them in every export). */
  keepApexNs?: boolean;
  /** The reader's limits: file size and record count (docs/zone.md, "Limits"). */
  limits?: ZoneReadLimits;
}

/** Host-name positions in the data of types that hold one, so relative names can be made absolute. */
/** The fields of each type that are names, completed with the origin when relative (RFC 1035 §5.1). */
const HOST_FIELDS: Partial<Record<FieldType, number[]>> = { CNAME: [0], DNAME: [0], NS: [0], PTR: [0], MX: [1], SRV: [3], RP: [0, 1], SVCB: [1], HTTPS: [1] };
const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

interface ParseState {
  file: string;
  zone?: string;
  origin?: string;
  defaultTtl?: number;
  /** The TTL of the last record that stated one: a record without a TTL takes it when there is no `$TTL` (RFC 1035 §5.1). */
  lastTtl?: number;
  owner?: string;
  options: BindOptions;
}

/**
 * Reads a zone file into the records of a Zone; throws {@link ZoneFileError} at the first problem. Its limits are
 * checked while reading: the file's size before it is read (or `text`'s), each entry's length before it is
 * scanned, the record count as records come.
 */
export function readBindZone(file: string, options: BindOptions = {}, text?: string): ZoneSource {
  const limits = readLimits(file, options.limits);
  if (text === undefined) text = readZoneText(file, limits, "Zone.fromBind");
  else checkTextSize(file, text, limits, "Zone.fromBind");
  const zone = options.zoneName === undefined ? undefined : normaliseZoneName(options.zoneName);
  const state: ParseState = { file, zone, origin: zone, options };
  const records: ZoneRecordSpec[] = [];
  for (const entry of lexZoneFile(file, text)) {
    const first = entry.tokens[0];
    if (!entry.blankOwner && !first.quoted && first.text.startsWith("$")) directive(state, entry);
    else records.push(...record(state, entry));
    if (records.length > limits.maxRecords) throw tooManyRecords(file, entry.line, limits, "Zone.fromBind");
  }
  if (!state.zone) throw new ZoneFileError(file, 1, "the zone name is unknown: add `$ORIGIN example.com.` or pass { zoneName }");
  return { zoneName: state.zone, records };
}

function directive(state: ParseState, entry: Entry): void {
  const fail = (reason: string) => new ZoneFileError(state.file, entry.line, reason);
  const [name, arg, ...rest] = entry.tokens;
  const word = name.text.toUpperCase();
  if (word === "$ORIGIN") {
    if (!arg || rest.length > 0 || !arg.text.endsWith(".")) throw fail("$ORIGIN takes one absolute name ending with a dot, e.g. $ORIGIN example.com.");
    const origin = arg.text.slice(0, -1).toLowerCase();
    if (!state.zone) state.zone = origin;
    else if (origin !== state.zone && !origin.endsWith(`.${state.zone}`)) throw fail(`$ORIGIN ${arg.text} is outside zone ${state.zone}`);
    state.origin = origin;
  } else if (word === "$TTL") {
    if (!arg || rest.length > 0) throw fail("$TTL takes one TTL, e.g. $TTL 3600");
    state.defaultTtl = readTtl(arg.text) ?? (() => { throw fail(`$TTL ${arg.text} is not a TTL (seconds, or units such as 1h)`); })();
  } else {
    throw fail(`${name.text} is not supported (only $ORIGIN and $TTL): inline the records it would add`);
  }
}

/** Seconds of `3600`, `1h`, `1h30m`; undefined when it is not a TTL. */
function readTtl(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^(\d+[smhdw])+$/i.test(text)) return undefined;
  return [...text.toLowerCase().matchAll(/(\d+)([smhdw])/g)].reduce((sum, m) => sum + Number(m[1]) * TTL_UNITS[m[2]], 0);
}

function record(state: ParseState, entry: Entry): ZoneRecordSpec[] {
  const fail = (reason: string) => new ZoneFileError(state.file, entry.line, reason);
  const tokens = [...entry.tokens];
  if (!entry.blankOwner) state.owner = ownerName(state, plainName(tokens.shift()!, "owner name", fail), fail);
  if (state.owner === undefined) throw fail("the first record has no owner name");
  let ttl: number | undefined;
  for (let i = 0; i < 2 && tokens.length > 0; i++) {
    const word = tokens[0].text;
    if (word.toUpperCase() === "IN") tokens.shift();
    else if (["CH", "HS", "CS"].includes(word.toUpperCase())) throw fail(`class ${word} is not supported: OVH hosts class IN only`);
    else if (ttl === undefined && readTtl(word) !== undefined) ttl = readTtl(tokens.shift()!.text);
  }
  if (ttl !== undefined) state.lastTtl = ttl;
  const type = tokens.shift()?.text.toUpperCase();
  if (!type) throw fail("the record has no type");
  if (type === "SOA") return []; // OVH writes the SOA itself (PUT /soa), not as a record
  if (!isFieldType(type)) throw fail(`record type ${type} is not one OVH hosts (A, AAAA, CAA, CNAME, DKIM, DMARC, DNAME, HTTPS, LOC, MX, NAPTR, NS, PTR, RP, SPF, SRV, SSHFP, SVCB, TLSA, TXT)`);
  if (tokens.length === 0) throw fail(`the ${type} record has no data`);
  const subDomain = relativeName(state, state.owner);
  if (type === "NS" && subDomain === "" && !state.options.keepApexNs) return [];
  const target = TEXT_FIELD_TYPES.includes(type) ? textTarget(type, tokens, entry.comment, fail) : dataTarget(state, type, tokens, fail);
  const spec: ZoneRecordSpec = { subDomain, fieldType: type, target, ttl: ttl ?? inheritedTtl(state) };
  return [{ ...spec, source: `${state.file}:${entry.line}` }];
}

/**
 * The TTL of a record without a TTL column: `$TTL` (RFC 2308 §4), 0 (the zone default) when that is the zone
 * default; without `$TTL`, the last TTL a previous record stated (RFC 1035 §5.1), else 0.
 */
function inheritedTtl(state: ParseState): number {
  const zoneDefault = state.options.zoneDefaultTtl ?? 3600;
  if (state.defaultTtl === undefined) return state.lastTtl ?? 0;
  return state.defaultTtl === zoneDefault ? 0 : state.defaultTtl;
}

/**
 * SvcParams as one field each: the lexer ends a bare token at a quote, so `alpn="h2,h3"` (RFC 9460 §2.1) comes as
 * `alpn=` and the quoted `h2,h3`, which belong together.
 */
function joinSvcParams(tokens: Token[], words: string[]): string {
  const fields: string[] = [];
  words.forEach((word, i) => {
    const previous = tokens[i - 1];
    if (i > 2 && tokens[i].quoted && previous !== undefined && !previous.quoted && previous.text.endsWith("=")) fields[fields.length - 1] += word;
    else fields.push(word);
  });
  return fields.join(" ");
}

/**
 * A name's text, refusing an escaped dot (`a\.b`, `a\046b`): it is a dot inside one label (RFC 1035 §5.1),
 * and an OVH sub-domain cannot hold one; reading it as two labels would silently declare another name.
 */
function plainName(token: Token, what: string, fail: (r: string) => Error): string {
  if (!token.quoted && /\\(\.|046)/.test(token.raw)) {
    throw fail(`the ${what} ${token.raw} has an escaped dot, a dot inside a label, which OVH names cannot hold: write the name without "\\" if you meant two labels, or choose another name`);
  }
  return token.text;
}

function ownerName(state: ParseState, name: string, fail: (r: string) => Error): string {
  if (name === "@") {
    if (!state.origin) throw fail("@ needs the zone: add `$ORIGIN example.com.` before it or pass { zoneName }");
    return state.origin;
  }
  const lower = name.toLowerCase();
  if (lower.endsWith(".")) {
    const absolute = lower.slice(0, -1);
    if (!state.zone) state.zone = state.origin = absolute;
    if (absolute !== state.zone && !absolute.endsWith(`.${state.zone}`)) throw fail(`${name} is outside zone ${state.zone}`);
    return absolute;
  }
  if (!state.origin) throw fail(`the relative name ${name} needs the zone: add \`$ORIGIN example.com.\` or pass { zoneName }`);
  return `${lower}.${state.origin}`;
}

/** The owner relative to the zone: `""` for the apex. */
function relativeName(state: ParseState, owner: string): string {
  return owner === state.zone ? "" : owner.slice(0, -state.zone!.length - 1);
}

/**
 * TXT-like data: quoted character-strings joined (they form one value), or one unquoted word. OVH's own DKIM
 * and DMARC types are exported unquoted with their `;` separators (`v=DMARC1;p=none`), which BIND would read
 * as a comment: for those two types only, the rest of the line is the value.
 */
function textTarget(type: string, tokens: Token[], comment: string | undefined, fail: (r: string) => Error): string {
  if (tokens.every((t) => t.quoted)) return declarableText(decodeTxt(tokens.map((t) => t.raw).join(" ")));
  if (tokens.some((t) => t.quoted)) throw fail(`the ${type} data mixes quoted and unquoted words: quote every part`);
  // OVH's own DKIM, DMARC and SPF types are exported unquoted (v=DMARC1; p=none): the words are the value.
  const words = tokens.map((t) => t.raw).join(" ");
  if (type === "DKIM" || type === "DMARC") return comment === undefined ? words : `${words};${comment}`.trimEnd();
  if (type === "SPF") return words;
  if (tokens.length > 1) throw fail(`the TXT data has several unquoted words: quote it, e.g. "${tokens.map((t) => t.text).join(" ")}"`);
  return tokens[0].text;
}

/**
 * Other data: words joined by one space (quoted words quoted again in the provider's form, `\DDD` escapes
 * decoded), a relative host name made absolute.
 */
function dataTarget(state: ParseState, type: FieldType, tokens: Token[], fail: (r: string) => Error): string {
  const words = tokens.map((t) => (t.quoted ? quote(t.text) : t.text));
  for (const at of HOST_FIELDS[type] ?? []) {
    if (at >= words.length || tokens[at].quoted) continue;
    const host = plainName(tokens[at], `${type} host name`, fail);
    if (host === "@") words[at] = `${state.origin}.`;
    else if (!host.endsWith(".")) words[at] = `${host}.${state.origin}.`;
  }
  return type === "SVCB" || type === "HTTPS" ? joinSvcParams(tokens, words) : words.join(" ");
}
