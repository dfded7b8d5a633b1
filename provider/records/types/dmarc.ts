import { decodeTxt } from "../txt";
import { checkTag, checkUnquoted, formatTagList, parseTagList, tagValue, type Tag } from "./tag-list";
import { checkTextLength } from "./text-limits";
import type { RecordType } from "./record-type";

/** The tags of a DMARC policy (RFC 7489 §6.3); OVH refuses others as "Invalid subfield found in DMARC". */
const DMARC_TAGS = ["v", "p", "sp", "rua", "ruf", "adkim", "aspf", "pct", "fo", "rf", "ri"] as const;

const POLICY = /^(none|quarantine|reject)$/;

/** A comma-separated list of report URIs, each with a scheme (`mailto:a@example.com!10m`). */
const URI_LIST = /^[a-z][a-z0-9+.-]*:[^,\s]+(\s*,\s*[a-z][a-z0-9+.-]*:[^,\s]+)*$/i;

/**
 * DMARC: OVH's native DMARC type, `v=DMARC1; p=none|quarantine|reject; ...` as a bare tag list, allowed
 * only at `_dmarc` or `_dmarc.<name>` (docs/ovh-api.md §5, dnscontrol #3427).
 */
export const DMARC: RecordType = {
  fieldType: "DMARC",
  format: "v=DMARC1; p=none|quarantine|reject; ...",
  example: "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com",
  normalise: (target) => target,
  validate: (target) => {
    const text = decodeTxt(target);
    const { tags, reasons } = parseTagList("DMARC", text, DMARC_TAGS);
    return [...checkUnquoted("DMARC", target, text), ...reasons, ...checkValues(tags), ...checkTextLength("DMARC", target)];
  },
  canonical: (target) => formatTagList(parseTagList("DMARC", decodeTxt(target), DMARC_TAGS).tags),
  validateSubDomain: (subDomain) => {
    if (subDomain === "_dmarc" || subDomain.startsWith("_dmarc.")) return [];
    const fixed = subDomain === "" ? "_dmarc" : `_dmarc.${subDomain}`;
    return [`OVH accepts a DMARC record only at "_dmarc" or "_dmarc.<name>"; got "${subDomain}": use "${fixed}"`];
  },
};

function checkValues(tags: Tag[]): string[] {
  const reasons: string[] = [];
  if (tags[0]?.name !== "v" || tags[0].value !== "DMARC1") reasons.push("a DMARC record starts with v=DMARC1");
  if (tagValue(tags, "p") === undefined) reasons.push("a DMARC record needs a policy: p=none, p=quarantine or p=reject");
  return [
    ...reasons,
    ...checkTag("DMARC", tags, "p", POLICY, 'p is "none", "quarantine" or "reject"'),
    ...checkTag("DMARC", tags, "sp", POLICY, 'sp is "none", "quarantine" or "reject"'),
    ...checkTag("DMARC", tags, "adkim", /^[rs]$/, 'adkim is "r" (relaxed) or "s" (strict)'),
    ...checkTag("DMARC", tags, "aspf", /^[rs]$/, 'aspf is "r" (relaxed) or "s" (strict)'),
    ...checkTag("DMARC", tags, "pct", /^(100|[1-9]?[0-9])$/, "pct is an integer from 0 to 100"),
    ...checkTag("DMARC", tags, "ri", /^[0-9]{1,10}$/, "ri is a number of seconds"),
    ...checkTag("DMARC", tags, "fo", /^[01ds](:[01ds])*$/, 'fo is "0", "1", "d" or "s", separated by ":"'),
    ...checkTag("DMARC", tags, "rf", /^(afrf|iodef)(:(afrf|iodef))*$/, 'rf is "afrf" or "iodef"'),
    ...checkTag("DMARC", tags, "rua", URI_LIST, 'rua is a comma-separated list of URIs, e.g. "mailto:dmarc@example.com"'),
    ...checkTag("DMARC", tags, "ruf", URI_LIST, 'ruf is a comma-separated list of URIs, e.g. "mailto:dmarc@example.com"'),
  ];
}
