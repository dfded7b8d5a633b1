import { canonicalUint, checkUint, collapseSpaces } from "../fields";
import { canonicalHost, checkTargetHost, normaliseHost } from "../hostname";
import type { RecordType } from "./record-type";

const FORMAT = "priority weight port target.";
const EXAMPLE = "10 5 5060 sip.example.com.";

/**
 * SRV: `priority weight port target.` (RFC 2782), all three numbers 0-65535. The target `.` means "no
 * such service here". A doubled dot (`sip.example.com..`) is what tools that add their own dot produce
 * (octodns #193), and is refused.
 */
export const SRV: RecordType = {
  fieldType: "SRV",
  format: FORMAT,
  example: EXAMPLE,
  normalise: (target) => {
    const fields = collapseSpaces(target).split(" ");
    return fields.length === 4 ? [...fields.slice(0, 3), normaliseHost(fields[3])].join(" ") : target.trim();
  },
  validate: (target, ctx) => {
    const fields = collapseSpaces(target).split(" ");
    if (fields.length !== 4) {
      return [`an SRV target is "${FORMAT}", e.g. "${EXAMPLE}"; got ${fields.length} field(s) in "${target.trim()}"`];
    }
    const [priority, weight, port, host] = fields;
    return [
      ...checkUint("SRV priority", priority, 0, 65535),
      ...checkUint("SRV weight", weight, 0, 65535),
      ...checkUint("SRV port", port, 0, 65535),
      ...(host === "." ? [] : checkTargetHost("SRV target host", host, ctx)),
    ];
  },
  canonical: (target) => {
    const fields = collapseSpaces(target).split(" ");
    if (fields.length !== 4) return collapseSpaces(target);
    return [...fields.slice(0, 3).map(canonicalUint), canonicalHost(fields[3])].join(" ");
  },
  validateSubDomain: (subDomain) => {
    if (/^_[a-z0-9-]+\._[a-z0-9-]+(\.|$)/.test(subDomain)) return [];
    return [`an SRV record lives at "_service._proto[.name]", e.g. "_sip._tcp" or "_sip._udp.office"; got "${subDomain}"`];
  },
};
