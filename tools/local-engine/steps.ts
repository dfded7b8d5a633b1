import { HostError } from "../plugin-host/errors";
import { containsSecret } from "../plugin-host/sentinels";
import type { PropertyMap } from "../plugin-host/struct";
import { inputsDiffer, propertyChanges } from "./property-diff";
import type { ProviderPool } from "./provider-pool";
import { markSecret, secretKeysOf } from "./secret-marking";
import type { StateResource } from "./state-file";
import { StepError } from "./step-error";
import type { Step } from "./types";

/** What the program asked for in RegisterResource. */
export interface ResourceGoal {
  urn: string;
  type: string;
  name: string;
  custom: boolean;
  parent?: string;
  /** The program's inputs, secrets wrapped, `__provider` included. */
  inputs: PropertyMap;
  dependencies: string[];
  importId?: string;
  deleteBeforeReplace: boolean;
  additionalSecretOutputs: string[];
  /** Former URNs of this resource (the SDK computes them, parent aliases included: see aliases.ts). */
  aliases?: string[];
}

/** Where completed steps go: each call updates the working state and writes the state file. */
export interface StateRecorder {
  put(entry: StateResource, replacing?: StateResource): void;
  /** Marks the entry pending-delete; returns the marked copy now in the state. */
  markPendingDelete(entry: StateResource): StateResource;
  remove(entry: StateResource): void;
}

/** What a step hands back to the program. */
export interface StepOutcome {
  step: Step;
  id: string;
  /** Outputs, secrets wrapped. */
  outputs: PropertyMap;
}

/** The step machinery shared by one run. */
export interface StepContext {
  pool: ProviderPool;
  preview: boolean;
  state: StateRecorder;
  /** Runs a Check or a Diff: the real engine sends them one at a time. */
  serial?: <T>(call: () => Promise<T>) => Promise<T>;
}

/** `call` through the context's serial lane, if it has one. */
function serially<T>(ctx: StepContext, call: () => Promise<T>): Promise<T> {
  return ctx.serial ? ctx.serial(call) : call();
}

/**
 * Runs the engine's rules for one registered custom resource: Check (old INPUTS, new inputs), then for an
 * existing resource Diff (old OUTPUTS, checked inputs; DIFF_UNKNOWN falls back to comparing inputs), then
 * create / update / replace, or nothing. A preview stops before any Create/Update/Delete.
 */
export async function stepCustomResource(ctx: StepContext, goal: ResourceGoal, old?: StateResource): Promise<StepOutcome> {
  const checked = await checkInputs(ctx, goal, old?.inputs ?? {});
  if (!old) return createResource(ctx, goal, checked, "create");
  const diff = await serially(ctx, async () => (await ctx.pool.for("diff", goal.urn)).diff(old.id ?? "", goal.urn, old.outputs, checked, old.inputs));
  const changed = diff.changes === "some" || (diff.changes === "unknown" && inputsDiffer(old.inputs, checked));
  const base = { urn: goal.urn, type: goal.type, name: goal.name, changes: propertyChanges(old.inputs, checked), replaceKeys: diff.replaces };
  if (diff.replaces.length > 0) {
    const deleteBeforeReplace = diff.deleteBeforeReplace || goal.deleteBeforeReplace;
    return replaceResource(ctx, goal, checked, old, { ...base, op: "replace", deleteBeforeReplace });
  }
  // A resource that was made but failed to initialise is always updated (the engine retries its init).
  if (!changed && !old.initErrors) {
    // The real engine keeps the new inputs of a resource that did not change (its outputs stay as they were),
    // under its new URN and parent when it was found through an alias.
    if (!ctx.preview && (inputsDiffer(old.inputs, checked) || old.urn !== goal.urn)) ctx.state.put({ ...renamed(old, goal), inputs: checked }, old);
    return { step: { ...base, op: "same", changes: [] }, id: old.id ?? "", outputs: old.outputs };
  }
  return updateResource(ctx, goal, checked, old, { ...base, op: "update" });
}

/** Check; failures stop the step with the engine's message format. Secrets are re-wrapped on the result. */
export async function checkInputs(ctx: StepContext, goal: ResourceGoal, oldInputs: PropertyMap): Promise<PropertyMap> {
  const res = await serially(ctx, async () => (await ctx.pool.for("check", goal.urn)).check(goal.urn, oldInputs, goal.inputs));
  if (res.failures.length > 0) {
    const lines = res.failures.map((f) => {
      if (!f.property) return `${goal.type} resource '${goal.name}' has a problem: ${f.reason}`;
      const value = containsSecret(goal.inputs[f.property]) ? "[secret]" : JSON.stringify(goal.inputs[f.property]);
      return `${goal.type} resource '${goal.name}': property ${f.property} value {${value}} has a problem: ${f.reason}`;
    });
    throw new StepError(lines.join("\n"), goal.urn);
  }
  return markSecret(res.inputs, secretKeysOf(goal.inputs));
}

