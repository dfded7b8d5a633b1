/**
 * Refreshes being handled, per zone. Real OVH refuses a refresh only while another one of the
 * same zone is still running; a refresh sent after the previous one was answered succeeds
 * (docs/ovh-api-emulator.md, "Refresh concurrency"). So a refresh is "running" from the moment
 * its request arrives until its answer is written (latency included), and a refresh that
 * arrives while another one of its zone runs is the one refused.
 */
import { zoneKey } from "./zone-key";

/** One refresh request in progress. */
export interface RefreshTicket {
  /** Whether another refresh of the same zone was running when this one arrived. */
  readonly overlapped: boolean;
  /** Marks the request as answered (idempotent). */
  end(): void;
}

/** Counts the refresh requests in progress for each zone. */
export class InFlightRefreshes {
  private readonly running = new Map<string, number>();

  /** Registers a refresh of `zoneName` that has just arrived. */
  begin(zoneName: string): RefreshTicket {
    const key = zoneKey(zoneName);
    const before = this.running.get(key) ?? 0;
    this.running.set(key, before + 1);
    let ended = false;
    return {
      overlapped: before > 0,
      end: () => {
        if (ended) return;
        ended = true;
        const left = (this.running.get(key) ?? 1) - 1;
        if (left > 0) this.running.set(key, left);
        else this.running.delete(key);
      },
    };
  }
}

/** The zone a raw request target refreshes (`POST /1.0/domain/zone/{z}/refresh`), if it is one. */
export function refreshedZone(method: string | undefined, rawTarget: string): string | undefined {
  if (method !== "POST") return undefined;
  const path = rawTarget.split("?")[0];
  const match = /^\/(?:1\.0|v1)\/domain\/zone\/([^/]+)\/refresh\/?$/.exec(path);
  if (match === null) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined; // not a route: the pipeline answers it
  }
}
