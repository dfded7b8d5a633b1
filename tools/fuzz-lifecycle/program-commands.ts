/**
 * Edits of the program's shape: move records between top-level ZoneRecords and the Zone, rename the Zone,
 * toggle `adopt` and `unmanaged: "delete"`, and replace the program by `pulumi-ovh-dns export` with adoption.
 */
import { declaredRecords, freshName, MAX_DECLARED, zoneOwnsAll, type LifecycleModel } from "./model";
import { dropEmptyZone, EditCommand, hasRoom, type Place, type Then } from "./edit-command";
import { declarationFromExport } from "./exported";
import type { LifecycleRig } from "./rig";

/** Moves a top-level ZoneRecord into the Zone (made if there is none). */
export class MoveIntoZone extends EditCommand {
  constructor(readonly index: number, then: Then) {
    super(then);
  }
  protected allowed(m: Readonly<LifecycleModel>): boolean {
    return m.top.length > 0 && (m.zone !== undefined || hasRoom(m, MAX_DECLARED + 1));
  }
  protected edit(m: LifecycleModel): void {
    const [moved] = m.top.splice(this.index % m.top.length, 1);
    const { subDomain, fieldType, target, ttl } = moved;
    (m.zone ??= { name: "main", adopt: moved.adopt, unmanaged: "warn", records: [] }).records.push({ subDomain, fieldType, target, ttl });
  }
  protected describe(): string {
    return `move top[${this.index}] into the Zone`;
  }
}

/** Moves a record of the Zone out, as a top-level ZoneRecord (adopting as the Zone did). */
export class MoveOutOfZone extends EditCommand {
  constructor(readonly index: number, then: Then) {
    super(then);
  }
  protected allowed(m: Readonly<LifecycleModel>): boolean {
    // A Zone may have no record (an empty zone exported and adopted): then there is nothing to move.
    return m.zone !== undefined && m.zone.records.length > 0 && !zoneOwnsAll(m);
  }
  protected edit(m: LifecycleModel): void {
    const zone = m.zone!;
    const [moved] = zone.records.splice(this.index % zone.records.length, 1);
    m.top.push({ ...moved, name: freshName(m, "r"), adopt: zone.adopt });
    dropEmptyZone(m);
  }
  protected describe(): string {
    return `move zone[${this.index}] out of the Zone`;
  }
}

/** Renames the Zone component. */
export class RenameZone extends EditCommand {
  protected allowed(m: Readonly<LifecycleModel>): boolean {
    return m.zone !== undefined;
  }
  protected edit(m: LifecycleModel): void {
    m.zone!.name = freshName(m, "zone");
  }
  protected describe(): string {
    return "rename the Zone";
  }
}

/** Sets or clears `adopt` on a top-level ZoneRecord or on the Zone. */
export class ToggleAdopt extends EditCommand {
  constructor(readonly place: Place, readonly index: number, then: Then) {
    super(then);
  }
  protected allowed(m: Readonly<LifecycleModel>): boolean {
    return m.adoption && (this.place === "top" ? m.top.length > 0 : m.zone !== undefined);
  }
  protected edit(m: LifecycleModel): void {
    const target = this.place === "top" ? m.top[this.index % m.top.length] : m.zone!;
    target.adopt = !target.adopt;
  }
  protected describe(): string {
    return this.place === "top" ? `toggle adopt of top[${this.index}]` : "toggle adopt of the Zone";
  }
}

/** Switches the Zone between `unmanaged: "warn"` and `"delete"` (only with no top-level record, which it would delete). */
export class ToggleUnmanaged extends EditCommand {
  protected allowed(m: Readonly<LifecycleModel>): boolean {
    return m.zone !== undefined && (m.zone.unmanaged === "delete" || m.top.length === 0);
  }
  protected edit(m: LifecycleModel): void {
    m.zone!.unmanaged = m.zone!.unmanaged === "delete" ? "warn" : "delete";
  }
  protected describe(): string {
    return "toggle unmanaged delete";
  }
}

/** Sets, renames or removes the owner every record is declared with (`ovhdns:owner`, docs/ownership.md). */
export class ToggleOwner extends EditCommand {
  constructor(readonly owner: string | undefined, then: Then) {
    super(then);
  }
  protected allowed(m: Readonly<LifecycleModel>): boolean {
    return m.owner !== this.owner;
  }
  protected edit(m: LifecycleModel): void {
    if (this.owner === undefined) delete m.owner;
    else m.owner = this.owner;
  }
  protected describe(): string {
    return this.owner === undefined ? "remove the owner" : `owner ${this.owner}`;
  }
}

/**
 * `pulumi-ovh-dns export --format yaml`, and its records declared as the program with adoption (the README's
 * "Adopting an existing zone"): the zone's records become the declaration, the old resources go.
 */
export class ExportAndAdopt extends EditCommand {
  protected allowed(m: Readonly<LifecycleModel>): boolean {
    return m.adoption && declaredRecords(m).length + m.hand.length > 0;
  }
  protected async edit(m: LifecycleModel, rig: LifecycleRig): Promise<void> {
    const declared = declarationFromExport(await rig.exportYaml(), m.zone?.name ?? "main");
    m.top = declared.top;
    if (declared.zone) m.zone = declared.zone;
    else delete m.zone;
    // Declared now; taken over by the next up that succeeds (until then, a destroy leaves them).
    m.exportedHand = [...(m.exportedHand ?? []), ...m.hand];
    m.hand = [];
  }
  protected describe(): string {
    return "export the zone and adopt it";
  }
}
