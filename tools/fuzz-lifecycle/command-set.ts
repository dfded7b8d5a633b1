/**
 * The fuzzer's commands as fast-check arbitraries, by name, so a run can leave some out (`--commands` or the
 * jest test's `FUZZ_COMMANDS`) while defects they find are being fixed.
 */
import * as fc from "fast-check";
import { freshName, lineOf, meaningOf, type LifecycleModel } from "./model";
import type { LifecycleRig } from "./rig";
import { AddRecord, AddSibling, ChangeRecord, RemoveRecord, RemoveSibling, RenameRecord } from "./record-commands";
import { ExportAndAdopt, MoveIntoZone, MoveOutOfZone, RenameZone, ToggleAdopt, ToggleOwner, ToggleUnmanaged } from "./program-commands";
import { HandAdd, HandChangeTtl, HandDelete, Renumber } from "./console-commands";
import { Interrupt, Run, SetFaults } from "./run-commands";
import { FIELD_TYPES, recordOf, SUB_DOMAINS, TARGETS_PER_TYPE, TTLS } from "./targets";

type Arb = fc.Arbitrary<fc.AsyncCommand<LifecycleModel, LifecycleRig>>;

const index = fc.nat({ max: 15 });
const place = fc.constantFrom("top" as const, "zone" as const);
// Most edits are followed by an up, as users apply them; some by a preview, some wait for the next edit.
const then = fc.constantFrom("up" as const, "up" as const, "preview" as const, "none" as const);
const record = fc
  .tuple(fc.nat({ max: SUB_DOMAINS.length - 1 }), fc.constantFrom(...FIELD_TYPES), fc.nat({ max: TARGETS_PER_TYPE - 1 }), fc.nat({ max: TTLS.length - 1 }))
  .map(([sub, type, target, ttl]) => recordOf(sub, type, target, ttl));

/** Every command, by name. */
export const COMMANDS: Record<string, Arb> = {
  add: fc.tuple(place, record, fc.boolean(), then).map(([p, r, adopt, t]) => new AddRecord(p, r, adopt, t)),
  remove: fc.tuple(place, index, then).map(([p, i, t]) => new RemoveRecord(p, i, t)),
  rename: fc.tuple(index, then).map(([i, t]) => new RenameRecord(i, t)),
  change: fc
    .tuple(place, index, fc.constantFrom("target" as const, "ttl" as const, "spelling" as const), fc.nat({ max: TARGETS_PER_TYPE - 1 }), then)
    .map(([p, i, c, n, t]) => new ChangeRecord(p, i, c, n, t)),
  "add-sibling": fc.tuple(place, index, fc.nat({ max: TARGETS_PER_TYPE - 1 }), then).map(([p, i, n, t]) => new AddSibling(p, i, n, t)),
  "remove-sibling": fc.tuple(place, index, then).map(([p, i, t]) => new RemoveSibling(p, i, t)),
  "move-into-zone": fc.tuple(index, then).map(([i, t]) => new MoveIntoZone(i, t)),
  "move-out-of-zone": fc.tuple(index, then).map(([i, t]) => new MoveOutOfZone(i, t)),
  "rename-zone": then.map((t) => new RenameZone(t)),
  "toggle-adopt": fc.tuple(place, index, then).map(([p, i, t]) => new ToggleAdopt(p, i, t)),
  "toggle-unmanaged": then.map((t) => new ToggleUnmanaged(t)),
  "export-adopt": then.map((t) => new ExportAndAdopt(t)),
  // `all,-toggle-owner` is the command set of the seeds replayed from before it existed.
  "toggle-owner": fc.tuple(fc.constantFrom(undefined, "fuzz-a", "fuzz-b"), then).map(([o, t]) => new ToggleOwner(o, t)),
  "console-add": record.map((r) => new HandAdd(r)),
  "console-delete": index.map((i) => new HandDelete(i)),
  "console-change": fc.tuple(index, fc.nat({ max: 3 })).map(([i, n]) => new HandChangeTtl(i, n)),
  "console-renumber": fc.constant(new Renumber()),
  up: fc.constant(new Run("up")),
  preview: fc.constant(new Run("preview")),
  refresh: fc.constant(new Run("refresh")),
  destroy: fc.constant(new Run("destroy")),
  // Through the real CLI only (see commandArbitraries).
  interrupt: fc.constantFrom(1, 1, 2, 3).map((n) => new Interrupt(n)),
  faults: fc
    .tuple(
      fc.constantFrom("5xx" as const, "reset" as const, "lost-answer" as const, "late-apply" as const, "failed-refresh" as const),
      fc.constantFrom(0.2, 0.5, 1),
      fc.constantFrom("any" as const, "POST" as const, "PUT" as const, "DELETE" as const),
    )
    .map(([k, rate, method]) => new SetFaults(k, rate, method)),
};

