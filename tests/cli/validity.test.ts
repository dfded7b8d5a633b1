/** `--validity`: OVH takes the validity on the validation page, so the command checks the key's expiration after. */
import { validityWarning } from "../../cli/credentials/command";

const NOW = Date.parse("2026-12-01T00:00:00Z");

describe("validityWarning", () => {
  test("says nothing when no validity was asked for, or when the key lives at least as long", () => {
    expect(validityWarning(null, undefined, NOW)).toBeUndefined();
    expect(validityWarning("2026-12-02T00:00:00Z", 86_400, NOW)).toBeUndefined();
  });

  test("warns when the key expires sooner than asked", () => {
    expect(validityWarning("2026-12-01T01:00:00Z", 86_400, NOW)).toBe(
      "the key expires at 2026-12-01T01:00:00Z, sooner than the 1 day(s) asked with --validity",
    );
  });

  test("warns when the key never expires although a validity was asked", () => {
    expect(validityWarning(null, 3600, NOW)).toBe("the key never expires, though --validity 3600 was asked: revoke it when done");
  });
});
