/**
 * An in-memory zone behind the `OvhRequester` interface, for unit tests of the record layer: records, ids in
 * creation order, and hooks to make a POST fail in a chosen way (after or before applying it, or applied
 * later), or a GET fail.
 */
import { OvhNetworkError } from "../../../../provider/ovh/errors";
import type { OvhRequester } from "../../../../provider/zone-record";
import type { ApiRecord } from "../../../../provider/records";

/** How the next POST of a record behaves. */
export type PostFault = (apply: () => ApiRecord) => Promise<ApiRecord>;

/** A network error after the request was sent: the classic ambiguous POST. */
export const lost = (method = "POST", path = "/domain/zone/example.com/record") =>
  new OvhNetworkError({ method, path, kind: "timeout", mayHaveBeenApplied: true, reason: "timed out" });

export class FakeZone implements OvhRequester {
  readonly records = new Map<string, ApiRecord>();
  readonly calls: string[] = [];
  /** Consumed one per POST of a record; when empty, the POST is applied and answered. */
  readonly postFaults: PostFault[] = [];
  /** Consumed one per GET; a function that throws fails that GET. */
  readonly getFaults: Array<(() => void) | undefined> = [];
  /** Applies waiting late POSTs: call it where time passes (the injected sleep). */
  readonly late: Array<() => void> = [];
  private nextId = 1000;

  constructor(readonly zoneName = "example.com") {}

  /** Adds a record as if someone else made it; returns its id. */
  seed(r: Omit<ApiRecord, "id" | "zone">): string {
    const id = String(this.nextId++);
    this.records.set(id, { ...r, id: Number(id), zone: this.zoneName } as ApiRecord);
    return id;
  }

  /** A sleep that lets late POSTs land. */
  readonly sleep = async (): Promise<void> => {
    for (const apply of this.late.splice(0)) apply();
  };

  async request<T>(method: string, path: string, options: { query?: Record<string, string>; body?: unknown } = {}): Promise<T> {
    this.calls.push(`${method} ${path}`);
    const base = `/domain/zone/${this.zoneName}/record`;
    if (method === "GET") this.getFaults.shift()?.();
    if (method === "GET" && path === base) {
      const q = options.query ?? {};
      return [...this.records.values()]
        .filter((r) => (q.fieldType === undefined || r.fieldType === q.fieldType) && (q.subDomain === undefined || r.subDomain === q.subDomain))
        .map((r) => r.id) as T;
    }
    if (method === "GET" && path.startsWith(`${base}/`)) {
      const r = this.records.get(path.slice(base.length + 1));
      if (!r) throw Object.assign(new Error("404"), { status: 404 });
      return { ...r } as T;
    }
    if (method === "POST" && path === base) {
      const apply = () => {
        const id = this.seed(options.body as Omit<ApiRecord, "id" | "zone">);
        return { ...(this.records.get(id) as ApiRecord) };
      };
      const fault = this.postFaults.shift();
      return (fault ? fault(apply) : Promise.resolve(apply())) as Promise<T>;
    }
    throw new Error(`unexpected ${method} ${path}`);
  }

  /** How many calls matched `prefix` (e.g. `POST /domain/zone/example.com/record`). */
  count(call: string): number {
    return this.calls.filter((c) => c === call).length;
  }
}
