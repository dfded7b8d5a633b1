import { canonicalHost, checkTargetHost, normaliseHost } from "../hostname";
import type { RecordType } from "./record-type";

const FORMAT = "mbox-dname. txt-dname.";
const EXAMPLE = "hostmaster.example.com. info.example.com.";

/**
 * RP, the responsible person (RFC 1183 §2.2): `mbox-dname txt-dname`, the mailbox written as a name (its first
 * label is the local part: `hostmaster.example.com.` is hostmaster@example.com) and the name of TXT records
 * saying more. Either may be `.` for "none". Both are names, so both need the trailing dot and compare in any
 * case. OVH offers RP since its 2025-12 console change (docs/ovh-api.md §5 "RP").
 */
export const RP: RecordType = {
  fieldType: "RP",
  format: FORMAT,
  example: EXAMPLE,
  normalise: (target) => {
    const fields = target.trim().split(/\s+/);
    return fields.length === 2 ? fields.map(normaliseHost).join(" ") : target.trim();
  },
  validate: (target, ctx) => {
    const fields = target.trim().split(/\s+/);
    if (fields.length !== 2) return [`an RP target is "${FORMAT}", e.g. "${EXAMPLE}" (use "." for a part you leave out); got ${fields.length} field(s)`];
    const [mbox, txt] = fields;
    const reasons: string[] = [];
    if (mbox.includes("@")) reasons.push(`the RP mailbox "${mbox}" is written as a name, its "@" a dot: use "${mbox.replace("@", ".").replace(/\.?$/, ".")}"`);
    else if (mbox !== ".") reasons.push(...checkTargetHost("RP mailbox (mbox-dname)", mbox, ctx));
    if (txt !== ".") reasons.push(...checkTargetHost("RP TXT name (txt-dname)", txt, ctx));
    return reasons;
  },
  canonical: (target) => {
    const fields = target.trim().split(/\s+/);
    return fields.length === 2 ? fields.map(canonicalHost).join(" ") : target.trim();
  },
};
