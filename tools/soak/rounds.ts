/**
 * The desired states the soak moves a zone through, round after round: create N records; change the target
 * and TTL of half and rename some sub-domains; delete a quarter and add new ones; delete all. A fifth round
 * starts over.
 */
import { declareRecord, type DeclaredRecord } from "./desired-state";

/** What round `round` (1-based) declares, given what the previous round declared. */
export function desiredForRound(round: number, records: number, previous: readonly DeclaredRecord[]): DeclaredRecord[] {
  switch ((round - 1) % 4) {
    case 0:
      return Array.from({ length: records }, (_, i) => declareRecord(`r${i}`, `h${i}`, i + 1));
    case 1:
      return previous.map((d, i) => {
        if (i % 2 !== 0) return d;
        const renamed = i % 6 === 0 ? `${d.inputs.subDomain}-renamed` : d.inputs.subDomain;
        return { ...d, inputs: { ...d.inputs, subDomain: renamed, target: bump(d.inputs.target), ttl: 600 } };
      });
    case 2: {
      const kept = previous.filter((_, i) => i % 4 !== 3);
      const added = Array.from({ length: Math.ceil(records / 4) }, (_, j) => declareRecord(`n${round}-${j}`, `new${round}-${j}`, 50_000 + j, 300));
      return [...kept, ...added];
    }
    default:
      return [];
  }
}

/** A different target in the same /8. */
function bump(target: string): string {
  const parts = target.split(".").map(Number);
  parts[1] = (parts[1] + 100) % 256;
  return parts.join(".");
}
