/**
 * The lifecycle fuzzer's `interrupt` command (tools/fuzz-lifecycle/interrupt.ts), through the real Pulumi CLI: it
 * kills an up half-way, the plugins exit, the README's recovery runs, and the up after it converges (the fuzzer's
 * invariants hold). Random sequences pick it rarely (only after edits no up has applied), so it is run here on
 * purpose.
 */
import type { LifecycleModel, LifecycleRig } from "../../tools/fuzz-lifecycle";
import { Interrupt } from "../../tools/fuzz-lifecycle/run-commands";
import { deployedRig } from "../../tools/fuzz-lifecycle/runs";

jest.setTimeout(600_000);

describe("lifecycle fuzzer: an interrupted up through the real CLI", () => {
  let rig: LifecycleRig;
  let model: LifecycleModel;
  beforeAll(async () => {
    ({ rig, model } = await deployedRig("cli", [{ name: "r0", subDomain: "www", fieldType: "A", target: "192.0.2.1", ttl: 300, adopt: false }]));
  });
  afterAll(() => rig.close());

  test("kills the up after its first record write, recovers, and the next up converges", async () => {
    for (let i = 1; i <= 8; i++) model.top.push({ name: `r${i}`, subDomain: `h${i}`, fieldType: "A", target: `192.0.2.${i + 1}`, ttl: 300, adopt: false });
    rig.writeProgram(model);
    model.pending = true;
    const interrupt = new Interrupt(1);
    await interrupt.run(model, rig);
    expect(interrupt.toString()).toBe("up killed after 1 record write(s), cancel, refresh --clear-pending-creates; up");
    expect(rig.records()).toHaveLength(9);
  });
});
