import { decodeTxt } from "../txt";
import { checkTag, checkUnquoted, formatTagList, parseTagList, tagValue, type Tag } from "./tag-list";
import { checkTextLength } from "./text-limits";
import type { RecordType } from "./record-type";

/** The tags of a DKIM key record (RFC 6376 §3.6.1); OVH refuses others as "Invalid subfield". */
const DKIM_TAGS = ["v", "g", "h", "k", "n", "p", "s", "t"] as const;

/**
 * DKIM: OVH's native DKIM type, the key record `v=DKIM1; k=rsa; p=<base64>` written as a bare tag list
 * (docs/other-tools.md §C.10). Compared as a tag list, so `v=DKIM1;p=x` and `v=DKIM1; p=x` are the same key.
 */
export const DKIM: RecordType = {
  fieldType: "DKIM",
  format: "v=DKIM1; k=rsa; p=<base64 public key>",
  example: "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC",
  normalise: (target) => target,
  validate: (target) => {
    const text = decodeTxt(target);
    const { tags, reasons } = parseTagList("DKIM", text, DKIM_TAGS);
    return [...checkUnquoted("DKIM", target, text), ...reasons, ...checkValues(tags), ...checkTextLength("DKIM", target)];
  },
  canonical: (target) => formatTagList(parseTagList("DKIM", decodeTxt(target), DKIM_TAGS).tags.map(compactKey)),
  validateSubDomain: (subDomain) => {
    // RFC 6376 §3.6.2.1: a key lives at `<selector>._domainkey.<domain>`. OVH refuses any other owner of its native
    // DKIM type with "Invalid subdomain: <subDomain>" (docs/ovh-api.md §5 "SPF, DKIM, DMARC").
    if (subDomain.split(".").indexOf("_domainkey") >= 1) return [];
    const fixed = subDomain === "" ? "<selector>._domainkey" : `${subDomain}._domainkey`;
    return [
      `OVH accepts a DKIM record only at "<selector>._domainkey" or "<selector>._domainkey.<name>" (it answers "Invalid subdomain: ${subDomain}"); ` +
        `got "${subDomain}": use e.g. "${fixed}", or fieldType TXT for a record that is not a DKIM key`,
    ];
  },
};

/** The public key without the spaces a long key is often pasted with (RFC 6376 allows them in `p=`). */
function compactKey(tag: Tag): Tag {
  return tag.name === "p" ? { name: "p", value: tag.value.replace(/\s+/g, "") } : tag;
}

function checkValues(tags: Tag[]): string[] {
  const reasons: string[] = [];
  const version = tagValue(tags, "v");
  if (version !== undefined && tags[0].name !== "v") reasons.push('the DKIM tag v=DKIM1 must come first');
  if (version !== undefined && version !== "DKIM1") reasons.push(`the DKIM version is v=DKIM1; got v=${version}`);
  const key = tagValue(tags, "p");
  if (key === undefined) reasons.push("a DKIM record needs the public key tag p= (empty p= revokes the key)");
  else if (!/^[A-Za-z0-9+/]*={0,2}$/.test(key.replace(/\s+/g, ""))) reasons.push("the DKIM public key p= is not base64");
  return [
    ...reasons,
    ...checkTag("DKIM", tags, "k", /^(rsa|ed25519)$/, 'k is "rsa" or "ed25519"'),
    ...checkTag("DKIM", tags, "h", /^(sha1|sha256)(:(sha1|sha256))*$/, 'h is "sha256", "sha1" or both separated by ":"'),
    ...checkTag("DKIM", tags, "t", /^[ys](:[ys])*$/, 't is "y", "s" or "y:s"'),
    ...checkTag("DKIM", tags, "s", /^(\*|email)(:(\*|email))*$/, 's is "*" or "email"'),
  ];
}
