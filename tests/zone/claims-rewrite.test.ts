/**
 * Two stacks on one zone, one of them a Zone with unmanaged: "delete", and the zone rewritten as text (as the
 * OVH console's text editor does: every record under a new id, so the other stack's claims name ids the zone no
 * longer has): the Zone refuses to delete anything until the other stack has claimed its records again, and never
 * deletes them (docs/ownership.md, "What is not protected"; registry-codec.ts, `ownersBehindRewrite`).
 */
import { OvhClient, resolveCredentials } from "../../provider/ovh";
import type { ZoneRecordSpec } from "../../sdk";
import { mutating, ZONE, ZoneStack } from "./zone-rig";

const a = (subDomain: string, target: string): ZoneRecordSpec => ({ subDomain, fieldType: "A", target, ttl: 0 });
const NS = { fieldType: "NS", target: "dns1.ovh.net." };
// Up to ten runs of the local engine a test, on a shared machine.
jest.setTimeout(180_000);

describe("unmanaged: \"delete\" beside another stack, after the zone was rewritten as text", () => {
  let ours: ZoneStack;
  let theirs: ZoneStack;
  beforeEach(async () => {
    ours = await ZoneStack.start([NS]);
    theirs = ours.beside("theirs");
    theirs.declare([a("shop", "203.0.113.20")], { owner: "team-b" });
    await theirs.runOk("up");
    ours.declare([a("www", "203.0.113.10")], { owner: "team-a", unmanaged: "delete" });
    await ours.runOk("up");
  });
  afterEach(async () => {
    await theirs.close();
    await ours.close();
  });

  /** The zone's records that are not claim records. */
  const plain = () => ours.zone().filter((line) => !line.startsWith("_ovhdns-owner "));
  /** The OVH console's text editor: the same records (and `extra`), every one under a new id. */
  function rewriteAsText(extra: { subDomain: string; fieldType: string; target: string }[] = []): void {
    const records = ours.emulator.zone(ZONE).records.map((r) => ({ subDomain: r.subDomain, fieldType: r.fieldType, target: r.target, ttl: r.ttl }));
    ours.emulator.addZone(ZONE, [...records, ...extra]);
  }

  it("refuses, naming the owner and what to run, with no write; once that stack has claimed its records again, deletes only the unmanaged record", async () => {
    rewriteAsText([{ subDomain: "stray", fieldType: "A", target: "198.51.100.7" }]);
    for (const op of ["preview", "up"] as const) {
      const run = await ours.run(op);
      expect(run.ok).toBe(false);
      expect(run.error).toContain('unmanaged: "delete" refused, nothing was sent: the claims of owner "team-b" predate a rewrite of the zone');
      expect(run.error).toContain("Run `pulumi refresh`, then `pulumi up`, on the stack whose owner is \"team-b\"");
      expect(mutating(run.calls)).toEqual([]);
    }
    expect(plain()).toEqual(["@ NS dns1.ovh.net. 0", "shop A 203.0.113.20 0", "stray A 198.51.100.7 0", "www A 203.0.113.10 0"]);

    // The other stack re-binds to its renumbered record and finds its claim gone; its up claims the record again.
    await theirs.runOk("refresh");
    await theirs.runOk("up");
    await ours.runOk("refresh");
    await ours.runOk("up");
    expect(plain()).toEqual(["@ NS dns1.ovh.net. 0", "shop A 203.0.113.20 0", "www A 203.0.113.10 0"]);
    expect((await theirs.runOk("preview")).plan.filter((s) => s.op !== "same")).toEqual([]);

    // Its destroy releases its claims, the pre-rewrite claim record (naming only the old id) with them: no claim
    // of team-b is left to read as an owner behind a rewrite, and the next prune goes through.
    await theirs.runOk("destroy");
    expect(ours.zone().filter((line) => line.includes("owner=team-b"))).toEqual([]);
    rewriteAsText([{ subDomain: "stray2", fieldType: "A", target: "198.51.100.8" }]);
    await ours.runOk("refresh");
    await ours.runOk("up");
    expect(plain()).toEqual(["@ NS dns1.ovh.net. 0", "www A 203.0.113.10 0"]);
  });

  it("is not refused by a claim whose record was only deleted by hand (the zone keeps older records)", async () => {
    const c = ours.emulator.credentials;
    const client = new OvhClient({ credentials: resolveCredentials({ explicit: { endpoint: ours.emulator.url, applicationKey: c.applicationKey, applicationSecret: c.applicationSecret, consumerKey: c.consumerKey }, env: {}, confFiles: [] }) });
    try {
      const shop = ours.emulator.zone(ZONE).records.find((r) => r.subDomain === "shop")!;
      await client.delete(`/domain/zone/${ZONE}/record/${shop.id}`);
      await client.post(`/domain/zone/${ZONE}/record`, { subDomain: "stray", fieldType: "A", target: "198.51.100.7", ttl: 0 });
    } finally {
      client.close();
    }
    await ours.runOk("up");
    expect(plain()).toEqual(["@ NS dns1.ovh.net. 0", "www A 203.0.113.10 0"]);
  });

  it("is not refused by this stack's own claims behind the rewrite: its refresh re-binds them and its up claims them again", async () => {
    rewriteAsText([{ subDomain: "stray", fieldType: "A", target: "198.51.100.7" }]);
    await theirs.runOk("refresh");
    await theirs.runOk("up");
    await ours.runOk("refresh");
    await ours.runOk("up");
    expect(plain()).toEqual(["@ NS dns1.ovh.net. 0", "shop A 203.0.113.20 0", "www A 203.0.113.10 0"]);
  });
});
