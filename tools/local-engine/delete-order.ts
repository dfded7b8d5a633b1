import type { StateResource } from "./state-file";

/**
 * Orders resources for deletion, dependents first: a resource is deleted only once nothing else in the
 * set depends on it (through `dependencies` or `parent`). Ties keep reverse state order, which is the
 * order the engine registered them in.
 */
export function deletionOrder(toDelete: StateResource[]): StateResource[] {
  const remaining = [...toDelete].reverse();
  const ordered: StateResource[] = [];
  while (remaining.length > 0) {
    const index = remaining.findIndex((candidate) => !remaining.some((r) => r !== candidate && dependsOn(r, candidate.urn)));
    // A cycle cannot come from a program (a URN is only known once registered); fall back to state order.
    const next = index >= 0 ? index : 0;
    ordered.push(remaining[next]);
    remaining.splice(next, 1);
  }
  return ordered;
}

function dependsOn(r: StateResource, urn: string): boolean {
  return r.parent === urn || r.dependencies.includes(urn);
}

/**
 * The same order as waves: every resource of a wave has no dependent left once the waves before it are done,
 * so a wave's deletes run in parallel, as the real engine runs independent deletes.
 */
export function deletionWaves(toDelete: StateResource[]): StateResource[][] {
  const remaining = [...toDelete].reverse();
  const waves: StateResource[][] = [];
  while (remaining.length > 0) {
    let wave = remaining.filter((candidate) => !remaining.some((r) => r !== candidate && dependsOn(r, candidate.urn)));
    if (wave.length === 0) wave = [remaining[0]]; // a cycle (see deletionOrder)
    waves.push(wave);
    for (const done of wave) remaining.splice(remaining.indexOf(done), 1);
  }
  return waves;
}
