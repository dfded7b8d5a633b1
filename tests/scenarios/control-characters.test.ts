/**
 * Issue 19: a TXT holding a line feed passed `pulumi preview`, then the `up` failed with the API's 400 after
 * another record of the program was created. Through the local engine and the emulator: the preview now refuses
 * the program, naming the resource, the field and the character, and sends no API call. An up without a preview
 * (this engine's, or `pulumi up --skip-preview`) checks each resource as the program registers it, so a record
 * registered before may be created, but the refused one is never sent; `pulumi up` previews first and writes
 * nothing (tests/pulumi-cli/control-characters.test.ts).
 */
import * as fs from "node:fs";
import { GitopsStack } from "./gitops-rig";

describe("a record holding a control character, through the engine", () => {
  let stack: GitopsStack;
  beforeAll(async () => {
    stack = await GitopsStack.start();
    stack.declare({
      www: { subDomain: "www", fieldType: "A", target: "203.0.113.10" },
      note: { subDomain: "note", fieldType: "TXT", target: "line one\nline two" },
    });
  });
  afterAll(() => stack.close());

  const REFUSAL = "target holds U+000A (line feed) at position 9; OVH refuses control characters in record data";

  it("is refused by the preview, which sends no API call and writes no state", async () => {
    const result = await stack.engine().preview();
    expect(result.ok).toBe(false);
    expect(result.error).toContain("resource 'note'");
    expect(result.error).toContain(REFUSAL);
    expect(result.printed).not.toMatch(/line one\nline two/);
    expect(stack.emulator.log).toEqual([]);
    expect(stack.zone()).toEqual([]);
    expect(fs.existsSync(stack.statePath) ? stack.state().ids : {}).toEqual({});
  });

  it("stops an up without a preview at the same check: the record is never sent", async () => {
    const result = await stack.engine().up();
    expect(result.ok).toBe(false);
    expect(result.error).toContain(REFUSAL);
    expect(stack.emulator.log.filter((e) => e.method === "POST" && e.path.endsWith("/record")).map((e) => e.status)).not.toContain(400);
    expect(stack.zone().filter((line) => line.startsWith("note "))).toEqual([]);
  });
});
