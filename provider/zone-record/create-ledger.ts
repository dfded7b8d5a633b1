/**
 * The bookkeeping that every create of one provider process shares, per zone: which ids were there before the
 * first create, and which POSTs are in flight. Which resource holds which record is {@link RecordOwnership}'s.
 */
import type { RecordOwnership } from "./ownership";
import type { ZoneApi } from "./zone-api";

/** Bookkeeping shared by every create of one provider process, per zone. */
export class CreateLedger {
  private readonly before = new Map<string, Promise<Set<string>>>();
  private readonly inFlight = new Map<string, Set<Promise<unknown>>>();

  constructor(private readonly api: ZoneApi, readonly owners: RecordOwnership) {}

  /** Ids in the zone before this process's first create there (one listing per zone). */
  idsBefore(zoneName: string): Promise<Set<string>> {
    let ids = this.before.get(zoneName);
    if (!ids) {
      ids = this.api.listRecordIds(zoneName).then((list) => new Set(list));
      // A failed listing is not cached: the next create asks again.
      ids.catch(() => this.before.delete(zoneName));
      this.before.set(zoneName, ids);
    }
    return ids;
  }

  /** Runs a POST, tracked so that a lookup for the same name and type waits for it first. */
  async track<T>(key: string, post: Promise<T>): Promise<T> {
    let set = this.inFlight.get(key);
    if (!set) this.inFlight.set(key, (set = new Set()));
    set.add(post);
    try {
      return await post;
    } finally {
      set.delete(post);
    }
  }

  /** Waits until no other POST for `key` is in flight, so its record is owned before anyone looks. */
  async settle(key: string): Promise<void> {
    const set = this.inFlight.get(key);
    if (set && set.size) await Promise.allSettled([...set]);
  }
}
