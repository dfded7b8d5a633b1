/**
 * Consumer-key access rules (SPEC §3): `*` is a glob matching any characters, `/` included;
 * matching is case-sensitive and ignores the query string; the method must match.
 */

/** The methods an OVH access rule may name. */
export const RULE_METHODS = ["GET", "POST", "PUT", "DELETE"] as const;

/** One access rule of a consumer key. */
export interface AccessRule {
  /** GET, POST, PUT or DELETE. */
  method: string;
  /** A path glob, e.g. `/domain/zone/*`. */
  path: string;
}

/** Whether a glob (only `*` is special) matches the whole of `text`. */
export function globMatches(glob: string, text: string): boolean {
  const source = glob
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`, "s").test(text);
}

/**
 * Whether a call is granted. `path` is the API path without the `/1.0` prefix; a query
 * string, if any, is dropped. `/domain/zone/*` does not grant `/domain/zone` (SPEC §3).
 */
export function isCallGranted(rules: readonly AccessRule[], method: string, path: string): boolean {
  const bare = path.split("?")[0];
  return rules.some((rule) => rule.method === method && globMatches(rule.path, bare));
}
