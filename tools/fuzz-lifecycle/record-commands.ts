/**
 * Edits of single records: add, remove, rename the resource, change target / TTL / spelling, add or remove a
 * sibling of the same name and type. Meanings stay unique across the program and the hand-added records.
 */
import { freshName, isTaken, lineOf, MAX_DECLARED, zoneOwnsAll, type FuzzRecord, type LifecycleModel } from "./model";
import { dropEmptyZone, EditCommand, hasRoom, pick, recordsAt, type Place, type Then } from "./edit-command";
import { respell, targetOf, TTLS } from "./targets";

/** Declares a new record (a top-level ZoneRecord, or a record of the Zone, made if there is none). */
export class AddRecord extends EditCommand {
  constructor(readonly place: Place, readonly record: FuzzRecord, readonly adopt: boolean, then: Then) {
    super(then);
  }
  protected allowed(m: Readonly<LifecycleModel>): boolean {
    return hasRoom(m, MAX_DECLARED) && !isTaken(m, this.record) && (this.place === "zone" || !zoneOwnsAll(m)) && (!this.adopt || m.adoption);
  }
  protected edit(m: LifecycleModel): void {
    if (this.place === "top") m.top.push({ ...this.record, name: freshName(m, "r"), adopt: this.adopt });
    else (m.zone ??= { name: "main", adopt: this.adopt, unmanaged: "warn", records: [] }).records.push({ ...this.record });
  }
  protected describe(): string {
    return `add ${this.place} ${lineOf(this.record)}${this.adopt ? " adopt" : ""}`;
  }
}

/** Removes a declared record. */
export class RemoveRecord extends EditCommand {
  constructor(readonly place: Place, readonly index: number, then: Then) {
    super(then);
  }
  protected allowed(m: Readonly<LifecycleModel>): boolean {
    return pick(m, this.place, this.index) !== undefined;
  }
  protected edit(m: LifecycleModel): void {
    const list = recordsAt(m, this.place);
    list.splice(this.index % list.length, 1);
    dropEmptyZone(m);
  }
  protected describe(): string {
    return `remove ${this.place}[${this.index}]`;
  }
}

/** Renames a top-level ZoneRecord: the same record under a new Pulumi name. */
export class RenameRecord extends EditCommand {
  constructor(readonly index: number, then: Then) {
    super(then);
  }
  protected allowed(m: Readonly<LifecycleModel>): boolean {
    return m.top.length > 0;
  }
  protected edit(m: LifecycleModel): void {
    m.top[this.index % m.top.length].name = freshName(m, "r");
  }
  protected describe(): string {
    return `rename top[${this.index}]`;
  }
}

/** How a record changes: another target, another TTL, or the same target spelled otherwise. */
export type Change = "target" | "ttl" | "spelling";

/** Changes a declared record in place. */
export class ChangeRecord extends EditCommand {
  constructor(readonly place: Place, readonly index: number, readonly change: Change, readonly n: number, then: Then) {
    super(then);
  }
  protected allowed(m: Readonly<LifecycleModel>): boolean {
    const r = pick(m, this.place, this.index);
    if (r === undefined) return false;
    const changed = this.changed(r);
    return this.change !== "target" || !isTaken(m, changed);
  }
  private changed(r: FuzzRecord): FuzzRecord {
    switch (this.change) {
      case "target":
        return { ...r, target: targetOf(r.fieldType, this.n) };
      case "ttl":
        return { ...r, ttl: TTLS[this.n % TTLS.length] };
      case "spelling":
        return { ...r, target: respell(r.fieldType, r.target) };
    }
  }
  protected edit(m: LifecycleModel): void {
    const list = recordsAt(m, this.place);
    const r = list[this.index % list.length];
    const changed = this.changed(r);
    // In the Zone, a TTL is the RRset's: the user changes it for every record of the name and type.
    const rrset = this.place === "zone" && this.change === "ttl" ? list.filter((o) => o.subDomain === r.subDomain && o.fieldType === r.fieldType) : [];
    for (const o of rrset) o.ttl = changed.ttl;
    Object.assign(r, changed);
  }
  protected describe(): string {
    return `change ${this.change} of ${this.place}[${this.index}] (${this.n})`;
  }
}

/** Declares a sibling of a declared record: same name and type, another target (a second MX). */
export class AddSibling extends EditCommand {
  constructor(readonly place: Place, readonly index: number, readonly n: number, then: Then) {
    super(then);
  }
  private sibling(m: Readonly<LifecycleModel>): FuzzRecord | undefined {
    const r = pick(m, this.place, this.index);
    return r && { subDomain: r.subDomain, fieldType: r.fieldType, target: targetOf(r.fieldType, this.n), ttl: r.ttl };
  }
  protected allowed(m: Readonly<LifecycleModel>): boolean {
    const s = this.sibling(m);
    return s !== undefined && hasRoom(m, MAX_DECLARED) && !isTaken(m, s);
  }
  protected edit(m: LifecycleModel): void {
    const s = this.sibling(m)!;
    const adopt = this.place === "top" && m.top[this.index % m.top.length].adopt;
    if (this.place === "top") m.top.push({ ...s, name: freshName(m, "r"), adopt });
    else m.zone!.records.push(s);
  }
  protected describe(): string {
    return `add a sibling of ${this.place}[${this.index}] (${this.n})`;
  }
}

/** Removes one of several declared records of the same name and type. */
export class RemoveSibling extends EditCommand {
  constructor(readonly place: Place, readonly index: number, then: Then) {
    super(then);
  }
  private siblings(m: Readonly<LifecycleModel>): FuzzRecord[] {
    const list = recordsAt(m, this.place);
    return list.filter((r) => list.some((o) => o !== r && o.subDomain === r.subDomain && o.fieldType === r.fieldType));
  }
  protected allowed(m: Readonly<LifecycleModel>): boolean {
    return this.siblings(m).length > 0;
  }
  protected edit(m: LifecycleModel): void {
    const candidates = this.siblings(m);
    const gone = candidates[this.index % candidates.length];
    const list = recordsAt(m, this.place);
    list.splice(list.indexOf(gone), 1);
  }
  protected describe(): string {
    return `remove a sibling at ${this.place} (${this.index})`;
  }
}
