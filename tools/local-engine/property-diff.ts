import { containsSecret, unwrapSecrets } from "../plugin-host/sentinels";
import type { PropertyMap } from "../plugin-host/struct";
import type { PropertyChange } from "./types";

/** The property that carries the serialized provider: compared, never shown. */
export const PROVIDER_KEY = "__provider";

/** Deep equality of two JSON-like values, ignoring secret wrappers. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(unwrapSecrets(a))) === JSON.stringify(sortKeys(unwrapSecrets(b)));
}

/**
 * The engine's fallback when a provider's diff leaves `changes` undefined (DIFF_UNKNOWN): compare the old
 * and new INPUTS, `__provider` included, as the engine's legacy diff does.
 */
export function inputsDiffer(oldInputs: PropertyMap, newInputs: PropertyMap): boolean {
  return !sameValue(oldInputs, newInputs);
}

/** The changed top-level properties between two bags, for display (`__provider` left out). */
export function propertyChanges(olds: PropertyMap, news: PropertyMap): PropertyChange[] {
  const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter((k) => k !== PROVIDER_KEY).sort();
  const changes: PropertyChange[] = [];
  for (const key of keys) {
    const inOld = olds[key] !== undefined;
    const inNew = news[key] !== undefined;
    if (inOld && inNew && sameValue(olds[key], news[key])) continue;
    const secret = containsSecret(olds[key]) || containsSecret(news[key]);
    const kind = !inOld ? "add" : !inNew ? "delete" : "update";
    changes.push({ key, kind, old: unwrapSecrets(olds[key]), new: unwrapSecrets(news[key]), secret });
  }
  return changes;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}
