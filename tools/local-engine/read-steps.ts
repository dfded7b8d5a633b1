import { HostError } from "../plugin-host/errors";
import { inputsDiffer, propertyChanges } from "./property-diff";
import type { StateResource } from "./state-file";
import { StepError } from "./step-error";
import { checkInputs, markOutputs, type ResourceGoal, type StepContext, type StepOutcome } from "./steps";

/**
 * The `import` resource option for a resource not yet in the state: Read with only the program's inputs
 * (the import form), then Check (the read inputs as olds) and Diff against them. As the real engine does,
 * the import fails unless the existing resource matches the program: nothing is created or changed.
 * Reads are allowed in a preview, so a preview reports a mismatch too.
 */
export async function importResource(ctx: StepContext, goal: ResourceGoal, importId: string): Promise<StepOutcome> {
  const read = await hostCall(goal.urn, async () => (await ctx.pool.for("read", goal.urn)).readImport(importId, goal.urn, goal.inputs));
  if (!read.id) throw new StepError(`resource '${importId}' does not exist`, goal.urn);
  const oldInputs = read.inputs ?? read.properties;
  const checked = await checkInputs(ctx, goal, oldInputs);
  const diff = await hostCall(goal.urn, async () => (await ctx.pool.for("diff", goal.urn)).diff(read.id, goal.urn, read.properties, checked, oldInputs));
  const differs = diff.replaces.length > 0 || diff.changes === "some" || (diff.changes === "unknown" && inputsDiffer(oldInputs, checked));
  const changes = propertyChanges(oldInputs, checked);
  if (differs) {
    const keys = changes.map((c) => `~${c.key}`).join(",");
    throw new StepError(`inputs to import do not match the existing resource; importing this resource will fail [diff: ${keys}]`, goal.urn);
  }
  const entry: StateResource = { urn: goal.urn, type: goal.type, custom: true, id: read.id, inputs: checked, outputs: markOutputs(goal, read.properties), dependencies: goal.dependencies };
  if (goal.parent) entry.parent = goal.parent;
  if (!ctx.preview) ctx.state.put(entry);
  return { step: { op: "import", urn: goal.urn, type: goal.type, name: goal.name, changes: [], replaceKeys: [] }, id: read.id, outputs: entry.outputs };
}

/**
 * `opts.id` / `.get()` (ReadResource): Read with only the program's inputs; the resource is recorded as
 * external (read, never deleted by this stack).
 */
export async function readExternal(ctx: StepContext, goal: ResourceGoal, id: string, old?: StateResource): Promise<StepOutcome> {
  const read = await hostCall(goal.urn, async () => (await ctx.pool.for("read", goal.urn)).read(id, goal.urn, undefined, goal.inputs));
  if (!read.id) throw new StepError(`resource '${id}' does not exist`, goal.urn);
  const entry: StateResource = { urn: goal.urn, type: goal.type, custom: true, id: read.id, inputs: goal.inputs, outputs: markOutputs(goal, read.properties), dependencies: goal.dependencies, external: true };
  if (goal.parent) entry.parent = goal.parent;
  if (!ctx.preview) ctx.state.put(entry, old);
  const changes = old ? propertyChanges(old.outputs, entry.outputs) : [];
  return { step: { op: "read", urn: goal.urn, type: goal.type, name: goal.name, changes, replaceKeys: [] }, id: read.id, outputs: entry.outputs };
}

async function hostCall<T>(urn: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    throw err instanceof HostError ? new StepError(err.providerMessage, urn) : err;
  }
}

