import { canonicalUint, checkUint, joinFields, quote, splitFields, type Field } from "../fields";
import { checkLabels } from "../hostname";
import type { RecordType } from "./record-type";

const FORMAT = 'flags tag "value"';
const EXAMPLE = '0 issue "letsencrypt.org"';

/** The property tags OVH's CAA form offers (RFC 8659 plus contactemail/phone, issuemail, issuevmc). */
const CAA_TAGS = ["issue", "issuewild", "iodef", "contactemail", "contactphone", "issuemail", "issuevmc"] as const;

/**
 * CAA: `flags tag "value"`. The value must be quoted: OVH answers a bare value with a 400
 * (docs/other-tools.md §C.9, terraform-provider-ovh #1075). The tag is case-insensitive (RFC 8659 §4.1) and kept
 * in lower case.
 */
export const CAA: RecordType = {
  fieldType: "CAA",
  format: FORMAT,
  example: EXAMPLE,
  normalise: (target) => {
    const fields = splitFields(target);
    if (fields === undefined || fields.length < 3) return target.trim();
    return [fields[0].raw, fields[1].raw.toLowerCase(), joinFields(fields.slice(2))].join(" ");
  },
  validate: (target) => {
    const fields = splitFields(target);
    if (fields === undefined) return [`the CAA value's quotes are not closed in ${target.trim()}`];
    if (fields.length < 3) return [`a CAA target is '${FORMAT}', e.g. '${EXAMPLE}'; got ${fields.length} field(s)`];
    const [flags, tag, ...rest] = fields;
    return [...checkUint("CAA flags", flags.raw, 0, 255), ...checkTag(tag.raw), ...checkValue(flags.raw, tag.raw, rest)];
  },
  canonical: (target) => {
    const fields = splitFields(target);
    if (fields === undefined || fields.length < 3) return target.trim();
    const [flags, tag, ...rest] = fields;
    const value = rest.length === 1 && rest[0].quoted ? rest[0].value : joinFields(rest);
    return `${canonicalUint(flags.raw)} ${tag.raw.toLowerCase()} ${quote(value)}`;
  },
};

function checkTag(tag: string): string[] {
  if ((CAA_TAGS as readonly string[]).includes(tag.toLowerCase())) return [];
  return [`CAA tag "${tag}" is not one of ${CAA_TAGS.join(", ")}`];
}

function checkValue(flags: string, tag: string, rest: Field[]): string[] {
  if (rest.length !== 1 || !rest[0].quoted) {
    const fixed = `${flags} ${tag.toLowerCase()} ${quote(rest.map((f) => f.value).join(" "))}`;
    return [`the CAA value must be in double quotes (OVH answers a bare value with 400 Bad Request); use '${fixed}'`];
  }
  return checkValueContent(tag.toLowerCase(), rest[0].value);
}

/** Light checks of the value's meaning, for the tags whose syntax is well defined. */
function checkValueContent(tag: string, value: string): string[] {
  if (tag === "iodef" && !/^(mailto:\S+@\S+|https?:\/\/\S+)$/i.test(value)) {
    return [`a CAA iodef value is a "mailto:" or "https://" URL, e.g. "mailto:security@example.com"; got "${value}"`];
  }
  if (tag === "issue" || tag === "issuewild" || tag === "issuemail") {
    const issuer = value.split(";")[0].trim();
    if (issuer === "") return [];
    if (issuer.endsWith(".")) return [`a CAA ${tag} issuer is written without a trailing dot: use "${issuer.slice(0, -1)}"`];
    return checkLabels(`CAA ${tag} issuer`, issuer);
  }
  return [];
}
