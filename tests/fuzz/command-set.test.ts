import { COMMAND_NAMES, CommandSetError, parseCommandNames } from "../../tools/fuzz-lifecycle";

describe("the lifecycle fuzzer's command selection", () => {
  test("all, a list, and all but some", () => {
    expect(parseCommandNames("all")).toEqual(COMMAND_NAMES);
    expect(parseCommandNames("rename, up")).toEqual(["rename", "up"]);
    expect(parseCommandNames("all,-export-adopt,-toggle-adopt")).toEqual(COMMAND_NAMES.filter((n) => n !== "export-adopt" && n !== "toggle-adopt"));
  });

  test("an unknown name is refused, naming it and the known ones", () => {
    expect(() => parseCommandNames("all,-renam")).toThrow(CommandSetError);
    expect(() => parseCommandNames("renam")).toThrow(/^unknown command\(s\) renam: use names from add, remove, rename, /);
  });
});
