import { collapseSpaces } from "../fields";
import { decodeTxt } from "../txt";
import { checkTextLength, excerpt } from "./text-limits";
import type { RecordType } from "./record-type";

/**
 * SPF: OVH's native SPF type, a sender policy `v=spf1 ...` (RFC 7208). Stored like TXT, so compared decoded;
 * its terms are separated by spaces, where one space and several mean the same (RFC 7208 §4.6.1).
 */
export const SPF: RecordType = {
  fieldType: "SPF",
  format: "v=spf1 mechanisms",
  example: "v=spf1 include:mx.ovh.com ~all",
  normalise: (target) => target,
  validate: (target) => {
    const text = decodeTxt(target).trim();
    const version = /^v=spf1( |$)/i.test(text) ? [] : [`an SPF record starts with "v=spf1", e.g. "${SPF.example}"; got "${excerpt(text)}"`];
    return [...version, ...checkTextLength("SPF", target)];
  },
  canonical: (target) => collapseSpaces(decodeTxt(target)),
};
