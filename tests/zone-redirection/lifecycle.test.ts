/**
 * The ZoneRedirection provider in process against the emulator (real sockets): create, adopt, update in place,
 * refresh with drift, delete; the zone refresh shared with the records'; failures that keep the state true.
 */
import { ZoneRecordError } from "../../provider/records";
import { RedirectionGoneError, RedirectionInitError } from "../../provider/zone-redirection";
import { ZoneAccessError } from "../../provider/zone-record/zone-access";
import { behindPulumi, stackConfigFor } from "../zone-record/support";
import { recordLines, startRedirectionRig, type RedirectionRig } from "./support";

const www = { zoneName: "example.com", subDomain: "www", type: "visiblePermanent", target: "https://example.org/", title: "", keywords: "", description: "" };
const refreshes = (rig: RedirectionRig) => rig.emulator.count({ method: "POST", path: "/domain/zone/example.com/refresh" });
const writes = (rig: RedirectionRig) => ["POST", "PUT", "DELETE"].reduce((n, method) => n + rig.emulator.count({ method }), 0);

describe("ZoneRedirectionProvider against the emulator", () => {
  let rig: RedirectionRig;
  afterEach(() => rig.emulator.close());

  describe("in a zone it can write", () => {
    beforeEach(async () => (rig = await startRedirectionRig()));

    it("creates a redirection with one POST and one refresh, and returns its id and outputs", async () => {
      const { id, outs } = await rig.redirections.create(www);
      expect(id).toMatch(/^[1-9][0-9]{9,}$/);
      expect(outs).toEqual({ ...www, redirectionId: id, fqdn: "www.example.com", instanceId: expect.stringMatching(/^[0-9a-f]{16}$/) });
      expect(rig.emulator.count({ method: "POST", path: "/domain/zone/example.com/redirection" })).toBe(1);
      expect(refreshes(rig)).toBe(1);
      expect(rig.emulator.zone("example.com").pendingChanges).toBe(false);
      expect(recordLines(rig.emulator)).toEqual(["www A 213.186.33.5", 'www TXT "1|https://example.org/"']);
    });

    it("shares one zone refresh between a redirection and records changed at the same time", async () => {
      const record = (i: number) => ({ zoneName: "example.com", subDomain: `h${i}`, fieldType: "A", target: `192.0.2.${i}`, ttl: 0 });
      await Promise.all([rig.redirections.create(www), rig.records.create(record(1)), rig.records.create(record(2))]);
      expect(refreshes(rig)).toBe(1);
      expect(rig.emulator.zone("example.com").pendingChanges).toBe(false);
    });

    it("changes type, target and the frame fields with one PUT, never a new redirection", async () => {
      const { id, outs } = await rig.redirections.create(www);
      const news = { ...www, type: "invisible", target: "https://example.net/", title: "Home", description: "Our site" };
      const { outs: updated } = await rig.redirections.update(id, outs, news);
      expect(updated).toMatchObject({ ...news, redirectionId: id });
      expect(rig.emulator.count({ method: "PUT", path: `/domain/zone/example.com/redirection/${id}` })).toBe(1);
      expect(rig.emulator.count({ method: "POST", path: "/domain/zone/example.com/redirection" })).toBe(1);
      expect(rig.emulator.zone("example.com").redirections).toEqual([
        { id: Number(id), subDomain: "www", type: "invisible", target: "https://example.net/", title: "Home", keywords: null, description: "Our site", recordIds: expect.any(Array) },
      ]);
      // Back to a visible type: the frame fields are cleared with it, which OVH requires.
      await rig.redirections.update(id, updated, www);
      expect(rig.emulator.zone("example.com").redirections[0]).toMatchObject({ type: "visiblePermanent", title: null, description: null });
      expect(refreshes(rig)).toBe(3);
    });

    it("reads a redirection as it is, so a change made in the console shows as drift, and drops one deleted", async () => {
      const { id, outs } = await rig.redirections.create(www);
      expect(await rig.redirections.read(id, outs)).toEqual({ id, props: outs });
      await behindPulumi(rig).request("PUT", `/domain/zone/example.com/redirection/${id}`, { body: { type: "visible", target: "https://elsewhere.example/" } });
      const drifted = await rig.redirections.read(id, outs);
      expect(drifted.props).toEqual({ ...outs, type: "visible", target: "https://elsewhere.example/" });
      expect((await rig.redirections.diff(id, drifted.props, www)).changes).toBe(true);
      await behindPulumi(rig).request("DELETE", `/domain/zone/example.com/redirection/${id}`);
      expect(await rig.redirections.read(id, outs)).toEqual({ id: "", props: {} });
    });

    it("reads <id>.<zoneName> for .get(), handing back inputs, and refuses an id that is not one before sending anything", async () => {
      const { id } = await rig.redirections.create(www);
      const read = await rig.redirections.read(`${id}.Example.com`, {});
      expect(read.inputs).toEqual(www);
      const before = rig.emulator.count();
      await expect(rig.redirections.read("5?x=1", { zoneName: "example.com", redirectionId: "5?x=1" })).rejects.toBeInstanceOf(ZoneRecordError);
      await expect(rig.redirections.delete("../refresh", { ...www, redirectionId: "../refresh" })).rejects.toThrow(/is not an OVH redirection id/);
      expect(rig.emulator.count()).toBe(before);
    });

    it("deletes a redirection and the records OVH kept for it, refreshing the zone; one already gone counts as deleted", async () => {
      const { id, outs } = await rig.redirections.create(www);
      await rig.redirections.delete(id, outs);
      expect(recordLines(rig.emulator)).toEqual([]);
      expect(rig.emulator.zone("example.com").redirections).toEqual([]);
      await rig.redirections.delete(id, outs);
      expect(refreshes(rig)).toBe(3);
    });

    it("adopts an existing redirection of the same name and target with no write, and sets its type in place when it differs", async () => {
      const made = (await behindPulumi(rig).request<{ id: number }>("POST", "/domain/zone/example.com/redirection", { body: { subDomain: "www", type: "visiblePermanent", target: "https://example.org/" } }));
      const before = writes(rig);
      const { id } = await rig.redirections.create({ ...www, subDomain: "WWW", adopt: true });
      expect(id).toBe(String(made.id));
      expect(writes(rig)).toBe(before);
      // A second resource adopting the same one gets no share of it: it creates, and OVH refuses a second at that name.
      await expect(rig.redirections.create({ ...www, adopt: true })).rejects.toThrow(/A redirection already exists for www/);
      const shop = (await behindPulumi(rig).request<{ id: number }>("POST", "/domain/zone/example.com/redirection", { body: { subDomain: "shop", type: "visible", target: "https://example.org/shop" } }));
      const adopted = await rig.redirections.create({ ...www, subDomain: "shop", target: "https://example.org/shop", adopt: true });
      expect(adopted.id).toBe(String(shop.id));
      expect(rig.emulator.count({ method: "PUT", path: `/domain/zone/example.com/redirection/${shop.id}` })).toBe(1);
    });

    it("never adopts a redirection of another target: it creates, and OVH's refusal names the one in the way", async () => {
      await behindPulumi(rig).request("POST", "/domain/zone/example.com/redirection", { body: { subDomain: "www", type: "visible", target: "https://other.example/" } });
      await expect(rig.redirections.create({ ...www, adopt: true })).rejects.toThrow(/A redirection already exists for www/);
      expect(rig.emulator.zone("example.com").redirections).toHaveLength(1);
    });

    it("an update of a redirection deleted outside Pulumi says to refresh, and creates nothing", async () => {
      const { id, outs } = await rig.redirections.create(www);
      await behindPulumi(rig).request("DELETE", `/domain/zone/example.com/redirection/${id}`);
      const err = await rig.redirections.update(id, outs, { ...www, type: "visible" }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RedirectionGoneError);
      expect((err as Error).message).toMatch(/^redirection \d+ \(www -> https:\/\/example.org\/ \(visible\)\) of zone example.com no longer exists: it was deleted outside Pulumi. Run `pulumi refresh`/);
      expect(rig.emulator.count({ method: "POST", path: "/domain/zone/example.com/redirection" })).toBe(1);
    });
  });

  it("a redirection made whose refresh failed stays in the state (an init failure with its id), and says so", async () => {
    rig = await startRedirectionRig({ faults: { serverErrorRate: 1, methods: ["POST"], pathPattern: "^/domain/zone/[^/]+/refresh$" } });
    const err = await rig.redirections.create(www).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RedirectionInitError);
    const init = err as RedirectionInitError;
    expect(init.id).toMatch(/^[1-9][0-9]+$/);
    expect(init.properties).toMatchObject({ ...www, redirectionId: init.id });
    expect(init.message).toMatch(/^the change was made in zone example.com but the zone refresh that publishes it failed/);
    expect(init.message).toMatch(/created www redirection visiblePermanent https:\/\/example.org\//);
    expect(rig.emulator.zone("example.com").redirections).toHaveLength(1);
  });

  it("a POST answered 500 after it was applied: the redirection it made is found and kept, never posted twice", async () => {
    rig = await startRedirectionRig({ faults: { serverErrorAfterApplyRate: 1, methods: ["POST"], pathPattern: "^/domain/zone/[^/]+/redirection$" } });
    const { id } = await rig.redirections.create(www);
    expect(rig.emulator.zone("example.com").redirections.map((r) => String(r.id))).toEqual([id]);
  });

  it("a call the key may not make names the missing rule and `credentials --with-redirections`", async () => {
    rig = await startRedirectionRig(
      {
        consumerKeys: [{ consumerKey: "recordsOnlyKey00000000000000000", applicationKey: "redirApp00000000",
          rules: [{ method: "GET", path: "/domain*" }, { method: "POST", path: "/domain/zone/example.com/record" }, { method: "POST", path: "/domain/zone/example.com/refresh" }] }],
        applications: [{ applicationKey: "redirApp00000000", applicationSecret: "redirSecret000000000000000000000" }],
      },
      (emulator) => ({ ...stackConfigFor(emulator), "ovh:applicationKey": "redirApp00000000", "ovh:applicationSecret": "redirSecret000000000000000000000",
        "ovh:consumerKey": "recordsOnlyKey00000000000000000" }),
    );
    const err = (await rig.redirections.create(www).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ZoneAccessError);
    expect(err.message.split("\n")[0]).toBe(
      "POST /domain/zone/example.com/redirection was refused: missing rule POST /domain/zone/example.com/redirection (needed to create a redirection): " +
        "request a key with `pulumi-ovh-dns credentials --zone example.com --with-redirections`",
    );
  });

  it("a redirection in a zone the account lacks names the zones it has", async () => {
    rig = await startRedirectionRig({ zones: { "example.com": [], "example.net": [] } });
    await expect(rig.redirections.create({ ...www, zoneName: "exmaple.com" })).rejects.toThrow(
      "no zone exmaple.com in this account (the account has: example.com, example.net): check the spelling, or the endpoint");
  });
});
