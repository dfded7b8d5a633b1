/**
 * An OVH refusal of a DynHost write (a 400 or a 409), told by the field it names: the message says which input OVH
 * refused, in its words, and what to do. A password is never in it (OVH's answer is quoted, and it does not echo one).
 */
import { OvhApiError } from "../ovh";
import { DynHostRefusedError } from "./errors";

/** What to do about a refused field. */
export interface RefusalHints {
  /** The field blamed when OVH's message names none of `hints`. */
  fallback: string;
  /** The fix for each field. */
  hints: Record<string, string>;
}

/** `err` as a {@link DynHostRefusedError} naming its field when it is an OVH 400 or 409; else `err`. */
export function refusalOf(err: unknown, what: string, { fallback, hints }: RefusalHints): unknown {
  if (!(err instanceof OvhApiError) || (err.status !== 400 && err.status !== 409)) return err;
  const text = err.apiMessage.toLowerCase();
  const field = Object.keys(hints).find((key) => text.includes(key.toLowerCase())) ?? fallback;
  return new DynHostRefusedError(`OVH refused ${field} of ${what} (HTTP ${err.status}: ${JSON.stringify(err.apiMessage)}): ${hints[field]}. Nothing was changed.`, { cause: err });
}
