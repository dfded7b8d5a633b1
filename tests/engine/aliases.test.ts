/**
 * The local engine's alias lookup (tools/local-engine/aliases.ts), rule by rule; the parity with the real CLI
 * is tests/pulumi-cli/alias-parity.test.ts.
 */
import { AliasClaims } from "../../tools/local-engine/aliases";

const old = new Map([["urn:old", "old entry"], ["urn:kept", "kept entry"]]);
const find = (urn: string) => old.get(urn);

describe("AliasClaims", () => {
  it("finds a resource by its own URN first, then by its first alias present in the old state", () => {
    const claims = new AliasClaims();
    expect(claims.resolve("urn:kept", ["urn:old"], find, () => false)).toBe("kept entry");
    expect(claims.has("urn:old")).toBe(false);
    expect(claims.resolve("urn:new", ["urn:nothing", "urn:old"], find, () => false)).toBe("old entry");
    expect(claims.has("urn:old")).toBe(true);
    expect(claims.current("urn:old")).toBe("urn:new");
    expect(claims.resolve("urn:other", ["urn:nothing"], find, () => false)).toBeUndefined();
  });

  it("refuses, as the real engine does, an old URN claimed twice, an alias already registered, and an URN already claimed as an alias", () => {
    const claims = new AliasClaims();
    claims.resolve("urn:a1", ["urn:old"], find, () => false);
    expect(() => claims.resolve("urn:a2", ["urn:old"], find, () => false)).toThrow(
      "Duplicate resource alias 'urn:old' applied to resource with URN 'urn:a2' conflicting with resource with URN 'urn:a1'",
    );
    expect(() => claims.resolve("urn:b", ["urn:kept"], find, (urn) => urn === "urn:kept")).toThrow(
      "Duplicate resource alias 'urn:kept' applied to resource with URN 'urn:b' conflicting with resource with URN 'urn:b'",
    );
    expect(() => claims.resolve("urn:old", [], find, () => false)).toThrow("Duplicate resource URN 'urn:old' conflicting with alias on resource with URN 'urn:a1'");
  });
});
