/**
 * Hand edits in the zone, as the OVH console makes them. An edit of a record the stack declares drifts the state
 * from the zone until a refresh; an edit of a hand-added record changes what an up must leave alone.
 */
import type * as fc from "fast-check";
import type { ZoneViewRecord } from "../../emulator";
import { isTaken, lineOf, meaningOf, type FuzzRecord, type LifecycleModel } from "./model";
import type { LifecycleRig } from "./rig";
import { runAndCheck } from "./runs";
import { TTLS } from "./targets";

type ConsoleCommand = fc.AsyncCommand<LifecycleModel, LifecycleRig>;

/** Most records in the zone the fuzzer lets the console add to. */
const MAX_ZONE = 12;

/**
 * A console edit of a record the stack declares: the user then refreshes, as Pulumi asks after out-of-band
 * changes (a refresh that fails under faults leaves the model drifted until a later refresh succeeds).
 */
async function refreshAfterDrift(model: LifecycleModel, rig: LifecycleRig): Promise<void> {
  model.drifted = true;
  await runAndCheck("refresh", model, rig);
}

/** The hand-added record of the model a zone record is, or -1 (then the stack declares it). */
function handIndex(model: LifecycleModel, record: ZoneViewRecord): number {
  return model.hand.findIndex((h) => meaningOf(h) === meaningOf(record));
}

/** The exported hand-added record (model.ts, `exportedHand`) that `record` is, if any. */
function exported(model: LifecycleModel, record: ZoneViewRecord) {
  return model.exportedHand?.find((h) => meaningOf(h) === meaningOf(record));
}

/** The zone record at `index` (modulo), or undefined in an empty zone. */
function pickRecord(rig: LifecycleRig, index: number): ZoneViewRecord | undefined {
  const records = rig.records();
  return records.length === 0 ? undefined : records[index % records.length];
}

/** Adds a record nothing declares. */
export class HandAdd implements ConsoleCommand {
  constructor(readonly record: FuzzRecord) {}
  check(m: Readonly<LifecycleModel>): boolean {
    return !isTaken(m, this.record) && m.top.length + (m.zone?.records.length ?? 0) + m.hand.length < MAX_ZONE;
  }
  async run(m: LifecycleModel, rig: LifecycleRig): Promise<void> {
    await rig.console.add(this.record);
    m.hand.push({ ...this.record });
  }
  toString(): string {
    return `console: add ${lineOf(this.record)}`;
  }
}

/** Deletes a record of the zone, declared or not (then refreshes). */
export class HandDelete implements ConsoleCommand {
  constructor(readonly index: number) {}
  check(): boolean {
    return true;
  }
  async run(m: LifecycleModel, rig: LifecycleRig): Promise<void> {
    const record = pickRecord(rig, this.index);
    if (record === undefined) return;
    await rig.console.remove(record);
    m.exportedHand = m.exportedHand?.filter((h) => h !== exported(m, record));
    const i = handIndex(m, record);
    if (i >= 0) m.hand.splice(i, 1);
    else await refreshAfterDrift(m, rig);
  }
  toString(): string {
    return `console: delete record[${this.index}]`;
  }
}

/** Changes the TTL of a record of the zone, declared or not (then refreshes). */
export class HandChangeTtl implements ConsoleCommand {
  constructor(readonly index: number, readonly n: number) {}
  check(): boolean {
    return true;
  }
  async run(m: LifecycleModel, rig: LifecycleRig): Promise<void> {
    const record = pickRecord(rig, this.index);
    if (record === undefined) return;
    const choices = TTLS.filter((t) => t !== record.ttl);
    const ttl = choices[this.n % choices.length];
    await rig.console.setTtl(record, ttl);
    const wasExported = exported(m, record);
    if (wasExported) wasExported.ttl = ttl;
    const i = handIndex(m, record);
    if (i >= 0) m.hand[i].ttl = ttl;
    else await refreshAfterDrift(m, rig);
  }
  toString(): string {
    return `console: change the TTL of record[${this.index}] (${this.n})`;
  }
}

/** Rewrites the zone as text: every record gets a new id (then refreshes). */
export class Renumber implements ConsoleCommand {
  check(): boolean {
    return true;
  }
  async run(m: LifecycleModel, rig: LifecycleRig): Promise<void> {
    const declared = rig.records().some((r) => handIndex(m, r) < 0);
    await rig.console.renumber();
    if (declared) await refreshAfterDrift(m, rig);
  }
  toString(): string {
    return "console: rewrite the zone as text (new ids)";
  }
}
