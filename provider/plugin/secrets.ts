/**
 * Secrets through the plugin. A plugin that builds components must accept secrets (the engine refuses a construct
 * from one that does not), so the engine sends a secret input in Pulumi's wire form (`{ <sig>: <secret sig>,
 * value }`) instead of unwrapping it first. The provider objects behind the plugin take plain values, as Pulumi's
 * dynamic-provider host gives them: {@link unwrapSecrets} unwraps them, and {@link rewrapSecrets} marks again as
 * secret each answered property whose input was secret, as the engine does for a plugin that does not accept
 * secrets (so a secret input never lands in the state in the clear).
 */
import { isWireSecret, SECRET_SIG, SECRET_VALUE_SIG } from "./config";

type Props = Record<string, unknown>;

/** `props` with every secret unwrapped (at any depth), and the top-level keys that held one. */
export function unwrapSecrets(props: Props): { plain: Props; secretKeys: Set<string> } {
  const secretKeys = new Set<string>();
  const plain: Props = {};
  for (const [key, value] of Object.entries(props)) {
    const found = { secret: false };
    plain[key] = unwrap(value, found);
    if (found.secret) secretKeys.add(key);
  }
  return { plain, secretKeys };
}

function unwrap(value: unknown, found: { secret: boolean }): unknown {
  if (isWireSecret(value)) {
    found.secret = true;
    return unwrap(value.value, found);
  }
  if (Array.isArray(value)) return value.map((v) => unwrap(v, found));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrap(v, found)]));
  return value;
}

/** `props` with each of `secretKeys` it has marked secret (its whole value). */
export function rewrapSecrets<T extends Props | undefined>(props: T, secretKeys: ReadonlySet<string>): T {
  if (!props || secretKeys.size === 0) return props;
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, secretKeys.has(k) && v !== undefined ? { [SECRET_SIG]: SECRET_VALUE_SIG, value: v } : v])) as T;
}
