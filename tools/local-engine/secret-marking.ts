import { containsSecret, isSecret, secret } from "../plugin-host/sentinels";
import type { PropertyMap } from "../plugin-host/struct";

/**
 * Secret tracking at top-level property granularity. The engine unwraps secrets before calling the host
 * (which refuses them), then marks as secret every output whose same-named input was secret, plus the
 * `additionalSecretOutputs` option. The real engine tracks secretness at any depth; this one marks the
 * whole top-level property, which can only over-protect.
 */
export function secretKeysOf(props: PropertyMap): string[] {
  return Object.keys(props).filter((k) => containsSecret(props[k]));
}

/** Wraps the named properties as secrets (those already wrapped are left as they are). */
export function markSecret(props: PropertyMap, keys: readonly string[]): PropertyMap {
  const out: PropertyMap = {};
  for (const [k, v] of Object.entries(props)) out[k] = keys.includes(k) && !isSecret(v) ? secret(v) : v;
  return out;
}
