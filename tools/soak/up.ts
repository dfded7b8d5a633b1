/**
 * One `pulumi up` of a desired state over the plugin host, with the engine's rules for what a failed step
 * leaves behind: a create or update that failed to initialise (the record exists, its refresh failed) is kept
 * in the state with its id and marked, and the next `up` updates it; any other failed step leaves the state as
 * it was, and the next `up` tries again. Creates and updates run first, all in parallel (the default
 * `--parallel` is unbounded); deletes run only when they all succeeded, as the engine stops after an error.
 */
import { HostError, type PropertyMap, type ProviderHost } from "../plugin-host";
import type { DeclaredRecord } from "./desired-state";

/** One resource of the soak's state. */
export interface SoakEntry {
  id: string;
  inputs: PropertyMap;
  outputs: PropertyMap;
  /** Created or updated but failed to initialise: the next `up` updates it whatever the diff says. */
  initError: boolean;
}

/** The state: URN -> resource. */
export type SoakState = Map<string, SoakEntry>;

/** What one `up` did. */
export interface UpReport {
  steps: number;
  failed: number;
  /** The first few failure messages. */
  errors: string[];
}

/** Runs one `up` of `declared` against `state` (changed in place). */
export async function up(host: ProviderHost, declared: readonly DeclaredRecord[], state: SoakState): Promise<UpReport> {
  const report: UpReport = { steps: 0, failed: 0, errors: [] };
  const fail = (what: string, err: unknown) => {
    report.failed += 1;
    if (report.errors.length < 5) report.errors.push(`${what}: ${err instanceof HostError ? err.providerMessage : String(err)}`.slice(0, 300));
  };
  await Promise.all(declared.map((d) => step(host, d, state, report).catch((err: unknown) => fail(d.name, err))));
  if (report.failed > 0) return report;
  const wanted = new Set(declared.map((d) => d.urn));
  const gone = [...state].filter(([urn]) => !wanted.has(urn));
  await Promise.all(
    gone.map(async ([urn, entry]) => {
      report.steps += 1;
      try {
        await host.delete(entry.id, urn, entry.outputs, entry.inputs);
        state.delete(urn);
      } catch (err) {
        fail(`delete ${urn}`, err);
      }
    }),
  );
  return report;
}

async function step(host: ProviderHost, d: DeclaredRecord, state: SoakState, report: UpReport): Promise<void> {
  const old = state.get(d.urn);
  const { inputs, failures } = await host.check(d.urn, old?.inputs ?? {}, d.inputs);
  if (failures.length) throw new Error(`check failed: ${JSON.stringify(failures)}`);
  if (!old) {
    report.steps += 1;
    const made = await keepInitFailure(d, inputs, state, host.create(d.urn, inputs));
    state.set(d.urn, { id: made.id, inputs, outputs: made.properties, initError: false });
    return;
  }
  const diff = await host.diff(old.id, d.urn, old.outputs, inputs, old.inputs);
  if (diff.replaces.length) throw new Error(`unexpected replace of ${d.name} (${diff.replaces.join(", ")})`);
  if (!old.initError && diff.changes === "none") return;
  report.steps += 1;
  const updated = await keepInitFailure(d, inputs, state, host.update(old.id, d.urn, old.outputs, inputs, old.inputs).then((u) => ({ id: old.id, ...u })));
  state.set(d.urn, { id: old.id, inputs, outputs: updated.properties, initError: false });
}

/** Records a failure to initialise in the state (as the engine does) before passing the error on. */
async function keepInitFailure<T extends { id: string; properties: PropertyMap }>(
  d: DeclaredRecord,
  inputs: PropertyMap,
  state: SoakState,
  call: Promise<T>,
): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof HostError && err.initFailure) {
      state.set(d.urn, { id: err.initFailure.id, inputs, outputs: err.initFailure.properties, initError: true });
    }
    throw err;
  }
}
