import { canonicalUint, checkUint, collapseSpaces, parseUint } from "../fields";
import { checkHex, joinHex } from "./hex-digest";
import type { RecordType } from "./record-type";

const FORMAT = "algorithm fingerprint-type hex";
const EXAMPLE = "4 2 9d4f5b52d6d3c3ffd4c93f1de1a5c9b1e3f4e2b70e0a1c7c4b1d2e3f4a5b6c7d";

/** Key algorithms with an IANA SSHFP number: 1 RSA, 2 DSA, 3 ECDSA, 4 Ed25519, 6 Ed448 (5 is unassigned). */
const ALGORITHMS = [1, 2, 3, 4, 6];

/** Hex digits per fingerprint type: 1 SHA-1, 2 SHA-256 (RFC 4255, RFC 6594). */
const DIGEST_HEX: Record<number, { hex: number; name: string }> = {
  1: { hex: 40, name: "fingerprint type 1 (SHA-1)" },
  2: { hex: 64, name: "fingerprint type 2 (SHA-256)" },
};

/** SSHFP: `algorithm fingerprint-type hex`, an SSH host key fingerprint. */
export const SSHFP: RecordType = {
  fieldType: "SSHFP",
  format: FORMAT,
  example: EXAMPLE,
  normalise: (target) => {
    const fields = collapseSpaces(target).split(" ");
    return fields.length >= 3 ? [...fields.slice(0, 2), joinHex(fields.slice(2))].join(" ") : target.trim();
  },
  validate: (target) => {
    const fields = collapseSpaces(target).split(" ");
    if (fields.length < 3) return [`an SSHFP target is "${FORMAT}", e.g. "${EXAMPLE}"; got ${fields.length} field(s)`];
    const [algorithm, type] = fields;
    const digest = DIGEST_HEX[parseUint(type, 1, 2) ?? -1];
    return [
      ...checkAlgorithm(algorithm),
      ...checkUint("SSHFP fingerprint type", type, 1, 2),
      ...(digest ? checkHex("the SSHFP fingerprint", joinHex(fields.slice(2)), digest.hex, digest.name) : []),
    ];
  },
  canonical: (target) => {
    const fields = collapseSpaces(target).split(" ");
    if (fields.length < 3) return collapseSpaces(target);
    return [...fields.slice(0, 2).map(canonicalUint), joinHex(fields.slice(2))].join(" ");
  },
};

function checkAlgorithm(text: string): string[] {
  const n = parseUint(text, 0, 255);
  if (n !== undefined && ALGORITHMS.includes(n)) return [];
  return [`SSHFP algorithm "${text}" is not one of 1 (RSA), 2 (DSA), 3 (ECDSA), 4 (Ed25519), 6 (Ed448)`];
}
