/**
 * diff: pure. Compares a redirection's stored outputs with its checked inputs.
 *
 * `zoneName` and `subDomain` replace: a redirection cannot move zone, and OVH's `RedirectionUpdate` has no
 * `subDomain` (docs/ovh-api.md §4), so a new name is a new redirection. `type`, `target`, `title`, `keywords`
 * and `description` are in `RedirectionUpdate`: one PUT changes them in place. `owner` changes in place too (its
 * claim in the owner registry, stored only once written: claims.ts). `__provider` is never compared.
 */
import { FRAME_FIELDS } from "./model";

/** What the engine needs to know about one redirection's change. */
export interface ZoneRedirectionDiff {
  changes: boolean;
  replaces: string[];
  /** Properties that change, replacing or not (for messages and tests). */
  changed: string[];
  deleteBeforeReplace: boolean;
}

/** Properties a change to which replaces the redirection. */
export const REDIRECTION_REPLACE_PROPERTIES: readonly string[] = ["zoneName", "subDomain"];

type Props = Record<string, unknown>;

/** Diffs old outputs against new checked inputs; a value not known yet (a preview) counts as a change. */
export function diffZoneRedirection(olds: Props, news: Props, isUnknown: (v: unknown) => boolean): ZoneRedirectionDiff {
  const changed: string[] = [];
  const differs = (key: string, same: (a: unknown, b: unknown) => boolean) => {
    if (isUnknown(news[key]) || !same(olds[key], news[key])) changed.push(key);
  };
  differs("zoneName", sameName);
  differs("subDomain", sameName);
  differs("type", (a, b) => a === b);
  differs("target", (a, b) => a === b);
  for (const field of FRAME_FIELDS) differs(field, (a, b) => String(a ?? "") === String(b ?? ""));
  differs("owner", (a, b) => String(a ?? "") === String(b ?? ""));
  const replaces = changed.filter((key) => REDIRECTION_REPLACE_PROPERTIES.includes(key));
  // The replacement has another name or zone than the old one: both can exist for a moment, so it is created first.
  return { changes: changed.length > 0, replaces, changed, deleteBeforeReplace: false };
}

function sameName(a: unknown, b: unknown): boolean {
  return typeof a === "string" && typeof b === "string" ? a.toLowerCase() === b.toLowerCase() : (a ?? "") === (b ?? "");
}
