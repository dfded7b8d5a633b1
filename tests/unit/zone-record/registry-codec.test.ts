/** The owner registry's claim text (provider/zone-record/registry-codec.ts). */
import fc from "fast-check";
import { encodeTxt } from "../../../provider/records";
import {
  chunkClaims, claimedIds, formatClaim, isRedirectionClaimId, MAX_CLAIM_BYTES, ownerProblem, ownersBehindRewrite, parseClaim, redirectionClaimId,
} from "../../../provider/zone-record/registry-codec";

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

  it("keeps redirections in claim records of their own, ids of both kinds read back, records first", () => {
    fc.assert(fc.property(owner, fc.array(id, { maxLength: 120 }), fc.array(id, { minLength: 1, maxLength: 120 }), (o, records, redirections) => {
      const claims = chunkClaims(o, [...redirections.map(redirectionClaimId), ...records], "0123456789ab");
      for (const claim of claims) {
        const text = formatClaim(claim);
        const kinds = new Set(claim.ids.map(isRedirectionClaimId));
        expect(kinds.size).toBe(1);
        expect(text).toMatch(kinds.has(true) ? / redirections=[0-9,]+$/ : / ids=[0-9,]+$/);
        expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_CLAIM_BYTES);
        expect(parseClaim(encodeTxt(text))).toEqual(claim);
      }
      const ids = claims.flatMap((c) => c.ids);
      expect(ids.filter((i) => !isRedirectionClaimId(i))).toEqual([...new Set(records)].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)));
      expect(ids.findIndex(isRedirectionClaimId)).toBe(ids.length - new Set(redirections).size);
    }));
  });

  it("never takes a redirection's claim for a record's of the same number, nor the other way round", () => {
    const records = parseClaim("v=ovhdns1 owner=team-a stack=0123456789ab ids=5390038375");
    const redirections = parseClaim("v=ovhdns1 owner=team-b stack=0123456789ab redirections=5390038375");
    expect(records).toEqual({ owner: "team-a", stack: "0123456789ab", ids: ["5390038375"] });
    expect(redirections).toEqual({ owner: "team-b", stack: "0123456789ab", ids: ["r5390038375"] });
    const listing = [records, redirections].map((c) => ({ subDomain: "_ovhdns-owner", fieldType: "TXT", target: formatClaim(c!) }));
    expect(claimedIds(listing)).toEqual(new Map([["5390038375", "team-a"], ["r5390038375", "team-b"]]));
    // Claims written before redirections read as they always did; a text with both keys is no claim.
    expect(parseClaim("v=ovhdns1 owner=a ids=7,3")).toEqual({ owner: "a", ids: ["3", "7"] });
    expect(parseClaim("v=ovhdns1 owner=a ids=1 redirections=2")).toBeUndefined();
    expect(parseClaim("v=ovhdns1 owner=a redirections=r2")).toBeUndefined();
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

describe("ownersBehindRewrite", () => {
  const KEY_A = "aaaaaaaaaaaa";
  const KEY_B = "bbbbbbbbbbbb";
  const row = (recordId: number, subDomain: string, fieldType: string, target: string) => ({ recordId: String(recordId), subDomain, fieldType, target });
  const claim = (recordId: number, text: string) => row(recordId, "_ovhdns-owner", "TXT", text);
  // A zone rewritten as text: every record (claim records included) newer than the ids the claims name.
  const rewritten = [row(100, "", "NS", "dns1.ovh.net."), row(101, "shop", "A", "203.0.113.20"), row(102, "www", "A", "203.0.113.10")];

  it("names another owner none of whose claimed ids is left, one of them older than every record", () => {
    const zone = [...rewritten, claim(103, `v=ovhdns1 owner=team-b stack=${KEY_B} ids=11`), claim(104, `"v=ovhdns1 owner=team-c ids=12,13"`)];
    expect(ownersBehindRewrite(zone, { owner: "team-a", stack: KEY_A })).toEqual(["team-b", "team-c"]);
    // Without an owner or a key of its own, every claim is another's.
    expect(ownersBehindRewrite(zone, {})).toEqual(["team-b", "team-c"]);
  });

  it("leaves out this stack's claims, by its owner name or by its key under another name", () => {
    const zone = [...rewritten, claim(103, `v=ovhdns1 owner=team-a stack=${KEY_A} ids=11`), claim(104, `v=ovhdns1 owner=old-name stack=${KEY_A} ids=12`)];
    expect(ownersBehindRewrite(zone, { owner: "team-a", stack: KEY_A })).toEqual([]);
    expect(ownersBehindRewrite(zone, { stack: KEY_A })).toEqual([]);
    expect(ownersBehindRewrite(zone, { owner: "team-a" })).toEqual(["old-name"]);
  });

  it("names no owner that claimed again since (one claimed id left), nor one whose records were only deleted by hand", () => {
    const claimedAgain = [...rewritten, claim(103, `v=ovhdns1 owner=team-b stack=${KEY_B} ids=11`), claim(105, `v=ovhdns1 owner=team-b stack=${KEY_B} ids=101`)];
    expect(ownersBehindRewrite(claimedAgain, { owner: "team-a" })).toEqual([]);
    // Record 150 was deleted by hand: the zone still holds older records (100), so no rewrite renumbered it.
    const deletedByHand = [...rewritten, claim(160, `v=ovhdns1 owner=team-b stack=${KEY_B} ids=150`)];
    expect(ownersBehindRewrite(deletedByHand, { owner: "team-a" })).toEqual([]);
  });

  it("ignores redirection claims (OVH numbers redirections apart), texts that are no claim, and an empty zone", () => {
    const zone = [...rewritten, claim(103, `v=ovhdns1 owner=team-b stack=${KEY_B} redirections=11`), claim(104, "hello"), row(105, "other", "TXT", "v=ovhdns1 owner=team-d ids=12")];
    expect(ownersBehindRewrite(zone, { owner: "team-a" })).toEqual([]);
    expect(ownersBehindRewrite([], {})).toEqual([]);
  });
});
