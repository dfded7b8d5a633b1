/**
 * Per-type target checks the real API makes (docs/ovh-api-emulator.md, "Record validation"):
 * addresses, host names, the MX/SRV/CAA layouts, DKIM tag lists, DMARC, control characters and
 * size. Only malformed targets are refused: what OVH accepts (a host without its trailing dot, a
 * null MX) stays accepted, so that the emulator is as lenient as the real API too.
 */
import { isIPv4, isIPv6 } from "node:net";
import { badRequest } from "../errors";
import { findControlCharacter, findControlEscape } from "./characters";
import type { FieldType } from "./field-types";
import { checkHostLabels, checkTargetHost, HOST_NAME_TYPES, quoted } from "./names";
import { checkRp, checkSvcb } from "./svcb";

/** 255 strings of 255 bytes: the most text one DNS record's RDATA (65,535 octets) can carry. */
const MAX_TARGET_BYTES = 255 * 255;

const DKIM_TAGS = ["v", "g", "h", "k", "n", "p", "s", "t"];

/** The types whose target is free text, where a zone-file escape is read as the octet it stands for. */
const TEXT_TYPES: readonly FieldType[] = ["TXT", "SPF", "DKIM", "DMARC"];

/** Checks `target` for a record of `fieldType` at `subDomain`; throws a 400 naming the problem. */
export function checkTargetRules(fieldType: FieldType, subDomain: string, target: string): void {
  checkCharacters(fieldType, target);
  if (HOST_NAME_TYPES.includes(fieldType)) checkHostLabels("subDomain", subDomain);
  if (fieldType === "CNAME" && subDomain === "") {
    throw badRequest("Invalid subDomain: a CNAME cannot be at the apex of the zone, where the SOA and NS records are");
  }
  TYPE_RULES[fieldType]?.(target, subDomain);
}

const TYPE_RULES: Partial<Record<FieldType, (target: string, subDomain: string) => void>> = {
  A: (target) => {
    if (!isIPv4(target)) throw badRequest(`Invalid IPv4 address ${quoted(target)} for an A record`);
  },
  AAAA: (target) => {
    if (!isIPv6(target)) throw badRequest(`Invalid IPv6 address ${quoted(target)} for an AAAA record`);
  },
  CNAME: (target) => checkTargetHost("CNAME target", target, true),
  DNAME: (target) => checkTargetHost("DNAME target", target, false),
  NS: (target) => checkTargetHost("NS target", target, false),
  PTR: (target) => checkTargetHost("PTR target", target, false),
  MX: checkMx,
  SRV: checkSrv,
  CAA: checkCaa,
  DKIM: checkDkim,
  DMARC: checkDmarc,
  TXT: checkTxt,
  RP: checkRp,
  SVCB: (target) => checkSvcb("SVCB", target),
  HTTPS: (target) => checkSvcb("HTTPS", target),
};

/**
 * No control character (a newline would break the BIND export into two lines), nor, in a text target, a `\DDD`
 * escape that stands for one; and a size cap.
 */
function checkCharacters(fieldType: FieldType, target: string): void {
  const control = findControlCharacter(target);
  if (control !== undefined) {
    throw badRequest(`Invalid target: it holds the control character ${control.code} at position ${control.position}; targets are one line of printable text`);
  }
  const escape = TEXT_TYPES.includes(fieldType) ? findControlEscape(target) : undefined;
  if (escape !== undefined) {
    throw badRequest(
      `Invalid target: the escape ${escape.escape} at position ${escape.position} stands for the control character ${escape.code}; targets are one line of printable text`,
    );
  }
  const bytes = Buffer.byteLength(target, "utf8");
  if (bytes > MAX_TARGET_BYTES) {
    throw badRequest(`Invalid target: ${bytes} bytes, a record holds at most ${MAX_TARGET_BYTES} (255 strings of 255 bytes)`);
  }
}

function fields(target: string): string[] {
  return target.trim().split(/\s+/);
}

