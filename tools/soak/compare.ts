/**
 * The soak's check after each round: the zone must hold exactly the declared records (none missing, no
 * duplicate, no stray, same targets and TTLs), the zone as published by the last successful refresh (what the
 * name servers serve) must hold them too, and the state (id -> outputs) must match the zone.
 */
import type { ZoneViewRecord } from "../../emulator";
import type { DeclaredRecord } from "./desired-state";
import type { SoakState } from "./up";

/** What differs between the declared records, the zone and the state; all empty when they agree. */
export interface Comparison {
  ok: boolean;
  /** Declared records the zone lacks (`A h1 10.0.0.2 3600`). */
  missing: string[];
  /** Declared records the zone holds more than once. */
  duplicates: string[];
  /** Records in the zone that nothing declares. */
  extra: string[];
  /** State entries that do not match the zone (or declared resources absent from the state). */
  stateMismatches: string[];
  /**
   * How the published (served) zone differs from the declared records: a change the API shows but no refresh
   * published (`still served: A h3 10.0.0.4 3600` after its deletion; `not served: ...`).
   */
  unpublished: string[];
}

type RecordLine = Pick<ZoneViewRecord, "subDomain" | "fieldType" | "target" | "ttl">;

const lineOf = (r: RecordLine) => `${r.fieldType} ${r.subDomain} ${r.target} ${r.ttl}`;

function tally(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

/** How `have` differs from `want`, as the lines missing from it, held more often than wanted, and not wanted. */
function differences(want: Map<string, number>, records: readonly RecordLine[]): { missing: string[]; duplicates: string[]; extra: string[] } {
  const have = tally(records.map(lineOf));
  const missing: string[] = [];
  const duplicates: string[] = [];
  const extra: string[] = [];
  for (const [line, n] of want) if ((have.get(line) ?? 0) < n) missing.push(line);
  for (const [line, n] of have) {
    const wanted = want.get(line) ?? 0;
    if (wanted === 0) extra.push(n > 1 ? `${line} (x${n})` : line);
    else if (n > wanted) duplicates.push(`${line} (x${n})`);
  }
  return { missing, duplicates, extra };
}

/**
 * Compares the zone's records (the API's view) and its published records (as of the last successful refresh)
 * with the declared records, and the state with the zone.
 */
export function compareRound(zone: readonly ZoneViewRecord[], declared: readonly DeclaredRecord[], state: SoakState, published: readonly ZoneViewRecord[]): Comparison {
  const want = tally(declared.map((d) => lineOf(d.inputs)));
  const { missing, duplicates, extra } = differences(want, zone);
  const served = differences(want, published);
  const unpublished = [
    ...served.missing.map((l) => `not served: ${l}`),
    ...served.duplicates.map((l) => `served twice or more: ${l}`),
    ...served.extra.map((l) => `still served: ${l}`),
  ];
  const stateMismatches = compareState(zone, declared, state);
  const ok = !missing.length && !duplicates.length && !extra.length && !stateMismatches.length && !unpublished.length;
  return { ok, missing, duplicates, extra, stateMismatches, unpublished };
}

function compareState(zone: readonly ZoneViewRecord[], declared: readonly DeclaredRecord[], state: SoakState): string[] {
  const byId = new Map(zone.map((r) => [String(r.id), r]));
  const problems: string[] = [];
  const seenIds = new Set<string>();
  for (const d of declared) if (!state.has(d.urn)) problems.push(`${d.name}: declared but not in the state`);
  for (const [urn, stored] of state) {
    const name = urn.slice(urn.lastIndexOf("::") + 2);
    // A create left unsettled keeps its resource id; once settled, its outputs name the record.
    const entry = stored.id === "unsettled" ? { ...stored, id: String(stored.outputs.recordId) } : stored;
    if (!declared.some((d) => d.urn === urn)) problems.push(`${name}: in the state but not declared`);
    if (seenIds.has(entry.id)) problems.push(`${name}: id ${entry.id} held by two resources`);
    seenIds.add(entry.id);
    const live = byId.get(entry.id);
    const o = entry.outputs as Partial<RecordLine>;
    if (!live) problems.push(`${name}: id ${entry.id} is not in the zone`);
    else if (lineOf(live) !== lineOf({ fieldType: String(o.fieldType), subDomain: String(o.subDomain), target: String(o.target), ttl: Number(o.ttl) })) {
      problems.push(`${name}: state says ${lineOf(o as RecordLine)}, zone has ${lineOf(live)}`);
    }
  }
  return problems;
}
