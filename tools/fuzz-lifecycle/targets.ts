/**
 * The records the fuzzer picks from: a few names and, per type, a few targets, each with spellings of the same
 * meaning (host-name case, IPv6 spelling, TXT quoting) that a diff must not take for a change.
 */
import type { FuzzFieldType, FuzzRecord } from "./model";

/** Names inside the zone: few, so that siblings (same name and type) come up often. */
export const SUB_DOMAINS = ["", "www", "mail"] as const;

/** Record types. */
export const FIELD_TYPES: readonly FuzzFieldType[] = ["A", "AAAA", "MX", "TXT"];

/** TTLs a user writes: the zone default and two explicit values. */
export const TTLS = [0, 300, 3600] as const;

/** How many targets each type offers. */
export const TARGETS_PER_TYPE = 4;

/** The `n`-th target of a type, in its plain spelling. */
export function targetOf(fieldType: FuzzFieldType, n: number): string {
  const i = (n % TARGETS_PER_TYPE) + 1;
  switch (fieldType) {
    case "A":
      return `192.0.2.${i}`;
    case "AAAA":
      return `2001:db8::${i}`;
    case "MX":
      return `${i * 10} mail${i}.example.com.`;
    case "TXT":
      return `token-${i}`;
  }
}

/** The same meaning spelled otherwise (an A has one spelling). */
export function respell(fieldType: FuzzFieldType, target: string): string {
  switch (fieldType) {
    case "A":
      return target;
    case "AAAA": {
      // 2001:db8::3 <-> 2001:DB8:0:0:0:0:0:3
      if (target.includes("::")) return target.toUpperCase().replace("::", ":0:0:0:0:0:");
      return target.toLowerCase().replace(":0:0:0:0:0:", "::");
    }
    case "MX":
      return target === target.toLowerCase() ? target.replace(/mail(\d)\.example\.com\./, "MAIL$1.Example.COM.") : target.toLowerCase();
    case "TXT":
      return target.startsWith('"') ? target.slice(1, -1) : `"${target}"`;
  }
}

/** A record from indexes into the pools. */
export function recordOf(sub: number, fieldType: FuzzFieldType, target: number, ttl: number): FuzzRecord {
  return { subDomain: SUB_DOMAINS[sub % SUB_DOMAINS.length], fieldType, target: targetOf(fieldType, target), ttl: TTLS[ttl % TTLS.length] };
}
