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
