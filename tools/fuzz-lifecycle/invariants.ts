/**
 * What must hold after each run, checked on what users get: the zone's records, the zone as it is served (as of
 * the last refresh) and the stack's state. A violation throws an {@link InvariantError} naming what differs.
 */
import type { ZoneViewRecord } from "../../emulator";
import { claimedIds } from "../../provider/zone-record/registry-codec";
import { describeModel, expectedAfterDestroy, expectedAfterUp, lineOf, type LifecycleModel } from "./model";
import type { LifecycleRig } from "./rig";
import type { HeldRecord } from "./stacks";

/** An invariant that does not hold. */
export class InvariantError extends Error {
  override readonly name: string = "InvariantError";
}

/** After a successful up: the zone holds what is declared (and the hand-added records), all of it published. */
export async function checkAfterUp(model: LifecycleModel, rig: LifecycleRig): Promise<void> {
  const zone = rig.records();
  if (!model.drifted) expectLines("the zone after up", zone.map(lineOf).sort(), expectedAfterUp(model), model);
  expectPublished(rig, model);
  const held = await rig.stack.heldRecords();
  checkDistinctIds("after up", held, model);
  if (!model.drifted) checkClaims("after up", held, rig, model);
  if (!model.drifted) {
    const inZone = new Set(zone.map((r) => String(r.id)));
    const lost = held.filter((h) => !inZone.has(h.id));
    if (lost.length > 0) fail(`the state holds record ids the zone no longer has: ${lost.map((h) => `${h.name}=${h.id}`).join(", ")}`, model);
  }
  const preview = await rig.run("preview");
  if (!preview.ok) fail(`the preview right after up failed: ${preview.error}`, model);
  if (preview.changes.length > 0) fail(`the preview right after up shows changes: ${preview.changes.join(", ")}`, model);
}

/** No two resources of the state hold one record id (`when`: "after up", "after refresh"). */
export function checkDistinctIds(when: string, held: HeldRecord[], model: LifecycleModel): void {
  const ids = held.map((h) => h.id);
  const shared = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (shared.length > 0) {
    fail(`${when}, two resources hold one record: ${held.filter((h) => shared.includes(h.id)).map((h) => `${h.name}=${h.id}`).join(", ")}`, model);
  }
}

/** After a successful destroy: no declared record left, the hand-added ones untouched, the state empty. */
export async function checkAfterDestroy(model: LifecycleModel, rig: LifecycleRig): Promise<void> {
  if (!model.drifted) expectLines("the zone after destroy", rig.records().map(lineOf).sort(), expectedAfterDestroy(model), model);
  expectPublished(rig, model);
  const held = await rig.stack.heldRecords();
  if (!model.drifted) checkClaims("after destroy", held, rig, model);
  if (held.length > 0) fail(`the state still holds ${held.map((h) => `${h.name}=${h.id}`).join(", ")} after destroy`, model);
}

/** What a preview must leave as it was: the zone and the state. */
export interface Snapshot {
  zone: string[];
  held: string[];
}

/** The zone (ids included) and the state's held ids. */
export async function snapshot(rig: LifecycleRig): Promise<Snapshot> {
  return { zone: rig.records().map(withId).sort(), held: (await rig.stack.heldRecords()).map((h) => `${h.name}=${h.id}`).sort() };
}

/** A preview changed neither the zone nor the state. */
export async function checkUnchanged(before: Snapshot, rig: LifecycleRig, model: LifecycleModel): Promise<void> {
  const after = await snapshot(rig);
  expectLines("the zone after preview", after.zone, before.zone, model);
  expectLines("the state after preview", after.held, before.held, model);
}

/** Every change was refreshed: the zone served equals the zone's records, ids included. */
function expectPublished(rig: LifecycleRig, model: LifecycleModel): void {
  expectLines("the published zone (as of the last refresh)", rig.published().map(withId).sort(), rig.allRecords().map(withId).sort(), model);
}

/**
 * The owner registry says exactly what the stack holds: with an owner, every record of the zone the state holds
 * is claimed by it and no other record is claimed; without one, no record of the zone is claimed (claims of ids
 * the zone no longer has, left by a renumbering, mean nothing).
 */
function checkClaims(when: string, held: HeldRecord[], rig: LifecycleRig, model: LifecycleModel): void {
  const claims = claimedIds(rig.allRecords().map((r) => ({ ...r })));
  const heldIds = new Set(held.map((h) => h.id));
  const wrong: string[] = [];
  for (const r of rig.records()) {
    const id = String(r.id);
    const claimant = claims.get(id);
    const want = model.owner !== undefined && heldIds.has(id) ? model.owner : undefined;
    if (claimant !== want) wrong.push(`${lineOf(r)} (id ${id}) claimed by ${claimant ?? "nobody"}, expected ${want ?? "nobody"}`);
  }
  if (wrong.length > 0) fail(`${when}, the owner registry is wrong: ${wrong.join("; ")}`, model);
}

function withId(r: ZoneViewRecord): string {
  return `${r.id} ${lineOf(r)}`;
}

function expectLines(what: string, actual: string[], expected: string[], model: LifecycleModel): void {
  const missing = expected.filter((l, i) => expected.indexOf(l) === i && count(expected, l) > count(actual, l));
  const extra = actual.filter((l, i) => actual.indexOf(l) === i && count(actual, l) > count(expected, l));
  if (missing.length === 0 && extra.length === 0) return;
  fail(`${what} differs: missing [${missing.join("; ")}], extra [${extra.join("; ")}]`, model);
}

function count(lines: string[], line: string): number {
  return lines.filter((l) => l === line).length;
}

function fail(message: string, model: LifecycleModel): never {
  throw new InvariantError(`${message}\n  model: ${describeModel(model)}`);
}
