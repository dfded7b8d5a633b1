/**
 * Pulumi's "not known yet" value. During a preview, an input that is the output of a resource still to be
 * created or changed reaches check and diff as this string (docs/pulumi-dynamic-providers.md, "The plugin host"). It is never an
 * error: validation that depends on it waits for the real value.
 */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True for Pulumi's "not known yet" value. */
export function isUnknownValue(value: unknown): boolean {
  return value === UNKNOWN_VALUE;
}
