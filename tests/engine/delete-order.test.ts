import { deletionOrder } from "../../tools/local-engine/delete-order";
import type { StateResource } from "../../tools/local-engine/state-file";

const res = (urn: string, deps: string[] = [], parent?: string): StateResource => ({
  urn,
  type: "t",
  custom: true,
  inputs: {},
  outputs: {},
  dependencies: deps,
  parent,
});

describe("deletionOrder", () => {
  it("deletes dependents and children before what they depend on, whatever the state order", () => {
    const order = deletionOrder([res("b", ["a"]), res("a"), res("c", [], "b"), res("d")]);
    expect(order.map((r) => r.urn)).toEqual(["d", "c", "b", "a"]);
  });

  it("keeps reverse state order for independent resources", () => {
    expect(deletionOrder([res("x"), res("y"), res("z")]).map((r) => r.urn)).toEqual(["z", "y", "x"]);
  });
});
