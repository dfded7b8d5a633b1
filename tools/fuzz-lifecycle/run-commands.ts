/** The runs as commands, and the faults set for the next run. */
import type * as fc from "fast-check";
import type { FaultOptions } from "../../emulator";
import { meaningOf, zoneOwnsAll, type LifecycleModel } from "./model";
import type { LifecycleRig } from "./rig";
import { runAndCheck } from "./runs";
import type { RunKind } from "./stacks";

type RigCommand = fc.AsyncCommand<LifecycleModel, LifecycleRig>;

/** A run the user starts. `destroy` waits for a refresh after a console edit of a declared record. */
export class Run implements RigCommand {
  constructor(readonly kind: RunKind) {}
  check(m: Readonly<LifecycleModel>): boolean {
    // A destroy on a drifted state deletes the ids it holds, which the console may have renumbered: that is
    // Pulumi's documented drift (refresh first), not a loss the provider could prevent.
    return this.kind !== "destroy" || !m.drifted;
  }
  run(m: LifecycleModel, rig: LifecycleRig): Promise<void> {
    return runAndCheck(this.kind, m, rig);
  }
  toString(): string {
    return this.kind;
  }
}

/**
 * `pulumi up` killed after a few record writes, and the README's recovery (interrupt.ts); then an up, which must
 * converge. Only through the real CLI (the command set leaves it out on the local engine).
 */
export class Interrupt implements RigCommand {
  /** Whether the last run of this command killed the up (an up with fewer writes ends before the kill). */
  private killed?: boolean;
  constructor(readonly afterWrites: number) {}
  check(m: Readonly<LifecycleModel>): boolean {
    // Only with edits no up has applied yet: an up with nothing to write has nothing to interrupt.
    return !m.drifted && m.pending === true;
  }
  async run(m: LifecycleModel, rig: LifecycleRig): Promise<void> {
    const outcome = await rig.interruptedUp(this.afterWrites);
    this.killed = !outcome.ok && (outcome.error ?? "").startsWith("interrupted");
    if (outcome.ok) m.deployed = true;
    // A Zone that deletes unmanaged records may have deleted some before the kill.
    if (zoneOwnsAll(m)) {
      const left = new Set(rig.records().map(meaningOf));
      m.hand = m.hand.filter((r) => left.has(meaningOf(r)));
    }
    await runAndCheck("up", m, rig);
  }
  toString(): string {
    if (this.killed === false) return `up to be killed after ${this.afterWrites} record write(s) (it ended first); up`;
    return `up killed after ${this.afterWrites} record write(s), cancel, refresh --clear-pending-creates; up`;
  }
}

/** The emulator faults the fuzzer sets, by name. */
export type FaultKind = "5xx" | "reset" | "lost-answer" | "late-apply" | "failed-refresh";

/** Which requests get the faults: all, or only one method's (a lost DELETE answer, a late POST). */
export type FaultMethod = "any" | "POST" | "PUT" | "DELETE";

/** The emulator's fault options for a kind at a rate, on the requests of `method`. */
export function faultOptions(kind: FaultKind, rate: number, method: FaultMethod = "any"): FaultOptions {
  const base = faultsOfKind(kind, rate);
  return method === "any" || kind === "failed-refresh" ? base : { ...base, methods: [method] };
}

function faultsOfKind(kind: FaultKind, rate: number): FaultOptions {
  switch (kind) {
    case "5xx":
      return { serverErrorRate: rate / 2, serverErrorAfterApplyRate: rate / 2 };
    case "reset":
      return { resetRate: rate };
    case "lost-answer":
      return { lostResponseRate: rate };
    case "late-apply":
      return { lateApplyRate: rate, lateApplyDelayMs: 50 };
    case "failed-refresh":
      return { serverErrorRate: rate, methods: ["POST"], pathPattern: /\/refresh$/ };
  }
}

/** Faults for the next run only. */
export class SetFaults implements RigCommand {
  constructor(readonly kind: FaultKind, readonly rate: number, readonly method: FaultMethod) {}
  check(): boolean {
    return true;
  }
  async run(_m: LifecycleModel, rig: LifecycleRig): Promise<void> {
    rig.setFaults(faultOptions(this.kind, this.rate, this.method));
  }
  toString(): string {
    return `faults for the next run: ${this.kind} at ${this.rate}${this.method === "any" || this.kind === "failed-refresh" ? "" : ` on ${this.method}`}`;
  }
}
