import { canonicalUint, checkUint, collapseSpaces } from "../fields";
import { canonicalHost, checkTargetHost, normaliseHost } from "../hostname";
import type { RecordType } from "./record-type";

const FORMAT = "priority host.";
const EXAMPLE = "10 mail.example.com.";

/**
 * MX: `priority host.`, the priority being part of OVH's target (docs/ovh-api.md §5 "Targets"). A null MX
 * (`0 .`, RFC 7505: this domain takes no mail) is accepted, as OVH does since ~2025.
 */
export const MX: RecordType = {
  fieldType: "MX",
  format: FORMAT,
  example: EXAMPLE,
  normalise: (target) => {
    const fields = collapseSpaces(target).split(" ");
    return fields.length === 2 ? `${fields[0]} ${normaliseHost(fields[1])}` : target.trim();
  },
  validate: (target, ctx) => {
    const fields = collapseSpaces(target).split(" ");
    if (fields.length !== 2) {
      return [`an MX target is "${FORMAT}", e.g. "${EXAMPLE}"; got ${fields.length} field(s) in "${target.trim()}"`];
    }
    const [priority, host] = fields;
    const reasons = checkUint("MX priority", priority, 0, 65535);
    if (host === ".") {
      if (priority !== "0") reasons.push(`a null MX (host ".", RFC 7505) must have priority 0: use "0 ."`);
      return reasons;
    }
    return [...reasons, ...checkTargetHost("MX host", host, ctx)];
  },
  canonical: (target) => {
    const fields = collapseSpaces(target).split(" ");
    if (fields.length !== 2) return collapseSpaces(target);
    return `${canonicalUint(fields[0])} ${canonicalHost(fields[1])}`;
  },
};
