/**
 * Counts the array elements a piece of code walks, as a measure of its work that does not depend on the machine:
 * each call of an array method that walks its array counts the array's length, each step of an array iterator one.
 * Used to show that work grows linearly (linear-check.test.ts) and is bounded per input (readers-fuzz.test.ts).
 */

const WALKING = ["map", "filter", "forEach", "some", "every", "find", "findIndex", "includes", "indexOf", "lastIndexOf", "slice", "reduce", "join", "flatMap", "concat", "splice"] as const;

/** The array elements `run` walks (its result is discarded; what it throws is thrown after the count is undone). */
export function countSteps(run: () => unknown): number {
  const proto = Array.prototype as unknown as Record<string | symbol, (...args: unknown[]) => unknown>;
  const originals = new Map<string | symbol, (...args: unknown[]) => unknown>();
  let steps = 0;
  for (const name of WALKING) {
    const original = proto[name];
    originals.set(name, original);
    proto[name] = function (this: unknown[], ...args: unknown[]) {
      steps += this.length;
      return original.apply(this, args);
    };
  }
  const iterate = proto[Symbol.iterator];
  originals.set(Symbol.iterator, iterate);
  proto[Symbol.iterator] = function (this: unknown[]) {
    const inner = iterate.call(this) as Iterator<unknown>;
    return { next: () => (steps++, inner.next()), [Symbol.iterator]() { return this; } };
  };
  try {
    run();
  } finally {
    for (const [name, original] of originals) proto[name] = original;
  }
  return steps;
}
