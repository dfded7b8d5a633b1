/**
 * Records an interrupted run made that may never have reached Pulumi's state.
 *
 * When `pulumi` is killed in the middle of an `up`, the steps it had started still complete in the provider
 * process (their requests are on the wire), and the engine may or may not have written their results into the
 * state before it died. A create whose result was lost leaves a record in the zone that no resource holds, and
 * the next `up` would post a duplicate of it. So when the engine is gone (engine-watchdog.ts), the provider
 * writes every record it created in that process to this journal, a small JSON file in the machine's temporary
 * directory, keyed by the program's directory, project and API endpoint. The next `up` on the same machine
 * takes an identical journalled record that no resource holds instead of posting (the ones the engine did save
 * are held by their resources' diffs, and are dropped from the journal). Entries older than a week are ignored.
 * Nothing of a credential is written. docs/ownership.md, "Interrupted runs", says what this covers and what not.
 *
 * It also keeps the records whose DELETE a run applied but whose zone refresh failed (`deleted`): the delete step
 * failed, so the state still holds the resource, and a later `up` that declares the record again would see no
 * change and leave it deleted. That `up`'s diff finds the record here and replaces the resource (provider.ts).
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { sameRecord, type ApiRecord, type RecordSpec } from "../records";

/** One record a process created. */
export interface JournalEntry {
  spec: RecordSpec;
  id: string;
  /** When it was created, or deleted (ms since the epoch). */
  at: number;
  /** The record was deleted by a step whose zone refresh failed (see the top), not created. */
  deleted?: true;
}

const MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/** The journal file of the program in `cwd`, project `project`, against API `baseUrl`. */
export function journalFile(cwd: string, project: string, baseUrl: string): string {
  const key = createHash("sha256").update(`${path.resolve(cwd)}\n${project}\n${baseUrl}`).digest("hex").slice(0, 16);
  return path.join(os.tmpdir(), "pulumi-ovh-dns", `interrupted-${key}.json`);
}

/** Reads and writes one journal file; every failure to read or write it is ignored (it is only a hint). */
export class OrphanJournal {
  private readonly made: JournalEntry[] = [];
  private saved?: JournalEntry[];

  constructor(private readonly file: string, private readonly now: () => number = Date.now) {}

  /** Notes a record this process created. */
  created(spec: RecordSpec, id: string): void {
    this.made.push({ spec, id, at: this.now() });
  }

  /** Writes every record this process created to the file, beside what is there already. */
  flush(): void {
    if (this.made.length === 0) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      fs.writeFileSync(this.file, JSON.stringify([...this.entries(), ...this.made]), { mode: 0o600 });
    } catch {
      // A hint only: without it, the next up posts what it cannot find (a duplicate at worst, as before).
    }
  }

  /**
   * The journalled records `spec` describes, newest first, for a create to take one over. The caller confirms
   * each against the zone (`matches`) and claims it; `forget` removes it once taken.
   */
  candidates(spec: RecordSpec): JournalEntry[] {
    return this.entries().filter((e) => !e.deleted && e.spec.zoneName === spec.zoneName && e.spec.fieldType === spec.fieldType
      && e.spec.subDomain.toLowerCase() === spec.subDomain.toLowerCase()).reverse();
  }

  /** Whether the record `found` is still the one journalled for `spec`. */
  static matches(spec: RecordSpec, found: ApiRecord | undefined): found is ApiRecord {
    return found !== undefined && sameRecord({ ...spec, ttl: found.ttl ?? 0 }, found);
  }

  /** Removes a journalled record (taken over, or gone; or, for a deleted one, deleted again and published). */
  forget(entry: Pick<JournalEntry, "id" | "spec">): void {
    if (!this.entries().some((e) => e.id === entry.id && e.spec.zoneName === entry.spec.zoneName)) return;
    this.save(this.entries().filter((e) => !(e.id === entry.id && e.spec.zoneName === entry.spec.zoneName)));
  }

  /** Notes, at once, record `id` deleted by a step whose zone refresh failed (see the top). */
  deletedUnpublished(spec: RecordSpec, id: string): void {
    this.save([...this.entries().filter((e) => !(e.id === id && e.spec.zoneName === spec.zoneName)), { spec, id, at: this.now(), deleted: true }]);
  }

  /** Whether record `id` of `zoneName` was deleted by a step whose zone refresh failed. */
  wasDeleted(zoneName: string, id: string): boolean {
    return this.entries().some((e) => e.deleted === true && e.id === id && e.spec.zoneName === zoneName);
  }

  private save(entries: JournalEntry[]): void {
    this.saved = entries;
    try {
      if (entries.length === 0) fs.rmSync(this.file, { force: true });
      else {
        fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
        fs.writeFileSync(this.file, JSON.stringify(entries), { mode: 0o600 });
      }
    } catch {
      // See flush.
    }
  }

  /** The file's entries younger than a week (read once per process). */
  private entries(): JournalEntry[] {
    if (!this.saved) {
      try {
        const parsed: unknown = JSON.parse(fs.readFileSync(this.file, "utf8"));
        this.saved = Array.isArray(parsed) ? parsed.filter(isEntry) : [];
      } catch {
        this.saved = [];
      }
    }
    return this.saved.filter((e) => this.now() - e.at < MAX_AGE_MS);
  }
}

function isEntry(e: unknown): e is JournalEntry {
  const x = e as JournalEntry;
  return typeof x === "object" && x !== null && typeof x.id === "string" && typeof x.at === "number"
    && typeof x.spec === "object" && x.spec !== null && typeof x.spec.zoneName === "string"
    && typeof x.spec.subDomain === "string" && typeof x.spec.fieldType === "string" && typeof x.spec.target === "string";
}
