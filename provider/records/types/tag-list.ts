/**
 * The `tag=value; tag=value` syntax of DKIM keys (RFC 6376 §3.2) and DMARC policies (RFC 7489 §6.3).
 */

/** One `name=value` pair, both trimmed. */
export interface Tag {
  name: string;
  value: string;
}

/** The tags of `text`, and every reason it is not a well-formed tag list of the known tags. */
export function parseTagList(kind: string, text: string, known: readonly string[]): { tags: Tag[]; reasons: string[] } {
  const tags: Tag[] = [];
  const reasons: string[] = [];
  for (const part of text.split(";").map((p) => p.trim())) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    if (eq <= 0) {
      reasons.push(`"${part}" in the ${kind} record is not a tag=value pair`);
      continue;
    }
    const tag = { name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() };
    if (!known.includes(tag.name)) reasons.push(`"${tag.name}" is not a ${kind} tag; the tags are ${known.join(", ")}`);
    else if (tags.some((t) => t.name === tag.name)) reasons.push(`the ${kind} tag "${tag.name}" appears twice`);
    tags.push(tag);
  }
  return { tags, reasons };
}

/** The tags written in one steady form, `a=1; b=2`, so spacing around `;` and `=` never shows as a change. */
export function formatTagList(tags: readonly Tag[]): string {
  return tags.map((t) => `${t.name}=${t.value}`).join("; ");
}

/** The value of tag `name`, if present. */
export function tagValue(tags: readonly Tag[], name: string): string | undefined {
  return tags.find((t) => t.name === name)?.value;
}

/** A reason when the value of tag `name` is present and not matched by `pattern`. */
export function checkTag(kind: string, tags: readonly Tag[], name: string, pattern: RegExp, expected: string): string[] {
  const value = tagValue(tags, name);
  if (value === undefined || pattern.test(value)) return [];
  return [`the ${kind} tag ${name}=${value} is not valid: ${expected}`];
}

/**
 * A reason when the target is wrapped in quotes: OVH's native DKIM and DMARC types take the bare tag list
 * and answer a quoted one with "Invalid subfield found in DKIM/DMARC" (docs/ovh-api.md §5; dnscontrol #1640).
 */
export function checkUnquoted(kind: string, target: string, decoded: string): string[] {
  if (!target.trim().startsWith('"')) return [];
  const shown = decoded.length > 60 ? `${decoded.slice(0, 60)}...` : decoded;
  const why = `a quoted one gets "Invalid subfield found in ${kind}"`;
  return [`OVH's native ${kind} type takes the tag list without quotes (${why}); remove them: ${shown}`];
}
