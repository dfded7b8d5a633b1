import { nameOfUrn } from "../plugin-host/urn";
import { HostError } from "../plugin-host/errors";
import { deletionOrder } from "./delete-order";
import type { Deployment } from "./deployment";
import { propertyChanges } from "./property-diff";
import { markSecret, secretKeysOf } from "./secret-marking";
import { StepError } from "./step-error";
import { deleteResource } from "./steps";
import type { Operation, Step } from "./types";

function stepOf(op: Operation, urn: string, type: string, changes: Step["changes"] = []): Step {
  return { op, urn, type, name: nameOfUrn(urn), changes, replaceKeys: [] };
}

/**
 * `refresh`: Read (refresh form: old outputs and old inputs) for every resource in the state, without
 * running the program. A resource that is gone is dropped; one that drifted gets the read outputs (and
 * inputs, when the provider returns them). Secretness carries over from the old values. Reads run in
 * parallel, as the real engine's do. A failed read stops the refresh with what was read before it applied.
 */
export async function refreshResources(d: Deployment): Promise<void> {
  const entries = d.state.resources.filter((entry) => entry.custom && !entry.pendingDelete);
  // The reads run in parallel, as the real engine's do; their results are applied in state order, so the
  // printed plan and the state file do not depend on which answer came first.
  const reads = await mapLimit(entries, REFRESH_PARALLELISM, async (entry) => {
    try {
      return { read: await (await d.ctx.pool.for("read", entry.urn)).read(entry.id ?? "", entry.urn, entry.outputs, entry.inputs) };
    } catch (err) {
      return { err };
    }
  });
  for (const [i, entry] of entries.entries()) {
    const { read, err } = reads[i];
    if (!read) return d.fail(err instanceof HostError ? new StepError(err.providerMessage, entry.urn) : (err as Error));
    if (!read.id) {
      d.steps.push(stepOf("delete", entry.urn, entry.type));
      d.remove(entry);
      continue;
    }
    const outputs = markSecret(read.properties, secretKeysOf(entry.outputs));
    const inputs = read.inputs ? markSecret(read.inputs, secretKeysOf(entry.inputs)) : entry.inputs;
    const changes = propertyChanges(entry.outputs, outputs);
    d.steps.push(stepOf(changes.length > 0 ? "update" : "same", entry.urn, entry.type, changes));
    d.put({ ...entry, id: read.id, inputs, outputs }, entry);
  }
  d.save();
}

/** How many reads a refresh runs at once (the CLI's default `--parallel` is unbounded; 16 keeps the host calm). */
const REFRESH_PARALLELISM = 16;

/** Maps `items` through `fn` with at most `limit` calls at once, keeping the order of the results. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * `destroy`: deletes every resource of the state, dependents first, without running the program (each
 * Delete runs the resource's OLD `__provider` from the state). External (read) resources and components are
 * only dropped. A failed delete stops, with what remains still in the state.
 */
export async function destroyResources(d: Deployment): Promise<void> {
  for (const entry of deletionOrder(d.state.resources)) {
    if (entry.custom && !entry.external) d.steps.push(stepOf("delete", entry.urn, entry.type));
    try {
      await deleteResource(d.ctx, entry);
    } catch (err) {
      return d.fail(err as Error);
    }
  }
  d.state.outputs = {};
  d.save();
}
