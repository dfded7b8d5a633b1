import * as fs from "fs";
import type { NoteSpec } from "../fixtures/toy/programs/notes/spec";
import { TOY_TOKEN, ToyStack } from "./toy-stack";

const URN = "urn:pulumi:dev::toy-notes::pulumi-nodejs:dynamic/toy:Note::";
const SECRET = "the-secret-text-93b1";

/**
 * A stack's life through the local engine. Each test stands alone: it starts from a fresh stack and brings it to
 * the state it needs with its own `up`s (at most one before the step under test), so tests can run alone (`-t`),
 * in any order, and one failing step does not fail the others.
 */
describe("LocalEngine: a stack's life", () => {
  const stacks: ToyStack[] = [];
  afterEach(() => stacks.splice(0).forEach((s) => s.remove()));
  const a: NoteSpec = { res: "a", name: "alpha", text: "hello" };
  const b: NoteSpec = { res: "b", name: "beta", textFrom: "a" };
  const s: NoteSpec = { res: "s", name: "sec", secretText: true };
  const changed = (plan: { op: string; name: string }[]) => plan.filter((p) => p.op !== "same").map((p) => `${p.op} ${p.name}`);

  function freshStack() {
    const stack = new ToyStack();
    stacks.push(stack);
    const run = (notes: NoteSpec[]) => stack.engine(notes, SECRET);
    return { stack, run };
  }

  /** A fresh stack after one `up` of a, b and s; the call log is cleared. b and s race, so their ids are returned. */
  async function createdStack() {
    const { stack, run } = freshStack();
    const res = await run([a, b, s]).up();
    expect(res.ok).toBe(true);
    stack.store.clearLog();
    const ids = res.outputs.ids as Record<string, string>;
    return { stack, run, ids };
  }

  it("previews the creates without any mutating call and without writing state", async () => {
    const { stack, run } = freshStack();
    const res = await run([a, b, s]).preview();
    expect(res.ok).toBe(true);
    expect(changed(res.plan).sort()).toEqual(["create a", "create b", "create s"]);
    expect(res.providerCalls.map((c) => c.method)).toEqual(["check", "check", "check"]);
    expect(stack.store.log()).toEqual([]);
    expect(fs.existsSync(stack.statePath)).toBe(false);
  });

  it("creates, passing a's id to its dependent b, and keeps secrets out of the state and the output", async () => {
    const { stack, run } = freshStack();
    const res = await run([a, b, s]).up();
    expect(res.ok).toBe(true);
    expect(res.summary).toEqual({ create: 3, update: 0, replace: 0, delete: 0, same: 0, read: 0, import: 0 });
    const ids = res.outputs.ids as Record<string, string>;
    expect(ids.a).toBe("note-1");
    expect([ids.b, ids.s].sort()).toEqual(["note-2", "note-3"]);
    expect(stack.store.notes()[ids.b].text).toBe("see note-1");
    expect(stack.store.notes()[ids.s].text).toBe(SECRET);
    expect(res.secretOutputs).toEqual(["texts"]);
    expect(res.printed).toContain("    texts: [secret]\n");
    for (const text of [stack.stateText(), res.printed]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOY_TOKEN);
    }
    expect(stack.stateIds().sort()).toEqual([`a=note-1`, `b=${ids.b}`, `s=${ids.s}`]);
  });

  it("changes nothing when nothing changed: Check and Diff only", async () => {
    const { stack, run } = await createdStack();
    const res = await run([a, b, s]).up();
    expect(res.summary.same).toBe(3);
    expect(new Set(res.providerCalls.map((c) => c.method))).toEqual(new Set(["check", "diff"]));
    expect(stack.store.mutations()).toEqual([]);
  });

  it("updates a changed text and prints the changed property", async () => {
    const { stack, run } = await createdStack();
    const res = await run([{ ...a, text: "hello v2" }, b, s]).up();
    expect(changed(res.plan)).toEqual(["update a"]);
    expect(res.printed).toContain('~ update  toy:Note  a\n    ~ text: "hello" => "hello v2"\n');
    expect(stack.store.mutations()).toEqual(["update note-1"]);
    expect(stack.store.notes()["note-1"]).toMatchObject({ text: "hello v2", revision: 2 });
  });

  it("previews a replace naming the property that forces it, sending nothing and leaving the state as it was", async () => {
    const { stack, run } = await createdStack();
    const before = stack.stateText();
    const res = await run([{ ...a, name: "alpha-2" }, b, s]).preview();
    expect(res.printed).toContain('+- replace  toy:Note  a  [diff: ~name]\n    ~ name: "alpha" => "alpha-2"\n');
    expect(res.printed).toContain('~ update  toy:Note  b\n    ~ text: "see note-1" => output<string>\n');
    expect(res.printed).toContain("Resources: 1 to update, 1 to replace, 1 unchanged\n");
    expect(stack.store.mutations()).toEqual([]);
    expect(stack.stateText()).toBe(before);
  });

  it("replaces create-before-delete: new a, then its dependent b, then the old a is deleted", async () => {
    const { stack, run, ids } = await createdStack();
    const res = await run([{ ...a, name: "alpha-2" }, b, s]).up();
    expect(stack.store.mutations()).toEqual(["create note-4", `update ${ids.b}`, "delete note-1"]);
    expect(res.printed).toBe(
      [
        "Updating (dev):",
        "+- replace  toy:Note  a  [diff: ~name]",
        '    ~ name: "alpha" => "alpha-2"',
        "~ update  toy:Note  b",
        '    ~ text: "see note-1" => "see note-4"',
        "Outputs:",
        `    ids: ${JSON.stringify({ a: "note-4", b: ids.b, s: ids.s })}`,
        "    texts: [secret]",
        "Resources: 1 updated, 1 replaced, 1 unchanged",
        "Diagnostics:",
        "    info: declared 3 notes",
        "",
      ].join("\n"),
    );
    expect(stack.stateIds().sort()).toEqual(["a=note-4", `b=${ids.b}`, `s=${ids.s}`]);
  });

  it("replaces delete-before-create when the provider asks for it", async () => {
    const { stack, run, ids } = await createdStack();
    const res = await run([{ ...a, name: "alpha-3", uniqueName: true }, b, s]).up();
    expect(res.plan.find((p) => p.name === "a")).toMatchObject({ op: "replace", deleteBeforeReplace: true });
    expect(stack.store.mutations()).toEqual(["delete note-1", "create note-4", `update ${ids.b}`]);
  });

  it("deletes a resource removed from the program", async () => {
    const { stack, run, ids } = await createdStack();
    const res = await run([a, s]).up();
    expect(res.plan.filter((p) => p.op !== "same").map((p) => `${p.op} ${p.urn}`)).toEqual([`delete ${URN}b`]);
    expect(res.printed).toContain("- delete  toy:Note  b\n");
    expect(stack.store.mutations()).toEqual([`delete ${ids.b}`]);
    expect(stack.stateIds().sort()).toEqual(["a=note-1", `s=${ids.s}`]);
  });

  it("refreshes drift: an edited note is updated in the state, a deleted one dropped", async () => {
    const { stack, run, ids } = await createdStack();
    stack.store.edit("note-1", { text: "edited behind" });
    stack.store.remove(ids.s);
    const res = await run([]).refresh();
    expect(res.printed).toBe(
      [
        "Refreshing (dev):",
        "~ update  toy:Note  a",
        '    ~ text: "hello" => "edited behind"',
        "- delete  toy:Note  s",
        "Outputs:", // a refresh does not run the program: the outputs are the last up's
        `    ids: ${JSON.stringify({ a: "note-1", b: ids.b, s: ids.s })}`,
        "    texts: [secret]",
        "Resources: 1 updated, 1 deleted, 1 unchanged",
        "",
      ].join("\n"),
    );
    expect(stack.stateIds().sort()).toEqual(["a=note-1", `b=${ids.b}`]);
    expect(stack.state().resources.find((r) => r.custom && r.id === "note-1")?.outputs.text).toBe("edited behind");
  });

  it("refreshes in state order: a replaced resource moved to the end of the state", async () => {
    const { stack, run, ids } = await createdStack();
    await run([{ ...a, name: "alpha-2" }, b, s]).up();
    stack.store.edit("note-4", { text: "edited behind" });
    stack.store.remove(ids.s);
    const res = await run([]).refresh();
    const lines = res.printed.split("\n").filter((l) => /^[~-] /.test(l));
    expect(lines).toEqual(["- delete  toy:Note  s", "~ update  toy:Note  a"]);
  });

  it("destroys everything, dependents first, and empties the state", async () => {
    const { stack, run, ids } = await createdStack();
    const res = await run([]).destroy();
    expect(res.ok).toBe(true);
    const deletes = stack.store.mutations();
    expect(deletes.slice(0, 2).sort()).toEqual([`delete ${ids.b}`, `delete ${ids.s}`].sort());
    expect(deletes.slice(2)).toEqual(["delete note-1"]);
    expect(stack.store.notes()).toEqual({});
    expect(stack.state().resources).toEqual([]);
  });
});
