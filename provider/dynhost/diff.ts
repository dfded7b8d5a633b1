/**
 * diff of a DynHostRecord and of a DynHostLogin: pure. Compares stored outputs with checked inputs.
 *
 * A record: `zoneName` replaces (a record cannot move zone); `subDomain` and `ip` are both writable fields of
 * `domain.zone.dynHost.Record`: one PUT changes them in place. A login: `zoneName` and `loginSuffix` replace (the
 * login is the path of every later call, and OVH has no rename); `subDomain` changes in place by PUT, `password` by
 * `POST .../changePassword`. `__provider` is never compared.
 */

/** What the engine needs to know about one change. */
export interface DynHostDiff {
  changes: boolean;
  replaces: string[];
  /** Properties that change, replacing or not (for the lifecycle and tests). */
  changed: string[];
  deleteBeforeReplace: boolean;
}

type Props = Record<string, unknown>;

/** Properties a change to which replaces a DynHostRecord. */
export const RECORD_REPLACE_PROPERTIES: readonly string[] = ["zoneName"];
/** Properties a change to which replaces a DynHostLogin. */
export const LOGIN_REPLACE_PROPERTIES: readonly string[] = ["zoneName", "loginSuffix"];

/** Diffs a DynHostRecord; a value not known yet (a preview) counts as a change. */
export function diffDynHostRecord(olds: Props, news: Props, isUnknown: (v: unknown) => boolean): DynHostDiff {
  return diffOf(olds, news, isUnknown, ["zoneName", "subDomain", "ip"], RECORD_REPLACE_PROPERTIES);
}

/** Diffs a DynHostLogin; the password is compared as given (it is never read back from OVH). */
export function diffDynHostLogin(olds: Props, news: Props, isUnknown: (v: unknown) => boolean): DynHostDiff {
  return diffOf(olds, news, isUnknown, ["zoneName", "loginSuffix", "subDomain", "password"], LOGIN_REPLACE_PROPERTIES);
}

function diffOf(olds: Props, news: Props, isUnknown: (v: unknown) => boolean, keys: string[], replacing: readonly string[]): DynHostDiff {
  // Names compare without letter case (DNS names; OVH's logins are listed with an "ilike" filter), the rest exactly.
  const caseless = new Set(["zoneName", "subDomain"]);
  const same = (key: string) => caseless.has(key) && typeof olds[key] === "string" && typeof news[key] === "string"
    ? (olds[key] as string).toLowerCase() === (news[key] as string).toLowerCase()
    : (olds[key] ?? "") === (news[key] ?? "");
  const changed = keys.filter((key) => isUnknown(news[key]) || !same(key));
  const replaces = changed.filter((key) => replacing.includes(key));
  // The replacement has another zone or login than the old one: both can exist for a moment, so it is created first.
  return { changes: changed.length > 0, replaces, changed, deleteBeforeReplace: false };
}
