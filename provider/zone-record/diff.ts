/**
 * diff: pure. Compares the stored outputs with the checked inputs.
 *
 * `zoneName` and `fieldType` replace (a record cannot move zone, and OVH refuses a PUT of `fieldType`);
 * `subDomain`, `target`, `ttl` and `owner` update in place. Values that mean the same thing never show as a change
 * (TXT as OVH returns it, host-name case, IPv6 spellings: `targetsEqual`). `__provider` is never compared: a
 * new version of this package must not show every record as changed.
 */
import { targetsEqual, type FieldType } from "../records";

/** What the engine needs to know about one resource's change. */
export interface ZoneRecordDiff {
  changes: boolean;
  replaces: string[];
  /** Properties that change, replacing or not (for messages and tests). */
  changed: string[];
  deleteBeforeReplace: boolean;
}

/** Properties a change to which replaces the record; `subDomain`, `target` and `ttl` update it in place. */
const REPLACE_PROPERTIES: readonly string[] = ["zoneName", "fieldType"];

type Props = Record<string, unknown>;

/**
 * Diffs old outputs against new checked inputs. `isUnknown` recognises a value not known yet in a preview:
 * an unknown value counts as a change (the preview says it may change).
 */
export function diffZoneRecord(olds: Props, news: Props, isUnknown: (v: unknown) => boolean): ZoneRecordDiff {
  const changed: string[] = [];
  const differs = (key: string, same: (a: unknown, b: unknown) => boolean) => {
    if (isUnknown(news[key]) || !same(olds[key], news[key])) changed.push(key);
  };
  differs("zoneName", sameName);
  differs("fieldType", (a, b) => a === b);
  differs("subDomain", sameName);
  const fieldType = olds.fieldType === news.fieldType ? (news.fieldType as FieldType) : undefined;
  differs("target", (a, b) => a === b || (fieldType !== undefined && typeof a === "string" && typeof b === "string"
    && targetsEqual(fieldType, a, b)));
  differs("ttl", (a, b) => Number(a ?? 0) === Number(b ?? 0));
  // The owner's claim in the owner registry (owner-registry.ts): stored only once written, so a claim that
  // failed or went missing shows as a change, and the update writes it. The record itself is not touched.
  differs("owner", (a, b) => String(a ?? "") === String(b ?? ""));
  const replaces = changed.filter((key) => REPLACE_PROPERTIES.includes(key));
  return {
    changes: changed.length > 0,
    replaces,
    changed,
    deleteBeforeReplace: replaces.length > 0 && wouldHoldCnameBeside(olds, news),
  };
}

function sameName(a: unknown, b: unknown): boolean {
  return typeof a === "string" && typeof b === "string" ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/**
 * A replacement is created before the old record is deleted. When the old and new records share a name and
 * one of them is a CNAME, that would briefly hold a CNAME beside another record, which DNS forbids (RFC 1034
 * §3.6.2): then the old record goes first.
 */
function wouldHoldCnameBeside(olds: Props, news: Props): boolean {
  if (!sameName(olds.zoneName, news.zoneName) || !sameName(olds.subDomain, news.subDomain)) return false;
  return olds.fieldType === "CNAME" || news.fieldType === "CNAME";
}
