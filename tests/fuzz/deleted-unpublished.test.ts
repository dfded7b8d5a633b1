/**
 * A delete whose DELETE was applied but whose zone refresh failed leaves the resource in the state (a failed
 * delete changes nothing there). When the program declares the record again, the next `up` must make it anew,
 * not see "no change" and leave it deleted: the lifecycle fuzzer found it (seed 9602, sequence 18), shrunk here to
 * a destroy and an up. Checked with the fuzzer's invariants: the zone, the published zone and the state.
 */
import type { LifecycleModel, LifecycleRig } from "../../tools/fuzz-lifecycle";
import { deployedRig, runAndCheck } from "../../tools/fuzz-lifecycle/runs";

const FAILED_REFRESH = { serverErrorRate: 1, methods: ["POST"], pathPattern: /\/refresh$/ };

describe("a record deleted by a step whose refresh failed, declared again", () => {
  let rig: LifecycleRig;
  let model: LifecycleModel;

  beforeEach(async () => {
    ({ rig, model } = await deployedRig("local", [
      { name: "www", subDomain: "www", fieldType: "A", target: "192.0.2.1", ttl: 300, adopt: false },
      { name: "api", subDomain: "api", fieldType: "A", target: "192.0.2.2", ttl: 300, adopt: false },
    ]));
  });
  afterEach(() => rig.close());

  test("after a destroy whose refresh failed, the next up makes it again and publishes it", async () => {
    rig.setFaults(FAILED_REFRESH);
    const destroy = await rig.run("destroy");
    expect(destroy.ok).toBe(false);
    expect(destroy.error).toMatch(/record \d+ was deleted from zone example\.com, but the zone refresh that publishes the deletion failed: .*on another machine \(a CI runner\), run `pulumi refresh` before that `up`/s);
    rig.setFaults({});
    await runAndCheck("up", model, rig);
    await runAndCheck("preview", model, rig);
  }, 120_000);

  test("after an up that removed it and whose refresh failed, the up that puts it back makes it again", async () => {
    const api = model.top.pop()!;
    rig.writeProgram(model);
    rig.setFaults(FAILED_REFRESH);
    expect((await rig.run("up")).ok).toBe(false);
    rig.setFaults({});
    model.top.push(api);
    rig.writeProgram(model);
    await runAndCheck("up", model, rig);
    await runAndCheck("preview", model, rig);
  }, 120_000);
});
