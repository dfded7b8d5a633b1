import { ToyStack } from "./toy-stack";

describe("LocalEngine: import and read of existing resources", () => {
  const stack = new ToyStack();
  afterAll(() => stack.remove());
  beforeAll(() => {
    // Two notes made outside Pulumi.
    stack.store.write({
      ...stack.store.read(),
      nextId: 3,
      notes: { "note-1": { name: "adopt", text: "mine", size: 1, revision: 1 }, "note-2": { name: "shared", text: "theirs", size: 1, revision: 1 } },
    });
  });

  it("fails an import whose inputs do not match the existing resource, even in a preview", async () => {
    const res = await stack.engine([{ res: "adopted", name: "adopt", text: "different", import: "note-1" }]).preview();
    expect(res.ok).toBe(false);
    expect(res.error).toBe("inputs to import do not match the existing resource; importing this resource will fail [diff: ~text]");
    expect(res.providerCalls.map((c) => c.method)).toEqual(["read", "check", "diff"]);
  });

  it("imports a matching resource and reads an external one, creating nothing", async () => {
    const res = await stack
      .engine([
        { res: "adopted", name: "adopt", text: "mine", import: "note-1" },
        { res: "peek", name: "shared", text: "ignored", get: "note-2" },
      ])
      .up();
    expect(res.ok).toBe(true);
    expect(res.plan.map((p) => `${p.op} ${p.name}`).sort()).toEqual(["import adopted", "read peek"]);
    expect(res.printed).toContain("= import  toy:Note  adopted\n");
    expect(res.printed).toContain("> read  toy:Note  peek\n");
    expect((res.outputs.texts as Record<string, string>).peek).toBe("theirs");
    expect(stack.store.mutations()).toEqual([]);
    expect(stack.stateIds().sort()).toEqual(["adopted=note-1", "peek=note-2"]);
  });

  it("destroys the imported resource but never the one it only read", async () => {
    const res = await stack.engine([]).destroy();
    expect(res.ok).toBe(true);
    expect(stack.store.mutations()).toEqual(["delete note-1"]);
    expect(Object.keys(stack.store.notes())).toEqual(["note-2"]);
  });
});
