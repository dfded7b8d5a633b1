import { HostError } from "../../tools/plugin-host/errors";
import { UNKNOWN } from "../../tools/plugin-host/sentinels";
import { startToyHost, type ToyHost } from "./toy-host";

describe("ProviderHost against the real dynamic-provider host", () => {
  let toy: ToyHost;
  beforeAll(async () => {
    toy = await startToyHost();
    await toy.host.configure();
  });
  afterAll(() => toy.close());

  const inputs = (extra: Record<string, unknown> = {}) => ({ name: "alpha", text: "hello", __provider: toy.providerText, ...extra });

  it("reports the host's version and acceptSecrets=false from Configure", async () => {
    expect((await toy.host.getPluginInfo()).version).toBe("3.276.0");
    expect(await toy.host.configure()).toEqual({ acceptSecrets: false, supportsPreview: false });
  });

  it("checks valid inputs, filling the default size and keeping __provider", async () => {
    const res = await toy.host.check(toy.urn("alpha"), {}, inputs());
    expect(res).toEqual({ inputs: { name: "alpha", text: "hello", size: 1, __provider: toy.providerText }, failures: [] });
  });

  it("reports every check failure with its property and reason", async () => {
    const res = await toy.host.check(toy.urn("bad"), {}, inputs({ name: "Bad_Name", size: 5000 }));
    expect(res.failures).toEqual([
      { property: "name", reason: 'name "Bad_Name" must match /^[a-z][a-z0-9-]*$/' },
      { property: "size", reason: "size 5000 must be an integer from 0 to 1000" },
    ]);
  });

  it("passes UNKNOWN inputs through check, taking __provider from the olds when it is unknown", async () => {
    const olds = inputs();
    const res = await toy.host.check(toy.urn("alpha"), olds, inputs({ text: UNKNOWN, __provider: UNKNOWN }));
    expect(res).toEqual({ inputs: { name: "alpha", text: UNKNOWN, size: 1, __provider: UNKNOWN }, failures: [] });
  });

  it("diffs: text updates, name replaces, uniqueName asks for delete-before-replace", async () => {
    const olds = { name: "alpha", text: "hello", size: 1, revision: 1, __provider: toy.providerText };
    const news = (extra: Record<string, unknown>) => ({ ...olds, revision: undefined, ...extra });
    expect(await toy.host.diff("note-1", toy.urn("alpha"), olds, news({}))).toEqual({ changes: "none", replaces: [], deleteBeforeReplace: false });
    expect(await toy.host.diff("note-1", toy.urn("alpha"), olds, news({ text: "bye" }))).toEqual({ changes: "some", replaces: [], deleteBeforeReplace: false });
    expect(await toy.host.diff("note-1", toy.urn("alpha"), olds, news({ name: "beta", uniqueName: true }))).toEqual({
      changes: "some",
      replaces: ["name"],
      deleteBeforeReplace: true,
    });
  });

  it("creates, reads (refresh and import forms), updates and deletes a note", async () => {
    const urn = toy.urn("life");
    const { inputs: checked } = await toy.host.check(urn, {}, inputs({ name: "life" }));
    const created = await toy.host.create(urn, checked);
    expect(created.id).toMatch(/^note-\d+$/);
    expect(created.properties).toEqual({ name: "life", text: "hello", size: 1, revision: 1, __provider: toy.providerText });
    const id = created.id;

    toy.store.edit(id, { text: "edited elsewhere" });
    const refreshed = await toy.host.read(id, urn, created.properties, checked);
    expect(refreshed).toEqual({
      id,
      properties: { name: "life", text: "edited elsewhere", size: 1, revision: 1, __provider: toy.providerText },
      inputs: { name: "life", text: "edited elsewhere", size: 1, __provider: toy.providerText },
    });
    const imported = await toy.host.readImport(id, urn, { name: "life", text: "hello", __provider: toy.providerText });
    expect(imported.id).toBe(id);
    expect(imported.properties.text).toBe("edited elsewhere");

    const updated = await toy.host.update(id, urn, refreshed.properties, { ...checked, text: "v2" }, checked);
    expect(updated.properties).toEqual({ name: "life", text: "v2", size: 1, revision: 2, __provider: toy.providerText });

    await toy.host.delete(id, urn, updated.properties, checked);
    expect(toy.store.notes()[id]).toBeUndefined();
    expect((await toy.host.read(id, urn, updated.properties)).id).toBe("");
    expect(toy.store.mutations().filter((m) => m.endsWith(` ${id}`))).toEqual([`create ${id}`, `update ${id}`, `delete ${id}`]);
  });

  it("answers a refused create with a HostError carrying the provider's message and no init failure", async () => {
    const err = await toy.host.create(toy.urn("nope"), inputs({ name: "nope", text: "fail-create", size: 1 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ method: "create", code: 2, providerMessage: "toy: create of nope refused", initFailure: undefined });
  });

  it("decodes ErrorResourceInitFailed when a create fails after making the note", async () => {
    const err = (await toy.host.create(toy.urn("half"), inputs({ name: "half", text: "fail-after-create", size: 1 })).catch((e: unknown) => e)) as HostError;
    const id = err.initFailure?.id ?? "";
    expect(err.providerMessage).toBe(`toy: note ${id} was made but did not initialise`);
    expect(err.initFailure).toEqual({
      id,
      properties: { name: "half", text: "fail-after-create", size: 1, revision: 1 },
      reasons: ["text says fail-after-create"],
    });
    expect(toy.store.notes()[id]?.name).toBe("half");
  });
});
