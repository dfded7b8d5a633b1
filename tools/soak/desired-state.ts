/** Generated ZoneRecord inputs: what a program declaring N records would hand the engine. */
import { SERIALIZED_PROVIDER, ZONE_RECORD_TYPE } from "../../sdk/zone-record";
import { makeUrn } from "../plugin-host";

/** The zone every benchmark and the soak work in. */
export const BENCH_ZONE = "bench.example";

/** The project and stack of the generated program. */
export const BENCH_PROJECT = "ovhdns-bench";

/** One declared record: its resource name and its checked inputs (with `__provider`). */
export interface DeclaredRecord {
  name: string;
  urn: string;
  inputs: { zoneName: string; subDomain: string; fieldType: string; target: string; ttl: number; __provider: string };
}

/** The URN of resource `name` of the bench program. */
export function urnOf(name: string): string {
  return makeUrn({ stack: "bench", project: BENCH_PROJECT, type: ZONE_RECORD_TYPE, name });
}

/** An A record named `name` at `subDomain`, its target derived from `n`. */
export function declareRecord(name: string, subDomain: string, n: number, ttl = 3600): DeclaredRecord {
  const target = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  return {
    name,
    urn: urnOf(name),
    inputs: { zoneName: BENCH_ZONE, subDomain, fieldType: "A", target, ttl, __provider: SERIALIZED_PROVIDER },
  };
}

/** `count` records `r0..r<count-1>` at `h0..`. */
export function declareRecords(count: number): DeclaredRecord[] {
  return Array.from({ length: count }, (_, i) => declareRecord(`r${i}`, `h${i}`, i + 1));
}