function checkUint16(what: string, value: string): void {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw badRequest(`Invalid ${what} ${quoted(value)}: a number from 0 to 65535`);
}

/** `priority host`, e.g. `10 mail.example.com.`; a null MX is `0 .` (RFC 7505). */
function checkMx(target: string): void {
  const parts = fields(target);
  if (parts.length !== 2) throw badRequest(`Invalid MX target ${quoted(target)}: expected "priority host", e.g. "10 mail.example.com."`);
  checkUint16("MX priority", parts[0]);
  if (parts[1] !== ".") checkTargetHost("MX host", parts[1], true);
}

/** `priority weight port host` (RFC 2782); the host `.` means "no such service". */
function checkSrv(target: string): void {
  const parts = fields(target);
  if (parts.length !== 4) {
    throw badRequest(`Invalid SRV target ${quoted(target)}: expected "priority weight port host", e.g. "10 5 5060 sip.example.com."`);
  }
  ["SRV priority", "SRV weight", "SRV port"].forEach((what, i) => checkUint16(what, parts[i]));
  if (parts[3] !== ".") checkTargetHost("SRV host", parts[3], false);
}

/** `flags tag "value"` (RFC 8659); a bare value is refused by OVH (terraform-provider-ovh #1075). */
function checkCaa(target: string): void {
  const match = /^(\d{1,3})\s+([A-Za-z0-9]+)\s+"((?:[^"\\]|\\.)*)"$/.exec(target.trim());
  if (match === null || Number(match[1]) > 255) {
    throw badRequest(`Invalid CAA target ${quoted(target)}: expected 'flags tag "value"', e.g. '0 issue "letsencrypt.org"'`);
  }
}

/**
 * A DKIM key record lives at `<selector>._domainkey[.<name>]` (RFC 6376 §3.6.2.1); OVH refuses any other owner
 * with "Invalid subdomain: <subDomain>" (observed, DNSControl/dnscontrol#4453: a DKIM at `dkim`), and its target is
 * `v=DKIM1; k=rsa; p=<base64>`, unquoted, tags of RFC 6376 §3.6.1.
 */
function checkDkim(target: string, subDomain: string): void {
  const labels = subDomain.toLowerCase().split(".");
  if (labels.indexOf("_domainkey") < 1) throw badRequest(`Invalid subdomain: ${subDomain}`);
  const invalid = (why: string) => badRequest(`Invalid subfield found in DKIM: ${why}`);
  if (target.includes('"')) throw invalid("quotes must be stripped from the target");
  const tags = new Map<string, string>();
  for (const part of target.split(";").map((p) => p.trim()).filter((p) => p !== "")) {
    const at = part.indexOf("=");
    const name = at < 0 ? part : part.slice(0, at).trim();
    if (at < 0 || !DKIM_TAGS.includes(name)) throw invalid(`${quoted(part, 30)} is not one of the tags ${DKIM_TAGS.join(", ")} as name=value`);
    tags.set(name, part.slice(at + 1).trim());
  }
  const key = tags.get("p");
  if (key === undefined) throw invalid("the public key tag p= is missing");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(key.replace(/\s+/g, ""))) throw invalid("the public key p= is not base64");
}

/**
 * An empty TXT (nothing, blanks, or only empty quoted strings) is refused in the words of OVH's own validation layer
 * (observed, DNSControl/dnscontrol#4453: "a 0-byte TXT" answered 400 `{'target': ['Invalid input.']}`).
 */
function checkTxt(target: string): void {
  if (/^\s*(""\s*)*$/.test(target)) throw badRequest("{'target': ['Invalid input.']}");
}

function checkDmarc(target: string, subDomain: string): void {
  if (!subDomain.toLowerCase().startsWith("_dmarc")) {
    throw badRequest(
      `Invalid subfield found in DMARC: a DMARC record must be on a subDomain starting with "_dmarc" (got ${quoted(subDomain)})`,
    );
  }
  if (!target.startsWith("v=DMARC1")) throw badRequest('Invalid subfield found in DMARC: target must start with "v=DMARC1" and not be quoted');
}
