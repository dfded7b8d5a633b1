/**
 * The runs a user starts (`up`, `preview`, `refresh`, `destroy`) and what each must leave true. A run under
 * faults may fail; a fault-free run must not, except an up while the state has not yet been refreshed after a
 * console edit of a declared record (Pulumi's `up` does not refresh by default: the user runs `refresh`).
 */
import { checkAfterDestroy, checkAfterUp, checkUnchanged, InvariantError, snapshot } from "./invariants";
import { describeModel, meaningOf, zoneOwnsAll, type LifecycleModel } from "./model";
import type { FaultedOutcome, LifecycleRig } from "./rig";
import type { RunKind } from "./stacks";

/** Runs `kind` and checks what it must leave true, updating the model with what the run did. */
export async function runAndCheck(kind: RunKind, model: LifecycleModel, rig: LifecycleRig): Promise<void> {
  switch (kind) {
    case "up":
      return up(model, rig);
    case "preview":
      return preview(model, rig);
    case "refresh":
      return refresh(model, rig);
    case "destroy":
      return destroy(model, rig);
  }
}

async function up(model: LifecycleModel, rig: LifecycleRig): Promise<void> {
  const outcome = await rig.run("up");
  if (outcome.ok) {
    model.deployed = true;
    if (zoneOwnsAll(model)) model.hand = [];
    return checkAfterUp(model, rig);
  }
  if (!faulted(outcome) && !model.drifted) unexpected("up", outcome, model);
  // A Zone that deletes unmanaged records may have deleted some before the run failed.
  if (zoneOwnsAll(model)) {
    const left = new Set(rig.records().map(meaningOf));
    model.hand = model.hand.filter((r) => left.has(meaningOf(r)));
  }
}

async function preview(model: LifecycleModel, rig: LifecycleRig): Promise<void> {
  const before = await snapshot(rig);
  const outcome = await rig.run("preview");
  if (!outcome.ok && !faulted(outcome)) unexpected("preview", outcome, model);
  await checkUnchanged(before, rig, model);
}

async function refresh(model: LifecycleModel, rig: LifecycleRig): Promise<void> {
  const outcome = await rig.run("refresh");
  if (!outcome.ok) {
    if (!faulted(outcome)) unexpected("refresh", outcome, model);
    return;
  }
  model.drifted = false;
  const ids = (await rig.stack.heldRecords()).map((h) => h.id);
  const shared = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (shared.length > 0) throw new InvariantError(`after refresh, two resources hold record ${shared.join(", ")}\n  model: ${describeModel(model)}`);
}

async function destroy(model: LifecycleModel, rig: LifecycleRig): Promise<void> {
  const outcome = await rig.run("destroy");
  if (!outcome.ok) {
    if (!faulted(outcome)) unexpected("destroy", outcome, model);
    return;
  }
  model.deployed = false;
  return checkAfterDestroy(model, rig);
}

function faulted(outcome: FaultedOutcome): boolean {
  return Object.keys(outcome.faults).length > 0;
}

function unexpected(kind: RunKind, outcome: FaultedOutcome, model: LifecycleModel): never {
  throw new InvariantError(`a fault-free ${kind} failed: ${outcome.error ?? "(no error text)"}\n  model: ${describeModel(model)}`);
}

/** The end of every sequence: with no fault, a refresh if a console edit drifted the state, then an up must converge. */
export async function converge(model: LifecycleModel, rig: LifecycleRig): Promise<void> {
  rig.setFaults({});
  if (model.drifted) await refresh(model, rig);
  await up(model, rig);
}
