import * as grpc from "@grpc/grpc-js";
import * as engrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as resrpc from "@pulumi/pulumi/proto/resource_grpc_pb";
import { secret, unwrapSecrets } from "../plugin-host/sentinels";
import type { PropertyMap } from "../plugin-host/struct";
import { Deployment } from "./deployment";
import { EngineService } from "./engine-service";
import { monitorHandlers } from "./monitor-service";
import { printPlan, summarize, type RunKind } from "./plan-printer";
import { startProgram, type ProgramExit } from "./program-runner";
import { readProjectFile } from "./project-file";
import { ProviderPool } from "./provider-pool";
import { secretKeysOf } from "./secret-marking";
import { DEFAULT_TEST_PASSPHRASE, StateFile } from "./state-file";
import { destroyResources, refreshResources } from "./state-operations";
import type { LocalEngineOptions, RunResult } from "./types";

/**
 * A local engine that runs real Pulumi programs without the CLI: it serves `pulumirpc.ResourceMonitor`
 * and `pulumirpc.Engine` on 127.0.0.1, runs the program through `@pulumi/pulumi/cmd/run`, drives the real
 * dynamic-provider host, and keeps a JSON state file per stack. Its step rules follow the engine's
 * documented ones; where it knowingly differs, the code says so.
 */
export class LocalEngine {
  private readonly project: string;
  private readonly main: string;
  private readonly config: Record<string, string>;
  private readonly secretKeys: string[];
  private readonly stateFile: StateFile;

  constructor(private readonly options: LocalEngineOptions) {
    const file = readProjectFile(options.programDir);
    this.project = options.project ?? file.name;
    this.main = file.main;
    // As the CLI does, a key without a namespace belongs to the project.
    const qualify = (k: string): string => (k.includes(":") ? k : `${this.project}:${k}`);
    this.config = Object.fromEntries(Object.entries(options.config ?? {}).map(([k, v]) => [qualify(k), v]));
    this.secretKeys = (options.secretKeys ?? []).map(qualify);
    const passphrase = options.passphrase ?? process.env.PULUMI_CONFIG_PASSPHRASE ?? DEFAULT_TEST_PASSPHRASE;
    this.stateFile = new StateFile(options.statePath, passphrase);
  }

  /** Runs the program in dry-run mode: Check, Diff and Read only; no Create/Update/Delete; no state written. */
  preview(): Promise<RunResult> {
    return this.runWithProgram("preview");
  }

  /** Runs the program and applies its changes, then deletes what it no longer declares. */
  up(): Promise<RunResult> {
    return this.runWithProgram("up");
  }

  /** Reads every resource of the state and records what changed or disappeared. */
  refresh(): Promise<RunResult> {
    return this.runWithoutProgram("refresh", refreshResources);
  }

  /** Deletes every resource of the state, dependents first. */
  destroy(): Promise<RunResult> {
    return this.runWithoutProgram("destroy", destroyResources);
  }

  /** A provider pool configured with `config` (the current config, or the one the state kept). */
  private pool(engineAddress: string, config = this.config, secretKeys = this.secretKeys): ProviderPool {
    const { programDir, env } = this.options;
    return new ProviderPool({ cwd: programDir, project: this.project, config, secretKeys, env, engineAddress });
  }

  /** The config as the provider entry keeps it: secret keys wrapped. */
  private providerConfig(): PropertyMap {
    return Object.fromEntries(Object.entries(this.config).map(([k, v]) => [k, this.secretKeys.includes(k) ? secret(v) : v]));
  }

  private async runWithProgram(kind: "preview" | "up"): Promise<RunResult> {
    const preview = kind === "preview";
    const server = new grpc.Server();
    const engine = new EngineService();
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    const address = `127.0.0.1:${port}`;
    const pool = this.pool(address);
    const deployment = new Deployment(this.stateFile.load(this.project, this.options.stack), this.stateFile, pool, preview, this.options.parallel ?? 8);
    // An up stores the config the provider ran with, as the real engine's provider entry does.
    if (!preview) deployment.state.providerConfig = this.providerConfig();
    server.addService(resrpc.ResourceMonitorService, monitorHandlers({ project: this.project, stack: this.options.stack }, deployment));
    server.addService(engrpc.EngineService, engine.handlers());
    pool.warmUp();
    try {
      const program = startProgram({
        ...this.options,
        main: this.main,
        project: this.project,
        address,
        preview,
        parallel: this.options.parallel ?? 8,
        config: this.config,
        secretKeys: this.secretKeys,
      });
      // A failed step cancels the deployment: the real engine does not wait for the program (which, its
      // registration refused, may never exit) but lets running steps finish and shuts the program down.
      const cancelled = deployment.whenFailed().then(async () => {
        await deployment.settled();
        program.kill();
      });
      const exit = await Promise.race([program.exited, cancelled.then(() => program.exited)]);
      await deployment.settled();
      if (exit.code !== 0) deployment.fail(new Error(programFailure(engine, exit)));
      await deployment.finish();
      const diagnostics = [...engine.diagnostics(), ...exit.stdout.split("\n").filter((l) => l.trim()).map((l) => `info: ${l}`)];
      return this.result(kind, deployment, pool, diagnostics);
    } finally {
      await pool.close();
      server.forceShutdown();
    }
  }

  private async runWithoutProgram(kind: RunKind, operate: (d: Deployment) => Promise<void>): Promise<RunResult> {
    // Like the real engine, refresh and destroy configure the provider from its entry in the state (the config
    // of the last up), not from the current config.
    const state = this.stateFile.load(this.project, this.options.stack);
    const kept = state.providerConfig;
    const pool = kept
      ? this.pool("127.0.0.1:1", unwrapSecrets(kept) as Record<string, string>, secretKeysOf(kept))
      : this.pool("127.0.0.1:1"); // the host only checks that an engine address is given
    const deployment = new Deployment(state, this.stateFile, pool, false);
    try {
      await operate(deployment);
      return this.result(kind, deployment, pool, []);
    } finally {
      await pool.close();
    }
  }

  private result(kind: RunKind, deployment: Deployment, pool: ProviderPool, diagnostics: string[]): RunResult {
    const wrapped = kind === "preview" || kind === "up" ? deployment.outputs : deployment.state.outputs;
    const error = deployment.error?.message;
    const printed = printPlan({ kind, stack: this.options.stack, steps: deployment.steps, outputs: wrapped, diagnostics, error });
    return {
      plan: deployment.steps,
      summary: summarize(deployment.steps),
      outputs: unwrapSecrets(wrapped),
      secretOutputs: secretKeysOf(wrapped),
      printed,
      ok: error === undefined,
      ...(error === undefined ? {} : { error }),
      diagnostics,
      providerCalls: pool.calls,
    };
  }
}

function programFailure(engine: EngineService, exit: ProgramExit): string {
  const errors = engine.lines.filter((l) => l.severity === "error").map((l) => l.message);
  if (errors.length > 0) return errors.join("\n");
  return `the program exited with code ${exit.code}${exit.stderr.trim() ? `:\n${exit.stderr.trim()}` : ""}`;
}
