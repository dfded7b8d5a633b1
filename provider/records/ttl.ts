/** The largest TTL DNS allows: 2^31 - 1 seconds (RFC 2181 §8). */
const MAX_TTL = 2147483647;

/** The smallest TTL OVH keeps as given; below it, OVH raises the value to 60 (docs/ovh-api.md §5 TTL). */
const MIN_TTL = 60;

/**
 * Every reason `ttl` (an integer) cannot be used. 1-59 is refused rather than passed on: OVH silently
 * stores 60, so every later preview would show 30 -> 60 (docs/other-tools.md §B.14, §C.3; terraform-provider-ovh PR #397).
 */
export function checkTtl(ttl: number): string[] {
  if (ttl < 0) return [`ttl ${ttl} is negative; use 0 (zone default) or a value >= ${MIN_TTL}`];
  if (ttl > 0 && ttl < MIN_TTL) {
    return [
      `ttl ${ttl} is below ${MIN_TTL}: OVH would silently raise it to ${MIN_TTL} and every preview would show a change; use 0 (zone default) or a value >= ${MIN_TTL}`,
    ];
  }
  if (ttl > MAX_TTL) return [`ttl ${ttl} is above ${MAX_TTL}, the largest TTL DNS allows (RFC 2181)`];
  return [];
}
