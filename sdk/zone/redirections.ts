/**
 * The web redirections of a Zone: each checked as a ZoneRedirection's inputs are (provider/zone-redirection),
 * one per name, and none at a name where the Zone declares an A, AAAA or CNAME record: OVH serves a redirection
 * from an A record of its own there (docs/ovh-api.md §4, "Web redirections").
 */
import { checkZoneRedirection } from "../../provider/zone-redirection";
import type { DeclaredRecord } from "./records";

/** One redirection of a Zone: a ZoneRedirection's inputs without the zone. */
export interface ZoneRedirectionSpec {
  /** The name redirected; `""` (the default) is the apex. */
  subDomain?: string;
  type: "visible" | "visiblePermanent" | "invisible";
  target: string;
  title?: string;
  keywords?: string;
  description?: string;
  /** Where it was declared (`records.yaml:12`), for messages. */
  source?: string;
}

/** A redirection as the Zone declares it: checked inputs, and where it came from. */
export interface DeclaredRedirection {
  inputs: Record<string, unknown>;
  subDomain: string;
  source: string;
}

/** The checked redirections and every problem with them, each naming where it was declared. */
export function declareRedirections(zoneName: string, specs: readonly ZoneRedirectionSpec[] | undefined, records: readonly DeclaredRecord[]): { declared: DeclaredRedirection[]; problems: string[] } {
  if (specs === undefined) return { declared: [], problems: [] };
  if (!Array.isArray(specs)) return { declared: [], problems: ["redirections must be an array of { subDomain, type, target }"] };
  const problems: string[] = [];
  const declared: DeclaredRedirection[] = [];
  specs.forEach((spec, i) => {
    const { source = `redirections[${i}]`, ...args } = spec;
    const { inputs, failures } = checkZoneRedirection({ ...args, zoneName });
    for (const f of failures) problems.push(`redirection ${source}: ${f.reason}`);
    if (failures.length === 0) declared.push({ inputs, subDomain: String(inputs.subDomain), source });
  });
  const seen = new Map<string, string>();
  for (const r of declared) {
    const first = seen.get(r.subDomain);
    if (first !== undefined) problems.push(`redirection ${r.source}: ${r.subDomain || "the apex"} is redirected twice (also ${first}); OVH keeps one redirection per name`);
    else seen.set(r.subDomain, r.source);
    const clash = records.find((d) => d.subDomain === r.subDomain && ["A", "AAAA", "CNAME"].includes(d.fieldType));
    if (clash) {
      problems.push(`redirection ${r.source}: ${r.subDomain || "the apex"} also has a declared ${clash.fieldType} record (${clash.source}); ` +
        "OVH serves a redirection from an A record of its own there: remove one of them");
    }
  }
  return { declared, problems };
}

/** The child name of a redirection: `redirect-<name>` (`redirect-@` for the apex), as `export` names it. */
export function redirectionKey(r: DeclaredRedirection): string {
  return `redirect-${r.subDomain || "@"}`;
}