/** Every command name. */
export const COMMAND_NAMES = Object.keys(COMMANDS);

/** A command set error: names what is unknown and lists the known names. */
export class CommandSetError extends Error {
  override readonly name: string = "CommandSetError";
}

/** Commands only the real Pulumi CLI can run (the local engine cannot stop a run half-way). */
const CLI_ONLY = ["interrupt"];

/**
 * The arbitraries of the named commands (all of them when `names` is undefined or empty), less those the
 * engine cannot run.
 */
export function commandArbitraries(names?: readonly string[], engine: "local" | "cli" = "cli"): Arb[] {
  const named = names === undefined || names.length === 0 ? COMMAND_NAMES : names;
  const chosen = engine === "cli" ? named : named.filter((n) => !CLI_ONLY.includes(n));
  const unknown = chosen.filter((n) => !(n in COMMANDS));
  if (unknown.length > 0) throw new CommandSetError(`unknown command(s) ${unknown.join(", ")}: use names from ${COMMAND_NAMES.join(", ")}`);
  // fc.commands picks uniformly among its arbitraries: `add` and `up` come twice, so that sequences hold records.
  return chosen.flatMap((n) => (n === "add" || n === "up" ? [COMMANDS[n], COMMANDS[n]] : [COMMANDS[n]]));
}

/** The names of a `--commands` value: `all`, `a,b,c`, or `all,-a,-b` (every command but a and b). */
export function parseCommandNames(text: string): string[] {
  const parts = text.split(",").map((p) => p.trim()).filter((p) => p !== "");
  const excluded = parts.filter((p) => p.startsWith("-")).map((p) => p.slice(1));
  const included = parts.filter((p) => !p.startsWith("-"));
  const base = included.length === 0 || included.includes("all") ? COMMAND_NAMES : included;
  commandArbitraries([...base, ...excluded]);
  return base.filter((n) => !excluded.includes(n));
}

/** A program a sequence starts from, deployed by a first up: 1 to 4 records, each top-level (adopting or not) or in the Zone. */
export interface StartingProgram {
  records: { record: ReturnType<typeof recordOf>; inZone: boolean; adopt: boolean }[];
  zoneAdopt: boolean;
}

/** Starting programs (records of distinct meaning). */
export const startingProgram: fc.Arbitrary<StartingProgram> = fc.record({
  records: fc.uniqueArray(fc.record({ record, inZone: fc.boolean(), adopt: fc.boolean() }), {
    minLength: 1,
    maxLength: 4,
    selector: (r) => meaningOf(r.record),
  }),
  zoneAdopt: fc.boolean(),
}).map(alignStartTtls);

/** Records of one RRset in the Zone share the TTL of its first (a Zone refuses differing TTLs in one RRset). */
function alignStartTtls(start: StartingProgram): StartingProgram {
  const first = new Map<string, number>();
  const records = start.records.map((r) => {
    if (!r.inZone) return r;
    const rrset = `${r.record.subDomain} ${r.record.fieldType}`;
    if (!first.has(rrset)) first.set(rrset, r.record.ttl);
    return { ...r, record: { ...r.record, ttl: first.get(rrset)! } };
  });
  return { ...start, records };
}

/** The starting program as one line (`adopt` only where the sequence may adopt). */
export function describeStart(start: StartingProgram, adoption: boolean): string {
  const lines = start.records.map((r) => `${r.inZone ? "zone" : "top"} ${lineOf(r.record)}${adoption && !r.inZone && r.adopt ? " adopt" : ""}`);
  const zoneAdopts = adoption && start.zoneAdopt && start.records.some((r) => r.inZone);
  return `start: ${lines.join(", ")}${zoneAdopts ? " (the Zone adopts)" : ""}; up`;
}

/** Declares the starting program in an empty model. */
export function declareStart(model: LifecycleModel, start: StartingProgram): void {
  for (const { record: r, inZone, adopt } of start.records) {
    if (inZone) (model.zone ??= { name: "main", adopt: start.zoneAdopt && model.adoption, unmanaged: "warn", records: [] }).records.push({ ...r });
    else model.top.push({ ...r, name: freshName(model, "r"), adopt: adopt && model.adoption });
  }
}
