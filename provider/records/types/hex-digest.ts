/**
 * The hex digest that ends TLSA and SSHFP targets. Zone files may split it with spaces, so every field
 * after the numbers is one digest; hex case carries no meaning, so it is kept in lower case.
 */

/** The digest written as one lower-case word. */
export function joinHex(fields: readonly string[]): string {
  return fields.join("").toLowerCase();
}

/**
 * Reasons `hex` is not a digest of the expected length; `expected` is the number of hex digits, or
 * `undefined` for "any even, non-zero length" (a whole certificate or key).
 */
export function checkHex(what: string, hex: string, expected: number | undefined, why: string): string[] {
  if (hex === "") return [`${what} is missing`];
  if (!/^[0-9a-f]+$/i.test(hex)) return [`${what} has characters other than hex digits 0-9 and a-f`];
  if (expected !== undefined && hex.length !== expected) {
    return [`${what} has ${hex.length} hex digits; ${why} needs ${expected}`];
  }
  if (hex.length % 2 !== 0) return [`${what} has an odd number (${hex.length}) of hex digits`];
  return [];
}
