/**
 * Issue 19 through the real Pulumi CLI: a program whose second record holds a line feed. `pulumi up` runs its
 * preview first, whose `check` refuses the record: the CLI fails naming the resource, the field and the
 * character, and no record is written, neither the refused one nor the one declared before it.
 */
import { recordsStack, withCalls, zoneLines } from "./support";

jest.setTimeout(600_000);

describe("pulumi up with a record holding a control character", () => {
  const stack = recordsStack();

  it("fails in its preview, naming the field and the character, and writes nothing", async () => {
    stack.file.declare({
      www: { subDomain: "www", fieldType: "A", target: "203.0.113.10" },
      note: { subDomain: "note", fieldType: "TXT", target: "line one\nline two" },
    });
    const up = await withCalls(stack.emulator, () => stack.ws.run(["up", "--yes"]));
    expect(up.result.code).not.toBe(0);
    const output = up.result.stdout + up.result.stderr;
    expect(output).toContain("note");
    expect(output).toContain("target holds U+000A (line feed) at position 9");
    expect(up.calls).toEqual([]);
    expect(zoneLines(stack.emulator)).toEqual([]);
  });
});
