import * as path from "path";
import { LocalEngine } from "../../tools/local-engine/engine";
import { ToyStack } from "./toy-stack";

describe("LocalEngine: a failed step stops the run and keeps the state consistent", () => {
  const stack = new ToyStack();
  afterAll(() => stack.remove());
  const good = { res: "good", name: "good", text: "ok" };
  // Every note that exists is in the state, and nothing else: nothing orphaned, nothing phantom.
  const expectConsistent = () => expect(stack.stateIds().map((s) => s.split("=")[1]).sort()).toEqual(Object.keys(stack.store.notes()).sort());

  it("reports check failures in the engine's format and creates nothing for them", async () => {
    const res = await stack.engine([good, { res: "bad", name: "Bad_Name", text: "x" }]).up();
    expect(res.ok).toBe(false);
    expect(res.error).toBe(
      "pulumi-nodejs:dynamic/toy:Note resource 'Bad_Name': property name value {\"Bad_Name\"} has a problem: name \"Bad_Name\" must match /^[a-z][a-z0-9-]*$/".replace(
        "'Bad_Name'",
        "'bad'",
      ),
    );
    expect(res.printed).toContain("error: pulumi-nodejs:dynamic/toy:Note resource 'bad': property name value");
    expect(Object.values(stack.store.notes()).map((n) => n.name)).not.toContain("Bad_Name");
    expectConsistent();
  });

  it("records a create that failed after making the resource, flagged for init on the next run", async () => {
    const res = await stack.engine([good, { res: "half", name: "half", text: "fail-after-create" }]).up();
    const half = stack.state().resources.find((r) => r.urn.endsWith("::half"));
    expect(res.ok).toBe(false);
    expect(res.error).toBe(`toy: note ${half?.id} was made but did not initialise`);
    expect(half).toMatchObject({ custom: true, initErrors: ["text says fail-after-create"] });
    expect(half?.outputs).toMatchObject({ name: "half", text: "fail-after-create", revision: 1 });
    expectConsistent();
  });

  it("updates the half-made resource on the next run instead of creating it again", async () => {
    const before = stack.state().resources.find((r) => r.urn.endsWith("::half"))?.id;
    stack.store.clearLog();
    const res = await stack.engine([good, { res: "half", name: "half", text: "fixed" }]).up();
    expect(res.ok).toBe(true);
    expect(stack.store.mutations()).toEqual([`update ${before}`]);
    expect(stack.state().resources.find((r) => r.urn.endsWith("::half"))?.initErrors).toBeUndefined();
    expectConsistent();
  });

  it("stops on a refused create with the provider's message and deletes nothing", async () => {
    stack.store.clearLog();
    const res = await stack.engine([{ res: "boom", name: "boom", text: "fail-create" }]).up();
    expect(res.ok).toBe(false);
    expect(res.error).toBe("toy: create of boom refused");
    expect(res.printed).toContain("error: toy: create of boom refused\n");
    // good and half are no longer declared, but a failed run has no delete phase.
    expect(stack.store.mutations()).toEqual([]);
    expectConsistent();
  });
});

describe("LocalEngine: resource types it cannot run", () => {
  it("names the type and the plugin the Pulumi CLI would need", async () => {
    const stack = new ToyStack();
    try {
      const programDir = path.join(__dirname, "../fixtures/toy/programs/random");
      const res = await new LocalEngine({ programDir, stack: "dev", statePath: stack.statePath }).up();
      expect(res.ok).toBe(false);
      expect(res.error).toBe(
        "the local engine cannot run resource type random:index/randomString:RandomString: it needs the Pulumi CLI's plugin 'random'; " +
          "run this program with the Pulumi CLI, or test it with pulumi.runtime.setMocks",
      );
    } finally {
      stack.remove();
    }
  });
});
