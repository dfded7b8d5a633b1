import { Semaphore } from "./semaphore";
import type { PropertyMap } from "../plugin-host/struct";
import { AliasClaims } from "./aliases";
import { deletionWaves } from "./delete-order";
import type { ProviderPool } from "./provider-pool";
import { importResource, readExternal } from "./read-steps";
import type { StackState, StateFile, StateResource } from "./state-file";
import { StepError } from "./step-error";
import { deleteResource, stepCustomResource, type ResourceGoal, type StateRecorder, type StepContext, type StepOutcome } from "./steps";
import type { Step } from "./types";

/** The message for a resource type only the Pulumi CLI can run (it needs a provider plugin binary). */
export function unsupportedTypeMessage(type: string): string {
  const plugin = type.startsWith("pulumi:providers:") ? type.slice("pulumi:providers:".length) : type.split(":")[0];
  return (
    `the local engine cannot run resource type ${type}: it needs the Pulumi CLI's plugin '${plugin}'; ` +
    "run this program with the Pulumi CLI, or test it with pulumi.runtime.setMocks"
  );
}

/**
 * One run against one stack: the working state (the old state, edited by every completed step and
 * written after each), the steps taken, and the delete phase after the program has finished. The first
 * failed step stops the run: later registrations are refused and nothing is deleted.
 */
export class Deployment implements StateRecorder {
  readonly steps: Step[] = [];
  readonly state: StackState;
  private readonly registered = new Set<string>();
  /** Old resources taken over by a resource registered under a new URN (aliases.ts). */
  private readonly aliases = new AliasClaims();
  /** The old state as the run found it: aliases are looked up there, as the real engine looks them up in its olds. */
  private readonly olds: ReadonlyMap<string, StateResource>;
  private readonly replacedThisRun = new Set<StateResource>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private stackOutputs?: PropertyMap;
  private failure?: Error;
  private onFailure?: () => void;
  private readonly failed = new Promise<void>((resolve) => (this.onFailure = resolve));

  /** Resource steps in flight, as the real engine bounds them with `--parallel`. */
  private readonly slots: Semaphore;
  /** Check and Diff, which the real engine sends one at a time. */
  private readonly serial = new Semaphore(1);

  constructor(
    old: StackState,
    private readonly stateFile: StateFile,
    private readonly pool: ProviderPool,
    readonly preview: boolean,
    parallel = 8,
  ) {
    this.state = { ...old, resources: [...old.resources] };
    this.olds = new Map(old.resources.filter((r) => !r.pendingDelete).map((r) => [r.urn, r]));
    this.slots = new Semaphore(parallel);
  }

  /** The first error of the run, if any. */
  get error(): Error | undefined {
    return this.failure;
  }

  /** Stack outputs the program registered (secrets wrapped). */
  get outputs(): PropertyMap {
    return this.stackOutputs ?? {};
  }

  /** The step machinery of this run. */
  get ctx(): StepContext {
    return { pool: this.pool, preview: this.preview, state: this, serial: (call) => this.serial.run(call) };
  }

  /** A RegisterResource: steps a custom resource, records a component. */
  async register(goal: ResourceGoal): Promise<StepOutcome | undefined> {
    return this.guard(goal.urn, async () => {
      const old = this.aliases.resolve(goal.urn, goal.aliases ?? [], (urn) => (urn === goal.urn ? this.find(urn) : this.olds.get(urn)), (urn) => this.registered.has(urn));
      if (!goal.custom) {
        this.put({ urn: goal.urn, type: goal.type, custom: false, inputs: {}, outputs: old?.outputs ?? {}, dependencies: goal.dependencies, ...(goal.parent ? { parent: goal.parent } : {}) }, old);
        return undefined;
      }
      if (!goal.type.startsWith("pulumi-nodejs:dynamic")) throw new StepError(unsupportedTypeMessage(goal.type), goal.urn);
      // An import only applies to a resource not yet in the state; afterwards it is an ordinary resource.
      const outcome = goal.importId && !old ? await importResource(this.ctx, goal, goal.importId) : await stepCustomResource(this.ctx, goal, old);
      this.steps.push(outcome.step);
      return outcome;
    });
  }

