import { canonicalUint, checkUint, quote, splitFields, type Field } from "../fields";
import { canonicalHost, checkTargetHost, normaliseHost } from "../hostname";
import type { RecordType, TargetContext } from "./record-type";

const FORMAT = 'order preference "flags" "service" "regexp" replacement';
const EXAMPLE = '100 10 "U" "E2U+sip" "!^.*$!sip:info@example.com!" .';

/**
 * NAPTR: `order preference "flags" "service" "regexp" replacement` (RFC 3403 §4.1). The three strings are
 * quoted; the replacement is a fully qualified name or `.` (none), and is `.` whenever a regexp is given,
 * since the two are mutually exclusive.
 */
export const NAPTR: RecordType = {
  fieldType: "NAPTR",
  format: FORMAT,
  example: EXAMPLE,
  normalise: (target) => {
    const fields = splitFields(target);
    if (fields === undefined || fields.length !== 6) return target.trim();
    return [...fields.slice(0, 5).map((f) => f.raw), normaliseHost(fields[5].raw)].join(" ");
  },
  validate: (target, ctx) => {
    const fields = splitFields(target);
    if (fields === undefined) return [`a quoted string is not closed in the NAPTR target ${target.trim()}`];
    if (fields.length !== 6) return [`a NAPTR target is '${FORMAT}', e.g. '${EXAMPLE}'; got ${fields.length} field(s)`];
    return checkFields(fields, ctx);
  },
  canonical: (target) => {
    const fields = splitFields(target);
    if (fields === undefined || fields.length !== 6) return target.trim();
    const [order, preference, flags, service, regexp, replacement] = fields;
    const strings = [quote(flags.value.toLowerCase()), quote(service.value), quote(regexp.value)];
    return [canonicalUint(order.raw), canonicalUint(preference.raw), ...strings, canonicalHost(replacement.raw)].join(" ");
  },
};

function checkFields(fields: Field[], ctx: TargetContext): string[] {
  const [order, preference, flags, service, regexp, replacement] = fields;
  const reasons = [...checkUint("NAPTR order", order.raw, 0, 65535), ...checkUint("NAPTR preference", preference.raw, 0, 65535)];
  for (const [name, field] of [["flags", flags], ["service", service], ["regexp", regexp]] as const) {
    if (!field.quoted) reasons.push(`the NAPTR ${name} must be a quoted string, e.g. ${quote(field.raw)}`);
  }
  if (!/^[a-z0-9]*$/i.test(flags.value)) reasons.push(`the NAPTR flags "${flags.value}" may hold only letters and digits (e.g. "S", "A", "U", "P")`);
  if (replacement.quoted) reasons.push(`the NAPTR replacement is a name, not a quoted string: use ${replacement.value || "."}`);
  else if (replacement.raw !== ".") reasons.push(...checkTargetHost("NAPTR replacement", replacement.raw, ctx));
  if (regexp.value !== "" && replacement.raw !== ".") {
    reasons.push(`a NAPTR record has a regexp or a replacement, not both (RFC 3403 §4.1): with a regexp, use "." as the replacement`);
  }
  return reasons;
}
