/**
 * The GitOps scenario through the real Pulumi CLI, when one is on the PATH (local file backend, passphrase
 * secrets), so that anyone with the CLI checks the local engine against the real one: the zone must move
 * through the same states, and an up with nothing to change must send no call.
 */
import { findPulumiCli } from "../engine/pulumi-cli";
import { GitopsStack, type Entry } from "./gitops-rig";

const cli = findPulumiCli();
if (!cli) console.log("skipped: the Pulumi CLI scenario needs `pulumi` on the PATH (`which pulumi` found nothing)");

const web: Entry = { fieldType: "A", target: "203.0.113.10", ttl: 3600 };
const www: Entry = { subDomain: "www", fieldType: "CNAME", target: "example.com." };

(cli ? describe : describe.skip)("a zone kept in Git, through the real Pulumi CLI", () => {
  let stack: GitopsStack;
  beforeAll(async () => (stack = await GitopsStack.start()));
  afterAll(() => stack.close());

  it("creates, changes, finds nothing to do, deletes and destroys, leaving the zone as the local engine does", async () => {
    stack.declare({ web, www });
    const preview = await stack.runCli("preview");
    expect(preview.calls.filter((c) => c.method !== "GET")).toEqual([]);
    await stack.runCli("up");
    expect(stack.zone()).toEqual(["@ A 203.0.113.10 3600", "www CNAME example.com. 0"]);
    stack.declare({ web: { ...web, target: "203.0.113.11" }, www });
    await stack.runCli("up");
    expect(stack.zone()).toEqual(["@ A 203.0.113.11 3600", "www CNAME example.com. 0"]);
    expect((await stack.runCli("up")).calls).toEqual([]);
    stack.declare({ web: { ...web, target: "203.0.113.11" } });
    await stack.runCli("up");
    expect(stack.zone()).toEqual(["@ A 203.0.113.11 3600"]);
    await stack.runCli("destroy");
    expect(stack.zone()).toEqual([]);
  });
});
