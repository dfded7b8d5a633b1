/**
 * Consumer-key access rules (docs/ovh-api.md §3): `*` is a glob matching any characters, `/` included;
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

/**
 * Whether a glob (only `*` is special) matches the whole of `text`. Iterative, with one
 * backtrack point (the last `*` seen): a rule like `/*a*a*a*...*b` costs at most
 * glob length × text length steps, never the exponential backtracking a RegExp `.*` chain
 * can take (docs/ovh-api-emulator.md, "Hardening"). Anyone with an application key can
 * create a consumer key with any rule, so the matcher must not be a way to stall the server.
 */
export function globMatches(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  let star = -1; // index in glob of the last `*`
  let resume = 0; // index in text where that `*` would take one more character
  while (t < text.length) {
    if (g < glob.length && glob[g] === "*") {
      star = g++;
      resume = t;
    } else if (g < glob.length && glob[g] === text[t]) {
      g++;
      t++;
    } else if (star >= 0) {
      g = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (g < glob.length && glob[g] === "*") g++;
  return g === glob.length;
}

/**
 * Whether a call is granted. `path` is the API path without the `/1.0` prefix; a query
 * string, if any, is dropped. `/domain/zone/*` does not grant `/domain/zone` (docs/ovh-api.md §3).
 */
export function isCallGranted(rules: readonly AccessRule[], method: string, path: string): boolean {
  const bare = path.split("?")[0];
  return rules.some((rule) => rule.method === method && globMatches(rule.path, bare));
}
