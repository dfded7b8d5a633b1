/** The owner registry's claim text (provider/zone-record/registry-codec.ts). */
import fc from "fast-check";
import { encodeTxt } from "../../../provider/records";
import { chunkClaims, claimedIds, formatClaim, MAX_CLAIM_BYTES, ownerProblem, parseClaim } from "../../../provider/zone-record/registry-codec";

const id = fc.bigInt({ min: 1n, max: 2n ** 53n - 1n }).map(String);
const owner = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,62}$/);

describe("claim records", () => {
  it("reads back what it writes, in OVH's quoted and split form too, ids ascending and once", () => {
    fc.assert(fc.property(owner, fc.array(id, { maxLength: 200 }), (o, ids) => {
      const want = [...new Set(ids)].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
      for (const claim of chunkClaims(o, ids)) {
        const text = formatClaim(claim);
        expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_CLAIM_BYTES);
        expect(parseClaim(text)).toEqual(claim);
        expect(parseClaim(encodeTxt(text))).toEqual(claim);
      }
      expect(chunkClaims(o, ids).flatMap((c) => c.ids)).toEqual(want);
    }));
  });

  it("takes no other text for a claim: another version, a bad owner, a bad id", () => {
    for (const text of ["v=ovhdns2 owner=a ids=1", "v=ovhdns1 owner=-a ids=1", "v=ovhdns1 owner=a ids=01", "v=ovhdns1 owner=a ids=1,x", "hello", "v=ovhdns1 owner=a b ids=1"]) {
      expect(parseClaim(text)).toBeUndefined();
    }
    expect(parseClaim("v=ovhdns1 owner=a ids=")).toEqual({ owner: "a", ids: [] });
  });

  it("says what an owner name may be", () => {
    expect(ownerProblem("dns/prod")).toBeUndefined();
    expect(ownerProblem("x".repeat(64))).toContain("1 to 63 characters");
    expect(ownerProblem(3)).toContain("must be a string");
  });

  it("maps claimed ids to their owner from a listing, ignoring TXT elsewhere and other types at the name", () => {
    const rows = [
      { subDomain: "_ovhdns-owner", fieldType: "TXT", target: '"v=ovhdns1 owner=a ids=5,7"' },
      { subDomain: "_ovhdns-owner", fieldType: "TXT", target: "not a claim" },
      { subDomain: "other", fieldType: "TXT", target: "v=ovhdns1 owner=b ids=9" },
    ];
    expect(claimedIds(rows)).toEqual(new Map([["5", "a"], ["7", "a"]]));
  });
});
