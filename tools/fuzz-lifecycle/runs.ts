/**
 * The runs a user starts (`up`, `preview`, `refresh`, `destroy`) and what each must leave true. A run under
 * faults may fail; a fault-free run must not, except an up while the state has not yet been refreshed after a
 * console edit of a declared record (Pulumi's `up` does not refresh by default: the user runs `refresh`).
 */
import { checkAfterDestroy, checkAfterUp, checkDistinctIds, checkUnchanged, InvariantError, snapshot } from "./invariants";
import { declaredRecords, describeModel, emptyModel, meaningOf, zoneOwnsAll, type LifecycleModel, type TopRecord } from "./model";
import { LifecycleRig, type EngineKind, type FaultedOutcome } from "./rig";
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
  const unheld = await exportedUnheld(model, rig);
  if (await attempt("up", model, rig, model.drifted)) {
    model.deployed = true;
    model.pending = false;
    // An exported record removed from the program before any up took it over is still the console's.
    const declared = new Set(declaredRecords(model).map(meaningOf));
    model.hand.push(...unheld.filter((r) => !declared.has(meaningOf(r))));
    model.exportedHand = [];
    if (zoneOwnsAll(model)) model.hand = [];
    return checkAfterUp(model, rig);
  }
  // A Zone that deletes unmanaged records may have deleted some before the run failed.
  if (zoneOwnsAll(model)) {
    const left = new Set(rig.records().map(meaningOf));
    model.hand = model.hand.filter((r) => left.has(meaningOf(r)));
  }
}

async function preview(model: LifecycleModel, rig: LifecycleRig): Promise<void> {
  const before = await snapshot(rig);
  await attempt("preview", model, rig);
  await checkUnchanged(before, rig, model);
}

async function refresh(model: LifecycleModel, rig: LifecycleRig): Promise<void> {
  if (!(await attempt("refresh", model, rig))) return;
  model.drifted = false;
  checkDistinctIds("after refresh", await rig.stack.heldRecords(), model);
}

async function destroy(model: LifecycleModel, rig: LifecycleRig): Promise<void> {
  const unheld = await exportedUnheld(model, rig);
  if (!(await attempt("destroy", model, rig))) return;
  model.deployed = false;
  // Hand-added records an export declared but no up took over are still there: the next up takes them over.
  model.exportedHand = unheld;
  return checkAfterDestroy(model, rig);
}

/** The exported hand-added records (ExportAndAdopt) that no resource of the state holds yet. */
async function exportedUnheld(model: LifecycleModel, rig: LifecycleRig): Promise<LifecycleModel["hand"]> {
  if (!model.exportedHand?.length) return [];
  const held = new Set((await rig.stack.heldRecords()).map((h) => h.id));
  const heldMeanings = new Set(rig.records().filter((r) => held.has(String(r.id))).map(meaningOf));
  return model.exportedHand.filter((r) => !heldMeanings.has(meaningOf(r)));
}

/** Runs `kind`; true when it succeeded. A failure is an error unless the run had faults or `tolerated`. */
async function attempt(kind: RunKind, model: LifecycleModel, rig: LifecycleRig, tolerated = false): Promise<boolean> {
  const outcome = await rig.run(kind);
  if (!outcome.ok && !tolerated && Object.keys(outcome.faults).length === 0) unexpected(kind, outcome, model);
  return outcome.ok;
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

/** A rig on a new emulator whose program declares `top` (top-level ZoneRecords), deployed by a checked up: where tests start. */
export async function deployedRig(engine: EngineKind, top: TopRecord[]): Promise<{ rig: LifecycleRig; model: LifecycleModel }> {
  const rig = await LifecycleRig.start(engine, 1);
  const model = emptyModel();
  model.top.push(...top);
  rig.writeProgram(model);
  await runAndCheck("up", model, rig);
  return { rig, model };
}