/** Outputs as recorded: secret where the same-named input was secret, or listed in additionalSecretOutputs. */
export function markOutputs(goal: ResourceGoal, outputs: PropertyMap): PropertyMap {
  return markSecret(outputs, [...secretKeysOf(goal.inputs), ...goal.additionalSecretOutputs]);
}

/** `old` under the URN and parent of `goal` (the same entry when it was not aliased). */
function renamed(old: StateResource, goal: ResourceGoal): StateResource {
  if (old.urn === goal.urn) return old;
  const { parent: _parent, ...rest } = old;
  return { ...rest, urn: goal.urn, ...(goal.parent ? { parent: goal.parent } : {}) };
}

function entryOf(goal: ResourceGoal, id: string, inputs: PropertyMap, outputs: PropertyMap): StateResource {
  const entry: StateResource = { urn: goal.urn, type: goal.type, custom: true, id, inputs, outputs: markOutputs(goal, outputs), dependencies: goal.dependencies };
  if (goal.parent) entry.parent = goal.parent;
  return entry;
}

async function createResource(ctx: StepContext, goal: ResourceGoal, checked: PropertyMap, op: "create", replacing?: StateResource): Promise<StepOutcome> {
  const step: Step = { op, urn: goal.urn, type: goal.type, name: goal.name, changes: [], replaceKeys: [] };
  if (ctx.preview) return { step, id: "", outputs: checked };
  const made = await created(ctx, goal, checked, replacing);
  return { step, id: made.id ?? "", outputs: made.outputs };
}

async function created(ctx: StepContext, goal: ResourceGoal, checked: PropertyMap, replacing?: StateResource): Promise<StateResource> {
  const host = await ctx.pool.for("create", goal.urn);
  try {
    const res = await host.create(goal.urn, checked);
    const entry = entryOf(goal, res.id, checked, res.properties);
    ctx.state.put(entry, replacing);
    return entry;
  } catch (err) {
    if (err instanceof HostError && err.initFailure) {
      // As the real engine: recorded as created, with exactly the properties the error carried (the host
      // does not add `__provider` to them), flagged so that the next run updates it.
      const entry = entryOf(goal, err.initFailure.id, checked, err.initFailure.properties);
      entry.initErrors = err.initFailure.reasons;
      ctx.state.put(entry, replacing);
    }
    throw err instanceof HostError ? new StepError(err.providerMessage, goal.urn, err.initFailure !== undefined) : err;
  }
}

async function updateResource(ctx: StepContext, goal: ResourceGoal, checked: PropertyMap, old: StateResource, step: Step): Promise<StepOutcome> {
  if (ctx.preview) return { step, id: old.id ?? "", outputs: checked };
  const host = await ctx.pool.for("update", goal.urn);
  try {
    const res = await host.update(old.id ?? "", goal.urn, old.outputs, checked, old.inputs);
    const entry = entryOf(goal, old.id ?? "", checked, res.properties);
    ctx.state.put(entry, old);
    return { step, id: entry.id ?? "", outputs: entry.outputs };
  } catch (err) {
    if (err instanceof HostError && err.initFailure) {
      const entry = { ...entryOf(goal, old.id ?? "", checked, err.initFailure.properties), initErrors: err.initFailure.reasons };
      ctx.state.put(entry, old);
    }
    throw err instanceof HostError ? new StepError(err.providerMessage, goal.urn) : err;
  }
}

async function replaceResource(ctx: StepContext, goal: ResourceGoal, checked: PropertyMap, old: StateResource, step: Step): Promise<StepOutcome> {
  if (ctx.preview) return { step, id: "", outputs: checked };
  if (step.deleteBeforeReplace) {
    await deleteResource(ctx, old);
    const made = await created(ctx, goal, checked);
    return { step, id: made.id ?? "", outputs: made.outputs };
  }
  // Create before delete: the old copy waits, marked pending-delete, for the delete phase after the
  // program has finished (as the engine's delete-replaced steps do).
  const marked = ctx.state.markPendingDelete(old);
  try {
    const made = await created(ctx, goal, checked);
    return { step, id: made.id ?? "", outputs: made.outputs };
  } catch (err) {
    // Nothing new was made: the old resource stays the live one.
    if (!(err instanceof StepError && err.resourceMade)) ctx.state.put(old, marked);
    throw err;
  }
}

/** Deletes one resource through the host (its OLD `__provider` runs) and drops it from the state. */
export async function deleteResource(ctx: StepContext, entry: StateResource): Promise<void> {
  if (entry.custom && !entry.external && !ctx.preview) {
    try {
      await (await ctx.pool.for("delete", entry.urn)).delete(entry.id ?? "", entry.urn, entry.outputs, entry.inputs);
    } catch (err) {
      throw err instanceof HostError ? new StepError(err.providerMessage, entry.urn) : err;
    }
  }
  if (!ctx.preview) ctx.state.remove(entry);
}
