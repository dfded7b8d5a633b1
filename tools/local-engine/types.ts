import type { PropertyMap } from "../plugin-host/struct";

/** What a step did (or, in a preview, would do) to one resource. */
export type Operation = "create" | "update" | "replace" | "delete" | "same" | "read" | "import";

/** One changed property of an update or replace (or of a refresh that found drift). */
export interface PropertyChange {
  key: string;
  kind: "add" | "update" | "delete";
  old?: unknown;
  new?: unknown;
  /** The value is secret: printed as `[secret]`. */
  secret: boolean;
}

/** One step of a run. */
export interface Step {
  op: Operation;
  urn: string;
  /** The resource type, e.g. `pulumi-nodejs:dynamic/toy:Note`. */
  type: string;
  name: string;
  /** Changed properties (update, replace, refresh drift). */
  changes: PropertyChange[];
  /** The properties whose change forces a replace. */
  replaceKeys: string[];
  /** A replace that deleted the old resource first. */
  deleteBeforeReplace?: boolean;
}

/** Step counts of a run (custom resources only). */
export interface Summary {
  create: number;
  update: number;
  replace: number;
  delete: number;
  same: number;
  read: number;
  import: number;
}

/** One provider call the engine made (to assert on the engine's rules). */
export interface ProviderCall {
  method: "check" | "diff" | "create" | "read" | "update" | "delete";
  urn: string;
}

/** The result of `preview`, `up`, `refresh` or `destroy`. */
export interface RunResult {
  plan: Step[];
  summary: Summary;
  /** Stack outputs, secrets unwrapped (their names are in `secretOutputs`); UNKNOWN in a preview. */
  outputs: PropertyMap;
  secretOutputs: string[];
  /** The plan as `pulumi preview` would show it; never a secret value nor `__provider`. */
  printed: string;
  ok: boolean;
  error?: string;
  /** The program's log lines (`severity: message`). */
  diagnostics: string[];
  /** Every provider call, in order. */
  providerCalls: ProviderCall[];
}

/** Options of {@link LocalEngine}. */
export interface LocalEngineOptions {
  /** Directory with `Pulumi.yaml` and `index.ts`. */
  programDir: string;
  stack: string;
  /** Defaults to `name` in Pulumi.yaml. */
  project?: string;
  /** Stack config, flat: `"toy:dataFile" -> value`. Keys without `:` get the project name prepended. */
  config?: Record<string, string>;
  /** Which config keys are secrets. */
  secretKeys?: string[];
  /** The stack's JSON state file. */
  statePath: string;
  /** Extra environment for the program and the plugin host. */
  env?: NodeJS.ProcessEnv;
  /** `--parallel` for the program (default 8). */
  parallel?: number;
  /** Encrypts secrets in the state file; default `PULUMI_CONFIG_PASSPHRASE`, else a fixed test passphrase. */
  passphrase?: string;
}
