import { OvhError } from "./errors";

/**
 * The API's clock, as an offset from the local one. Signed requests must carry the server's time
 * (OVH guide "Gestion des horodatages"; the tolerance is unknown, docs/ovh-api.md §2), so the offset is read
 * once from unsigned `GET /auth/time` and applied to every signature: a machine an hour off still
 * signs valid requests. Concurrent first callers share one fetch; a failed fetch is not cached, as
 * in go-ovh, so the next call tries again. The client drops the offset after `Query out of time`
 * (`invalidate`), so a clock that jumps mid-run is followed (docs/ovh-api-client.md).
 */
export class ServerClock {
  readonly #fetchServerTime: () => Promise<unknown>;
  readonly #now: () => number;
  #offsetSeconds?: number;
  #pending?: Promise<number>;
  #generation = 0;

  /**
   * @param fetchServerTime returns the body of `GET /auth/time` (a bare integer, docs/ovh-api.md §3)
   * @param now local time in milliseconds (default `Date.now`)
   */
  constructor(fetchServerTime: () => Promise<unknown>, now: () => number = Date.now) {
    this.#fetchServerTime = fetchServerTime;
    this.#now = now;
  }

  /** Seconds to add to the local clock to get the API's; fetched on first use. */
  offsetSeconds(): Promise<number> {
    if (this.#offsetSeconds !== undefined) return Promise.resolve(this.#offsetSeconds);
    this.#pending ??= this.#fetchServerTime()
      .then((serverTime) => {
        if (typeof serverTime !== "number" || !Number.isInteger(serverTime)) {
          throw new OvhError(`GET /auth/time returned ${JSON.stringify(serverTime)}, not a Unix timestamp.`);
        }
        this.#offsetSeconds = serverTime - this.#localSeconds();
        this.#generation++;
        return this.#offsetSeconds;
      })
      .finally(() => {
        this.#pending = undefined;
      });
    return this.#pending;
  }

  /** Counts the offsets read so far: a caller notes it before signing, to invalidate only the offset it used. */
  get generation(): number {
    return this.#generation;
  }

  /**
   * Drops the offset, so that the next call reads the API's clock again (after `Query out of time`: the local
   * or the server's clock jumped). With `generation`, only when the offset is still the one of that
   * generation: many calls refused at once cause one new sync, not one each.
   */
  invalidate(generation?: number): void {
    if (generation === undefined || generation === this.#generation) this.#offsetSeconds = undefined;
  }

  /** The API's current time in Unix seconds, for `X-Ovh-Timestamp`. */
  async timestamp(): Promise<number> {
    const offset = await this.offsetSeconds();
    return this.#localSeconds() + offset;
  }

  #localSeconds(): number {
    return Math.floor(this.#now() / 1000);
  }
}
