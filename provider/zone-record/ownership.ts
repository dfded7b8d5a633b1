import { randomBytes } from "node:crypto";

/**
 * Which record each resource of this run holds: the one place that decides, asked by every create, adopt,
 * re-bind, replace and delete (docs/ownership.md).
 *
 * Pulumi's dynamic-provider interface names no resource (no URN reaches create, diff or delete), so each resource
 * carries its own holder id in its outputs (`instanceId`, minted when it takes its record), and ownership is kept
 * by record id, per zone, with the holders of each, learnt from the calls that say a resource keeps a record:
 * - a diff: Pulumi diffs every resource the program declares before it
 *   deletes those the program dropped (deletions of dropped resources are the last steps of an `up`);
 * - a create (the record posted, adopted or settled), an update, and a read that finds or re-binds a record.
 *
 * What it answers:
 * - adopt, the look-up after an ambiguous POST, and re-binding take only a record nobody holds (`claim`);
 * - a delete of a record that another resource holds deletes nothing: the record was handed over (a renamed
 *   resource, a record moved into a `Zone`, a `Zone` child renamed by a new sibling, each with `adopt`), and
 *   removing it would delete what the new resource now manages. The old resource only leaves the state.
 *
 * A resource is never handed over from itself (same holder id): the delete of a resource the engine replaces,
 * or read in `up --refresh` before deleting it, goes through. One object
 * serves the whole provider process (every set of credentials: record ids are unique across OVH). Zone names are
 * the normalised ones of the checked inputs and stored outputs (lower case, no final dot).
 */

/** The holder of a resource created before holders existed: such resources cannot be told apart. */
const UNKNOWN_HOLDER = "(unknown)";

/** A new holder id, stored in a resource's outputs as `instanceId` when it takes a record. */
export function newInstanceId(): string {
  return randomBytes(8).toString("hex");
}

/** The holder id a resource's stored outputs carry (resources stored before there were any share one). */
export function holderOf(props: Record<string, unknown>): string {
  return typeof props.instanceId === "string" && props.instanceId !== "" ? props.instanceId : UNKNOWN_HOLDER;
}

/** The holder id stored outputs carry; a new one for a resource stored before there were any. */
export function holderOrNew(props: Record<string, unknown>): string {
  const held = holderOf(props);
  return held === UNKNOWN_HOLDER ? newInstanceId() : held;
}

/** The record ids held by the resources of this provider process, per zone, with who holds each. */
export class RecordOwnership {
  private readonly held = new Map<string, Map<string, Set<string>>>();

  /** Resource `holder` of the program keeps record `id` of `zoneName`. */
  hold(zoneName: string, id: string, holder: string): void {
    let zone = this.held.get(zoneName);
    if (!zone) this.held.set(zoneName, (zone = new Map()));
    let holders = zone.get(id);
    if (!holders) zone.set(id, (holders = new Set()));
    holders.add(holder);
  }

  /** Whether a resource of the program keeps record `id`. */
  isHeld(zoneName: string, id: string): boolean {
    return (this.held.get(zoneName)?.get(id)?.size ?? 0) > 0;
  }

  /**
   * Holds `id` for `holder` unless another resource already does; whether it was free. The test and the hold
   * are one synchronous step, so that two look-ups running in parallel never both take one record: call it
   * after the last `await`.
   */
  claim(zoneName: string, id: string, holder: string): boolean {
    if (this.handedOver(zoneName, id, holder)) return false;
    this.hold(zoneName, id, holder);
    return true;
  }

  /**
   * Whether a resource other than `holder` keeps record `id`: then `holder`'s delete must leave the record
   * alone (it was handed over). A resource replaced by the engine (`replaceOnChanges`, `--replace`) is its own
   * holder and its delete goes through; so does that of a resource read by `up --refresh` before it is deleted.
   */
  handedOver(zoneName: string, id: string, holder: string): boolean {
    const holders = this.held.get(zoneName)?.get(id);
    return holders !== undefined && [...holders].some((h) => h !== holder);
  }
}
