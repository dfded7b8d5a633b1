/**
 * The shape of every user edit: change the model, write the program file, then run what the command says
 * (`up`, `preview`, or nothing yet: several edits can go into one up).
 */
import type * as fc from "fast-check";
import { alignZoneTtls, declaredRecords, type FuzzRecord, type LifecycleModel } from "./model";
import type { LifecycleRig } from "./rig";
import { runAndCheck } from "./runs";

/** What runs after an edit. */
export type Then = "up" | "preview" | "none";

/** Where a record is declared: a top-level ZoneRecord or a record of the Zone. */
export type Place = "top" | "zone";

/** A user edit of the program. */
export abstract class EditCommand implements fc.AsyncCommand<LifecycleModel, LifecycleRig> {
  constructor(readonly then: Then) {}

  /**
   * No edit while a console edit of a declared record has not been refreshed into the state: an up would then
   * delete or replace by ids the console may have renumbered, which is Pulumi's documented drift (refresh
   * first), not a loss the provider could prevent.
   */
  check(model: Readonly<LifecycleModel>): boolean {
    return !model.drifted && this.allowed(model);
  }

  /** Whether the edit makes sense on this program. */
  protected abstract allowed(model: Readonly<LifecycleModel>): boolean;

  /** Changes the model (the program the user now declares). */
  protected abstract edit(model: LifecycleModel, rig: LifecycleRig): void | Promise<void>;

  /** The edit, for a failure's report. */
  protected abstract describe(): string;

  async run(model: LifecycleModel, rig: LifecycleRig): Promise<void> {
    await this.edit(model, rig);
    alignZoneTtls(model);
    rig.writeProgram(model);
    if (this.then === "none") model.pending = true;
    else await runAndCheck(this.then, model, rig);
  }

  toString(): string {
    return this.then === "none" ? this.describe() : `${this.describe()}; ${this.then}`;
  }
}

/** The records declared at `place` (the array itself, to edit). */
export function recordsAt(model: Readonly<LifecycleModel>, place: Place): FuzzRecord[] {
  return place === "top" ? model.top : (model.zone?.records ?? []);
}

/** The record at `index` (modulo) of `place`, or undefined when there is none. */
export function pick(model: Readonly<LifecycleModel>, place: Place, index: number): FuzzRecord | undefined {
  const list = recordsAt(model, place);
  return list.length === 0 ? undefined : list[index % list.length];
}

/** Whether the program can declare one more record. */
export function hasRoom(model: Readonly<LifecycleModel>, max: number): boolean {
  return declaredRecords(model).length < max;
}

/** Drops an emptied Zone: a user deletes a Zone with nothing left in it. */
export function dropEmptyZone(model: LifecycleModel): void {
  if (model.zone && model.zone.records.length === 0) delete model.zone;
}
