import { canonicalUint, checkUint, collapseSpaces, parseUint } from "../fields";
import { checkHex, joinHex } from "./hex-digest";
import type { RecordType } from "./record-type";

const FORMAT = "usage selector matching-type hex";
const EXAMPLE = "3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6";

/** Hex digits per matching type (RFC 6698 §2.1.3): 0 is the whole data, 1 SHA-256, 2 SHA-512. */
const DIGEST_HEX: Record<number, { hex: number | undefined; name: string }> = {
  0: { hex: undefined, name: "matching type 0 (full data)" },
  1: { hex: 64, name: "matching type 1 (SHA-256)" },
  2: { hex: 128, name: "matching type 2 (SHA-512)" },
};

/** TLSA (DANE): `usage selector matching-type hex` at `_port._proto[.name]` (RFC 6698). */
export const TLSA: RecordType = {
  fieldType: "TLSA",
  format: FORMAT,
  example: EXAMPLE,
  normalise: (target) => {
    const fields = collapseSpaces(target).split(" ");
    return fields.length >= 4 ? [...fields.slice(0, 3), joinHex(fields.slice(3))].join(" ") : target.trim();
  },
  validate: (target) => {
    const fields = collapseSpaces(target).split(" ");
    if (fields.length < 4) return [`a TLSA target is "${FORMAT}", e.g. "${EXAMPLE}"; got ${fields.length} field(s)`];
    const [usage, selector, matching] = fields;
    const digest = DIGEST_HEX[parseUint(matching, 0, 2) ?? -1];
    return [
      ...checkUint("TLSA usage", usage, 0, 3),
      ...checkUint("TLSA selector", selector, 0, 1),
      ...checkUint("TLSA matching type", matching, 0, 2),
      ...(digest ? checkHex("the TLSA data", joinHex(fields.slice(3)), digest.hex, digest.name) : []),
    ];
  },
  canonical: (target) => {
    const fields = collapseSpaces(target).split(" ");
    if (fields.length < 4) return collapseSpaces(target);
    return [...fields.slice(0, 3).map(canonicalUint), joinHex(fields.slice(3))].join(" ");
  },
  validateSubDomain: (subDomain) => {
    if (/^_[0-9]{1,5}\._[a-z0-9-]+(\.|$)/.test(subDomain)) return [];
    return [`a TLSA record lives at "_port._proto[.name]", e.g. "_443._tcp.www" or "_25._tcp.mail"; got "${subDomain}"`];
  },
};
