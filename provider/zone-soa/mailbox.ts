/**
 * The SOA's `email`: the zone administrator's mailbox, which the SOA record carries as its RNAME
 * (`hostmaster@example.com` is served as `hostmaster.example.com.`, RFC 1035 §3.3.13). OVH's API takes and answers
 * the mailbox form: its schema describes `domain.zone.Soa.email` as the "Email address of the DNS Administrator",
 * and the default `tech.ovh.net.` of its export head is `tech@ovh.net` (docs/ovh-api.md §4 "SOA"; that the RNAME
 * form is refused is a guess, docs/zone-soa.md). Pure: no API call.
 */
import { checkLabels } from "../records/hostname";
import { findCharacter, isControlOrSpace, isNotPrintableAscii } from "../text/characters";

/** The characters of a local part: RFC 5322's `atext` and the dot, nothing a zone file would have to quote. */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
/** The local part is one DNS label of the RNAME (RFC 1035 §2.3.4: 63 octets). */
const MAX_LOCAL = 63;

/** Why `value` cannot be the SOA's `email`, with the fix; `undefined` when it can. */
export function mailboxProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `email must be a mailbox such as "hostmaster@example.com", not ${JSON.stringify(value)}`;
  const bad = findCharacter(value, isControlOrSpace);
  if (bad !== undefined) return `email holds ${bad.name} at character ${bad.position}: write the mailbox alone, e.g. "hostmaster@example.com"`;
  const at = value.split("@");
  if (at.length === 1) return rnameProblem(value);
  if (at.length > 2) return `email "${value}" has more than one "@": write one mailbox, e.g. "hostmaster@example.com"`;
  const [local, domain] = at as [string, string];
  return localPartProblem(value, local) ?? domainProblem(value, domain);
}

/** A mailbox without `@`: most likely the SOA's RNAME form, which OVH does not take; says the mailbox it stands for. */
function rnameProblem(value: string): string {
  const mailbox = mailboxOfRname(value);
  const fix = mailbox === undefined ? `a mailbox such as "hostmaster@example.com"` : `"${mailbox}"`;
  return `email "${value}" has no "@": OVH takes the administrator's address as a mailbox, not the SOA's RNAME form; use ${fix}`;
}

/** `hostmaster.example.com.` -> `hostmaster@example.com` (the first unescaped dot is the `@`, RFC 1035 §8). */
export function mailboxOfRname(rname: string): string | undefined {
  const name = rname.replace(/\.$/, "");
  const dot = /(?<!\\)\./.exec(name);
  if (dot === null || dot.index === 0 || dot.index === name.length - 1) return undefined;
  return `${name.slice(0, dot.index).replace(/\\\./g, ".")}@${name.slice(dot.index + 1)}`;
}

function localPartProblem(value: string, local: string): string | undefined {
  if (local === "") return `email "${value}" has nothing before the "@": name the mailbox, e.g. "hostmaster${value}"`;
  const foreign = findCharacter(local, isNotPrintableAscii);
  if (foreign !== undefined) return `email "${value}" has ${foreign.name} before the "@": the SOA carries the mailbox in ASCII; use an ASCII address`;
  if (!LOCAL_PART.test(local)) return `email "${value}" has a character before the "@" other than letters, digits, "." and !#$%&'*+/=?^_\`{|}~-: use a plain address such as "hostmaster@..."`;
  if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) return `email "${value}" has a leading, trailing or doubled dot before the "@": remove it`;
  if (local.length > MAX_LOCAL) return `email "${value}" has ${local.length} characters before the "@"; the SOA carries them as one DNS label, at most ${MAX_LOCAL}: use a shorter mailbox`;
  return undefined;
}

function domainProblem(value: string, domain: string): string | undefined {
  if (domain === "") return `email "${value}" has no domain after the "@": e.g. "${value}example.com"`;
  if (domain.endsWith(".")) return `email "${value}" ends in a dot: a mailbox's domain has none; use "${value.replace(/\.+$/, "")}"`;
  if (!domain.includes(".")) return `email "${value}" has a domain without a dot: use the mailbox's full domain, e.g. "${value}.com"`;
  const [reason] = checkLabels(`email's domain`, domain);
  return reason === undefined ? undefined : `${reason}: use a mailbox at a DNS name, e.g. "hostmaster@example.com"`;
}

/** Two spellings of one mailbox: the SOA carries it as DNS labels, which compare without regard to case (RFC 4343). */
export function mailboxesEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== "string" || typeof b !== "string") return a === b;
  return a.toLowerCase() === b.toLowerCase();
}
