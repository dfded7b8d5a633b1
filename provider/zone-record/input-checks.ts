/**
 * The checks every resource's `check` makes of a plain input: a string (or an unknown value at preview), and a
 * true/false flag. Each refusal names its property; the caller says what the input means.
 */
import { isUnknownValue } from "./unknown";

/** Records one refused input, in the shape of Pulumi's `CheckFailure`. */
export type Fail = (property: string, reason: string) => void;

/**
 * Input `key` as a string: `absent` when it is not given, `undefined` for a value not known yet (a preview: the
 * caller keeps it as it is) or for one that is no string (refused here).
 */
export function textInput(news: Record<string, unknown>, key: string, fail: Fail, absent: string | undefined): string | undefined {
  const value = news[key];
  if (isUnknownValue(value)) return undefined;
  if (value === undefined || value === null) return absent;
  if (typeof value !== "string") {
    fail(key, `${key} must be a string, not ${JSON.stringify(value)}`);
    return undefined;
  }
  return value;
}

/** Copies flag `flag` into `inputs` when it is true, false or not known yet; refuses anything else with its `meaning`. */
export function flagInput(news: Record<string, unknown>, inputs: Record<string, unknown>, flag: string, meaning: string, fail: Fail): void {
  const value = news[flag];
  if (value === undefined || value === null) return;
  if (typeof value === "boolean" || isUnknownValue(value)) inputs[flag] = value;
  else fail(flag, `${flag} must be true or false, not ${JSON.stringify(value)}: ${meaning}`);
}
