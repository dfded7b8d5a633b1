/**
 * The records OVH keeps for a web redirection (docs/ovh-api.md §4, "Web redirections"): at the redirected name,
 * an A record to OVH's redirection servers and a TXT record `"<n>|<target>"` that tells them where to send
 * visitors. They are listed by `GET /domain/zone/{zone}/record` like any record, but they belong to the
 * redirection: deleting or changing one breaks it, and deleting the redirection removes them. So a Zone never
 * counts them as unmanaged records (nor deletes them under `unmanaged: "delete"`), and a ZoneRecord's `adopt`
 * never takes one over.
 *
 * They are told by content, with no extra call (and so no extra access rule): a TXT whose text is a digit run
 * and a `|`, which no other record of a zone looks like, and the A records at a name holding such a TXT.
 */

interface Listed {
  subDomain: string;
  fieldType: string;
  target: string;
}

/** Whether `r` is a redirection's marker TXT (`"1|www.example.com"`, quoted or not). */
export function isRedirectionMarker(r: Listed): boolean {
  return r.fieldType === "TXT" && /^"?\d+\|/.test(r.target);
}

/** The names (lower case; `""` is the apex) holding a redirection's marker TXT. */
export function redirectedNames(listed: readonly Listed[]): Set<string> {
  return new Set(listed.filter(isRedirectionMarker).map((r) => r.subDomain.toLowerCase()));
}

/** Whether `r` is one of the records a redirection keeps, given the zone's {@link redirectedNames}. */
export function isRedirectionCompanion(r: Listed, redirected: ReadonlySet<string>): boolean {
  return isRedirectionMarker(r) || (r.fieldType === "A" && redirected.has(r.subDomain.toLowerCase()));
}
