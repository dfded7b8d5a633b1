/**
 * Aliases, as the real engine resolves them (pulumi/pulumi `pkg/resource/deploy/step_generator.go`,
 * `getOldResource`): a registered resource is looked up in the old state by its URN first, then by each of its
 * alias URNs in order; the first alias found takes over that old resource (same id and outputs, then a normal
 * Check and Diff), and the old URN is not deleted at the end of the run. An alias that matches nothing is
 * ignored.
 *
 * The alias URNs come computed from the Node SDK: this engine does not advertise the `aliasSpecs` feature, so
 * `@pulumi/pulumi` (`runtime/resource.ts`, `prepareResource`) sends `aliasURNs` with the parent's aliases
 * already multiplied out (`allAliases` in `resource.ts`: a child inherits each alias of its parent, and a child
 * whose name starts with its parent's name gets that prefix rewritten to the parent's old name). The real
 * engine, which does advertise it, computes the same URNs itself from the specs.
 *
 * Conflicts are the real engine's errors, with its messages: a resource whose alias another resource already
 * claimed or registered, or whose URN another resource already claimed as an alias, fails the run.
 */
import { StepError } from "./step-error";

/** The old-state lookup of one run: which old URN each aliased resource took over. */
export class AliasClaims {
  /** Old URN -> the URN of the resource that took it over through an alias. */
  private readonly claimed = new Map<string, string>();

  /** True when `urn` (an old URN) was taken over by a resource registered under another URN. */
  has(urn: string): boolean {
    return this.claimed.has(urn);
  }

  /** The URN that took over `urn`, or `urn` itself (to re-point parents and dependencies at the new name). */
  current(urn: string): string {
    return this.claimed.get(urn) ?? urn;
  }

  /**
   * The old resource `urn` stands for: the entry under `urn` itself, else the first alias found. `find` looks an
   * URN up in the old state; `registered` says whether a resource of this run registered an URN.
   */
  resolve<T>(urn: string, aliases: readonly string[], find: (urn: string) => T | undefined, registered: (urn: string) => boolean): T | undefined {
    const previous = this.claimed.get(urn);
    if (previous !== undefined) throw new StepError(`Duplicate resource URN '${urn}' conflicting with alias on resource with URN '${previous}'`, urn);
    const own = find(urn);
    if (own !== undefined) return own;
    for (const alias of aliases) {
      if (alias === urn) continue;
      const old = find(alias);
      if (old === undefined) continue;
      // The real engine names the resource itself as the conflicting one when the alias was registered.
      if (registered(alias)) throw new StepError(duplicateAlias(alias, urn, urn), urn);
      const other = this.claimed.get(alias);
      if (other !== undefined) throw new StepError(duplicateAlias(alias, urn, other), urn);
      this.claimed.set(alias, urn);
      return old;
    }
    return undefined;
  }
}

function duplicateAlias(alias: string, urn: string, other: string): string {
  return `Duplicate resource alias '${alias}' applied to resource with URN '${urn}' conflicting with resource with URN '${other}'`;
}
