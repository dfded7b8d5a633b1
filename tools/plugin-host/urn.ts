/** The parts of a Pulumi URN: `urn:pulumi:<stack>::<project>::<qualified type>::<name>`. */
export interface UrnParts {
  stack: string;
  project: string;
  /** The resource's type, e.g. `pulumi-nodejs:dynamic/toy:Note`. */
  type: string;
  /** The parent's qualified type (`parent$grandparent...` chain), if the parent is not the stack. */
  parentType?: string;
  name: string;
}

/** Builds a URN the way the engine does (the parent's qualified type joined with `$`). */
export function makeUrn(parts: UrnParts): string {
  const qualified = parts.parentType ? `${parts.parentType}$${parts.type}` : parts.type;
  return `urn:pulumi:${parts.stack}::${parts.project}::${qualified}::${parts.name}`;
}

/** The qualified type of a URN (`a$b$c`), used as the parent type of its children. */
export function qualifiedTypeOf(urn: string): string {
  return urn.split("::")[2] ?? "";
}

/** The resource type of a URN (the last `$` segment of its qualified type). */
export function typeOfUrn(urn: string): string {
  const qualified = qualifiedTypeOf(urn);
  return qualified.slice(qualified.lastIndexOf("$") + 1);
}

/** The resource name of a URN (everything after the third `::`). */
export function nameOfUrn(urn: string): string {
  return urn.split("::").slice(3).join("::");
}
