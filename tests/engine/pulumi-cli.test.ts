import { findPulumiCli, runWithPulumiCli } from "./pulumi-cli";
import { buildNoteImpl } from "../fixtures/toy/build-note-impl";
import { NOTES_PROGRAM, TOY_TOKEN, ToyStack } from "./toy-stack";

const cli = findPulumiCli();
if (!cli) console.log("skipped: the Pulumi CLI scenario tests need `pulumi` on the PATH (`which pulumi` found nothing)");

(cli ? describe : describe.skip)("the same toy program through the real Pulumi CLI", () => {
  it("creates, then finds nothing to change, like the local engine", async () => {
    const stack = new ToyStack();
    try {
      const config = {
        "toy:impl": buildNoteImpl(),
        "toy:dataFile": stack.store.path,
        "toy:apiToken": TOY_TOKEN,
        "toy-notes:notes": JSON.stringify([{ res: "a", name: "alpha", text: "hello" }]),
      };
      const options = { programDir: NOTES_PROGRAM, stack: "dev", config, secretKeys: ["toy:apiToken"], backendDir: `${stack.dir}/backend` };
      expect((await runWithPulumiCli("up", options)).ok).toBe(true);
      expect(stack.store.mutations()).toEqual(["create note-1"]);
      const again = await runWithPulumiCli("up", options);
      expect(again.ok).toBe(true);
      expect(stack.store.mutations()).toEqual(["create note-1"]);
      expect((await runWithPulumiCli("destroy", options)).ok).toBe(true);
      expect(stack.store.notes()).toEqual({});
    } finally {
      stack.remove();
    }
  });
});