  /** A ReadResource (`opts.id` / `.get()`). */
  async read(goal: ResourceGoal, id: string): Promise<StepOutcome> {
    const outcome = await this.guard(goal.urn, async () => {
      if (!goal.type.startsWith("pulumi-nodejs:dynamic")) throw new StepError(unsupportedTypeMessage(goal.type), goal.urn);
      return readExternal(this.ctx, goal, id, this.find(goal.urn));
    });
    this.steps.push(outcome.step);
    return outcome;
  }

  /** RegisterResourceOutputs: the stack's outputs, or a component's. */
  registerOutputs(urn: string, outputs: PropertyMap, stackUrn: string): void {
    if (urn === stackUrn) this.stackOutputs = outputs;
    const entry = this.find(urn);
    if (entry && !entry.custom && urn !== stackUrn) this.put({ ...entry, outputs }, entry);
  }

  /** Records a failure that did not come from a step (e.g. the program crashed). */
  fail(err: Error): void {
    this.failure ??= err;
    this.onFailure?.();
  }

  /** Resolves at the first failure (never, for a run that succeeds). */
  whenFailed(): Promise<void> {
    return this.failed;
  }

  /**
   * After a successful program: deletes, dependents first, what the program no longer declares and the
   * old copies of create-before-delete replacements; then records the stack outputs.
   */
  async finish(): Promise<void> {
    if (this.failure) return;
    // An old URN taken over through an alias is not deleted (in a preview its entry is still there).
    const gone = this.state.resources.filter((r) => r.pendingDelete || (!this.registered.has(r.urn) && !this.aliases.has(r.urn)));
    for (const wave of deletionWaves(gone)) {
      for (const entry of wave) {
        if (entry.custom && !entry.external && !this.replacedThisRun.has(entry)) {
          this.steps.push({ op: "delete", urn: entry.urn, type: entry.type, name: entry.urn.split("::").slice(3).join("::"), changes: [], replaceKeys: [] });
        }
      }
      // Independent deletes run in parallel, bounded like every step; a failure stops before the next wave.
      const results = await Promise.allSettled(wave.map((entry) => this.slots.run(() => deleteResource(this.ctx, entry))));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) return this.fail(failed.reason as Error);
    }
    if (!this.preview) {
      this.state.outputs = this.outputs;
      this.repointAliased();
      this.save();
    }
  }

  /** Parents and dependencies that name an old URN taken over through an alias name its new URN, as the real engine's snapshot does. */
  private repointAliased(): void {
    this.state.resources = this.state.resources.map((r) => {
      const dependencies = r.dependencies.map((d) => this.aliases.current(d));
      return { ...r, dependencies, ...(r.parent ? { parent: this.aliases.current(r.parent) } : {}) };
    });
  }

  put(entry: StateResource, replacing?: StateResource): void {
    const index = replacing ? this.state.resources.indexOf(replacing) : -1;
    if (index >= 0) this.state.resources[index] = entry;
    else this.state.resources.push(entry);
    this.save();
  }

  markPendingDelete(entry: StateResource): StateResource {
    const marked = { ...entry, pendingDelete: true };
    this.replacedThisRun.add(marked);
    this.put(marked, entry);
    return marked;
  }

  remove(entry: StateResource): void {
    const index = this.state.resources.indexOf(entry);
    if (index >= 0) this.state.resources.splice(index, 1);
    this.save();
  }

  private find(urn: string): StateResource | undefined {
    return this.state.resources.find((r) => r.urn === urn && !r.pendingDelete);
  }

  /** Writes the working state (never in a preview). */
  save(): void {
    if (!this.preview) this.stateFile.save(this.state);
  }

  private async guard<T>(urn: string, f: () => Promise<T>): Promise<T> {
    // Like the real engine, a failed step cancels the deployment: no new step starts after it.
    if (this.failure) throw new StepError(`not run: the deployment stopped after an earlier error`, urn);
    if (this.registered.has(urn)) throw new StepError(`Duplicate resource URN '${urn}'; try giving it a unique name`, urn);
    this.registered.add(urn);
    const step = this.slots.run(f);
    this.inFlight.add(step);
    try {
      return await step;
    } catch (err) {
      this.fail(err as Error);
      throw err;
    } finally {
      this.inFlight.delete(step);
    }
  }

  /** Resolves when no step is running (a crashed program may leave one behind). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}
