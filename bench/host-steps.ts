/**
 * The provider calls the engine makes for a whole stack, sent to the plugin host with the engine's default
 * parallelism (`pulumi up --parallel` is unbounded by default: every independent step at once).
 */
import type { PropertyMap, ProviderHost } from "../tools/plugin-host";
import type { DeclaredRecord } from "../tools/soak";

/** One resource as the engine stores it in the state. */
export interface StateEntry {
  urn: string;
  id: string;
  inputs: PropertyMap;
  outputs: PropertyMap;
}

/** `pulumi up` of new records: Check then Create for each, all in parallel. */
export function createAll(host: ProviderHost, declared: readonly DeclaredRecord[]): Promise<StateEntry[]> {
  return Promise.all(
    declared.map(async (d) => {
      const { inputs, failures } = await host.check(d.urn, {}, d.inputs);
      if (failures.length) throw new Error(`check of ${d.name} failed: ${JSON.stringify(failures)}`);
      const { id, properties } = await host.create(d.urn, inputs);
      return { urn: d.urn, id, inputs, outputs: properties };
    }),
  );
}

/** Like {@link createAll}, but every create runs to its end (the engine lets in-flight steps finish); failures counted. */
export async function createEach(host: ProviderHost, declared: readonly DeclaredRecord[]): Promise<{ failed: number; firstError?: string }> {
  const settled = await Promise.allSettled(declared.map((d) => createAll(host, [d])));
  const failures = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected");
  return { failed: failures.length, firstError: failures.length ? String(failures[0].reason?.message ?? failures[0].reason) : undefined };
}

/** Preview (or `up`) with nothing changed: Check and Diff for each resource; returns how many differ. */
export async function checkAndDiffAll(host: ProviderHost, state: readonly StateEntry[]): Promise<number> {
  const diffs = await Promise.all(
    state.map(async (s) => {
      const { inputs } = await host.check(s.urn, s.inputs, s.inputs);
      return host.diff(s.id, s.urn, s.outputs, inputs, s.inputs);
    }),
  );
  return diffs.filter((d) => d.changes !== "none").length;
}

/** `pulumi refresh`: Read of every resource of the state, in parallel; returns how many came back changed. */
export async function readAll(host: ProviderHost, state: readonly StateEntry[]): Promise<number> {
  const reads = await Promise.all(state.map((s) => host.read(s.id, s.urn, s.outputs, s.inputs)));
  return reads.filter((r, i) => r.id !== state[i].id || r.properties.target !== state[i].outputs.target).length;
}
