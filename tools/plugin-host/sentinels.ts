/**
 * The magic values Pulumi uses on the wire between the engine, the SDK and providers
 * (`@pulumi/pulumi/runtime/rpc.js`: `unknownValue`, `specialSigKey`, `specialSecretSig`).
 */

/** The string that stands for a not-yet-known value (a preview sends it to check and diff). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The key that marks an object as one of Pulumi's special values. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";

/** The `SIG_KEY` value that marks a secret. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A value wrapped as a Pulumi secret, as the engine and the SDK send it. */
export interface SecretValue<T = unknown> {
  [SIG_KEY]: typeof SECRET_SIG;
  value: T;
}

/** Wraps `value` as a Pulumi secret (`{"4dabf...": "1b47...", value}`). */
export function secret<T>(value: T): SecretValue<T> {
  return { [SIG_KEY]: SECRET_SIG, value };
}

/** True when `v` is a secret-wrapped value. */
export function isSecret(v: unknown): v is SecretValue {
  return typeof v === "object" && v !== null && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

/** True when `v` is, or contains at any depth, a secret-wrapped value. */
export function containsSecret(v: unknown): boolean {
  if (isSecret(v)) return true;
  if (Array.isArray(v)) return v.some(containsSecret);
  if (typeof v === "object" && v !== null) return Object.values(v).some(containsSecret);
  return false;
}

/**
 * Removes every secret wrapper, at any depth. The dynamic-provider host answers Configure with
 * acceptSecrets=false, so the engine unwraps secrets before it sends properties to it
 * (docs/pulumi-dynamic-providers.md, "The plugin host"); a harness must do the same or the provider sees the raw wrapper.
 */
export function unwrapSecrets<T = unknown>(v: T): T {
  if (isSecret(v)) return unwrapSecrets(v.value) as T;
  if (Array.isArray(v)) return v.map(unwrapSecrets) as T;
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapSecrets(x)])) as T;
  }
  return v;
}

/** True when `v` is, or contains at any depth, the UNKNOWN sentinel. */
export function containsUnknown(v: unknown): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (typeof v === "object" && v !== null) return Object.values(v).some(containsUnknown);
  return false;
}
