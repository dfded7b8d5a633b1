/**
 * The lifecycle fuzzer's invariants can fail: each is shown catching the loss it is there for, on a stack of the
 * fuzzer's program through the local engine.
 */
import { checkAfterUp, checkDistinctIds, emptyModel, InvariantError, type LifecycleModel, type LifecycleRig } from "../../tools/fuzz-lifecycle";
import { deployedRig, runAndCheck } from "../../tools/fuzz-lifecycle/runs";

describe("lifecycle fuzzer invariants", () => {
  let rig: LifecycleRig;
  let model: LifecycleModel;

  beforeEach(async () => {
    ({ rig, model } = await deployedRig("local", [{ name: "www", subDomain: "www", fieldType: "A", target: "192.0.2.1", ttl: 300, adopt: false }]));
  });
  afterEach(() => rig.close());

  test("a declared record missing from the zone after up", async () => {
    await rig.console.remove(rig.records()[0]);
    await expect(checkAfterUp(model, rig)).rejects.toThrow(/^the zone after up differs: missing \[www A 192\.0\.2\.1 ttl=300\], extra \[\]/);
  }, 60_000);

  test("a change the zone does not serve yet (its refresh failed)", async () => {
    model.top[0].ttl = 3600;
    rig.writeProgram(model);
    rig.setFaults({ serverErrorRate: 1, methods: ["POST"], pathPattern: /\/refresh$/ });
    expect((await rig.run("up")).ok).toBe(false);
    await expect(checkAfterUp(model, rig)).rejects.toThrow(/^the published zone \(as of the last refresh\) differs/);
  }, 60_000);

  test("an owner registry that claims a record the stack does not hold", async () => {
    model.owner = "fuzz-a";
    rig.writeProgram(model);
    await runAndCheck("up", model, rig);
    model.hand.push({ subDomain: "mail", fieldType: "A", target: "192.0.2.9", ttl: 300 });
    await rig.console.add(model.hand[0]);
    const stray = rig.records().find((r) => r.subDomain === "mail")!;
    await rig.console.add({ subDomain: "_ovhdns-owner", fieldType: "TXT", target: `v=ovhdns1 owner=fuzz-a ids=${stray.id}`, ttl: 0 });
    await expect(checkAfterUp(model, rig)).rejects.toThrow(/^after up, the owner registry is wrong: mail A 192\.0\.2\.9 ttl=300 \(id \d+\) claimed by fuzz-a, expected nobody/);
  }, 60_000);

  test("a program whose preview still shows a change", async () => {
    rig.writeProgram({ ...model, top: [{ ...model.top[0], ttl: 3600 }] });
    const error = await checkAfterUp(model, rig).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(InvariantError);
    expect((error as Error).message).toMatch(/^the preview right after up shows changes: update www/);
  }, 60_000);
});

describe("lifecycle fuzzer: distinct record ids", () => {
  test("two resources of the state holding one record id", () => {
    const held = [{ name: "www", id: "5390038375" }, { name: "api", id: "5390038376" }, { name: "www2", id: "5390038375" }];
    expect(() => checkDistinctIds("after refresh", held, emptyModel())).toThrow(/^after refresh, two resources hold one record: www=5390038375, www2=5390038375\n/);
    expect(() => checkDistinctIds("after refresh", held.slice(0, 2), emptyModel())).not.toThrow();
  });
});
