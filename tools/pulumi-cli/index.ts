/**
 * The real Pulumi CLI, as the tests, the demo and the benchmarks run it: found (built by `npm run setup:pulumi`
 * into `.tools/bin`, or on the PATH), and driven in a workspace of its own (a temporary `PULUMI_HOME`, a local
 * file backend, passphrase secrets, no update check, no network), one stack per workspace.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The CLI version `npm run setup:pulumi` builds. */
export const PULUMI_CLI_VERSION = "v3.274.1";

const REPO_ROOT = path.resolve(__dirname, "..", "..", __dirname.includes(`${path.sep}dist${path.sep}`) ? ".." : "");
/** Where `npm run setup:pulumi` puts the CLI and its plugins. */
export const TOOLS_BIN = path.join(process.env.PULUMI_TOOLS_DIR ?? path.join(REPO_ROOT, ".tools"), "bin");

/** The `pulumi` executable: the one built here, else the one on the PATH; undefined when there is none. */
export function findPulumiCli(): string | undefined {
  const built = path.join(TOOLS_BIN, "pulumi");
  if (fs.existsSync(built)) return built;
  try {
    return execFileSync("which", ["pulumi"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The CLI, or an error that says how to get it. Tests that need the CLI call this: in CI a missing CLI is a
 * failure, never a skip.
 */
export function requirePulumiCli(): string {
  const cli = findPulumiCli();
  if (!cli) {
    throw new Error(`no Pulumi CLI: run \`npm run setup:pulumi\` (builds ${PULUMI_CLI_VERSION} into ${TOOLS_BIN}) or put \`pulumi\` on the PATH`);
  }
  return cli;
}

/** What one CLI command did. */
export interface CliResult {
  args: string[];
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** How a {@link PulumiWorkspace} runs its program. */
export interface WorkspaceOptions {
  /** The directory holding Pulumi.yaml. */
  programDir: string;
  /** Stack name; default `dev`. */
  stack?: string;
  /** Plain config values, `key: value` (`ovh:endpoint`, `zoneName`...). */
  config?: Record<string, string>;
  /** Config values set with `--secret`. */
  secrets?: Record<string, string>;
  /** Environment added to every command (`OVH_*`, ...). Secrets here never reach the state. */
  env?: NodeJS.ProcessEnv;
  /**
   * `false` runs the program transpiled only (`PULUMI_NODEJS_TRANSPILE_ONLY=true`, which Pulumi's Node.js runtime
   * honours), saving the type check of every program run (about 8 s a preview on a 2-core machine). Default `true`,
   * as users run. Tests that type-check their programs elsewhere (`npm run typecheck`) pass `false`.
   */
  typeCheck?: boolean;
  /** Keep the workspace directory after {@link PulumiWorkspace.remove} (for debugging). */
  keep?: boolean;
}

let workspaces = 0;
const CONFIG_COMMANDS = new Set(["config", "preview", "up", "refresh", "destroy", "import"]);
/** Commands that take no stack (`plugin ls`, `package get-schema`): run without `--stack`. */
const STACKLESS_COMMANDS = new Set(["plugin", "package"]);

/** Environment variables of the parent that must not leak into a hermetic run. */
const LEAKY = /^(PULUMI_|OVH_)/;

/** One stack of one program under the real CLI, in its own temporary home and backend. */
export class PulumiWorkspace {
  readonly dir: string;
  readonly stack: string;
  readonly configFile: string;
  private readonly env: NodeJS.ProcessEnv;

  private constructor(readonly cli: string, readonly options: WorkspaceOptions) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ws-"));
    // A stack name of its own: `stack init` writes Pulumi.<stack>.yaml (the passphrase salt) into the program's
    // folder, which two workspaces of one program would otherwise share.
    this.stack = options.stack ?? `dev${process.pid}x${++workspaces}`;
    this.configFile = path.join(this.dir, `Pulumi.${this.stack}.yaml`);
    fs.mkdirSync(path.join(this.dir, "home"));
    fs.mkdirSync(path.join(this.dir, "backend"));
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !LEAKY.test(k)));
    this.env = {
      ...inherited,
      PATH: `${path.dirname(cli)}${path.delimiter}${TOOLS_BIN}${path.delimiter}${process.env.PATH ?? ""}`,
      PULUMI_HOME: path.join(this.dir, "home"),
      PULUMI_BACKEND_URL: `file://${path.join(this.dir, "backend")}`,
      PULUMI_CONFIG_PASSPHRASE: "pulumi-ovh-dns-test-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      NO_COLOR: "1",
      ...(options.typeCheck === false ? { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } : {}),
      ...options.env,
    };
  }

  /** Creates the workspace and its stack, and sets its config. */
  static async create(options: WorkspaceOptions): Promise<PulumiWorkspace> {
    const ws = new PulumiWorkspace(requirePulumiCli(), options);
    await ws.must(["stack", "init"]);
    // Keep the program's folder clean: the stack's config (with its salt) lives in the workspace.
    const written = path.join(options.programDir, `Pulumi.${ws.stack}.yaml`);
    if (fs.existsSync(written)) fs.renameSync(written, ws.configFile);
    for (const [key, value] of Object.entries(options.config ?? {})) await ws.setConfig(key, value);
    for (const [key, value] of Object.entries(options.secrets ?? {})) await ws.setConfig(key, value, true);
    return ws;
  }

  /** `pulumi config set [--secret] key value` on this stack's config file. */
  async setConfig(key: string, value: string, secret = false): Promise<void> {
    await this.must(["config", "set", ...(secret ? ["--secret"] : []), key, "--", value]);
  }

  /**
   * Runs `pulumi <args>` for this stack; never throws on a non-zero exit (see {@link must}). `onStart` gets the
   * CLI's process as soon as it is spawned (to interrupt it, as a user's Ctrl-C or `kill -9` would).
   */
  run(args: string[], extraEnv: NodeJS.ProcessEnv = {}, onStart?: (child: ChildProcess) => void): Promise<CliResult> {
    const common = STACKLESS_COMMANDS.has(args[0]) ? ["--non-interactive"] : ["--stack", this.stack, "--non-interactive"];
    // The commands that read or write the stack's config take it from the workspace, not the program folder.
    if (CONFIG_COMMANDS.has(args[0])) common.push("--config-file", this.configFile);
    // Flags go before a `--` (after which everything is a value).
    const end = args.indexOf("--");
    const all = end < 0 ? [...args, ...common] : [...args.slice(0, end), ...common, ...args.slice(end)];
    const started = Date.now();
    const child = spawn(this.cli, all, { cwd: this.options.programDir, env: { ...this.env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
    onStart?.(child);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    return new Promise((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (code) => resolve({ args, code, stdout, stderr, ms: Date.now() - started }));
    });
  }

  /** Runs `pulumi <args>` and throws with its output when it fails. */
  async must(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CliResult> {
    const result = await this.run(args, extraEnv);
    if (result.code !== 0) throw new CliError(result);
    return result;
  }

  /** `pulumi preview --json`: the steps the engine would take. */
  async preview(extra: string[] = []): Promise<PreviewResult> {
    const result = await this.run(["preview", "--json", ...extra]);
    return { ...result, ...parsePreview(result) };
  }

  /** `pulumi up --yes --skip-preview`. */
  up(extra: string[] = []): Promise<CliResult> {
    return this.must(["up", "--yes", "--skip-preview", ...extra]);
  }

  /** `pulumi refresh --yes --skip-preview` (add `--preview-only` etc. through `extra`). */
  refresh(extra: string[] = []): Promise<CliResult> {
    return this.must(["refresh", "--yes", "--skip-preview", ...extra]);
  }

  /** `pulumi destroy --yes --skip-preview`. */
  destroy(extra: string[] = []): Promise<CliResult> {
    return this.must(["destroy", "--yes", "--skip-preview", ...extra]);
  }

  /** The stack's outputs (`pulumi stack output --json`, secrets shown). */
  async outputs(): Promise<Record<string, unknown>> {
    return JSON.parse((await this.must(["stack", "output", "--json", "--show-secrets"])).stdout) as Record<string, unknown>;
  }

  /** The checkpoint as the backend stores it (secrets encrypted), parsed. */
  async exportState(): Promise<StateExport> {
    return JSON.parse((await this.must(["stack", "export"])).stdout) as StateExport;
  }

  /** `pulumi stack import` of a checkpoint's text (as `exportState` gives it, edited). */
  async importState(text: string): Promise<void> {
    const file = path.join(this.dir, "import.json");
    fs.writeFileSync(file, text);
    await this.must(["stack", "import", "--file", file]);
  }

  /**
   * Repairs what a `kill -9` of `pulumi` in the middle of a state write leaves in the file backend: the backend
   * writes each file to a temporary file and renames it, but writes its `.attrs` sidecar (metadata) in place, and
   * an empty one makes every command fail with `failed to load checkpoint: EOF`. Removes the empty sidecars (the
   * backend reads a missing one as default metadata); returns their paths.
   */
  repairInterruptedWrite(): string[] {
    const stacks = path.dirname(this.stateFilePath());
    const empty = fs.readdirSync(stacks).filter((f) => f.endsWith(".attrs") && fs.statSync(path.join(stacks, f)).size === 0);
    for (const f of empty) fs.rmSync(path.join(stacks, f));
    return empty;
  }

  /** The raw text of the state file the backend wrote (what an attacker reading the backend sees). */
  stateFileText(): string {
    return fs.readFileSync(this.stateFilePath(), "utf8");
  }

  private stateFilePath(): string {
    const root = path.join(this.dir, "backend", ".pulumi", "stacks");
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (entry.name === `${this.stack}.json`) found.push(p);
      }
    };
    walk(root);
    if (found.length !== 1) throw new Error(`expected one state file for stack ${this.stack} under ${root}, found ${found.length}`);
    return found[0];
  }

  /** Deletes the workspace (home, backend, config). */
  remove(): void {
    if (!this.options.keep) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A CLI command that exited non-zero. */
export class CliError extends Error {
  override readonly name: string = "CliError";
  constructor(readonly result: CliResult) {
    super(`pulumi ${result.args.join(" ")} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  }
}

/** One step of `pulumi preview --json`. */
export interface PreviewStep {
  op: string;
  urn: string;
  diffReasons?: string[];
  replaceReasons?: string[];
}

/** What a preview says. */
export interface PreviewResult extends CliResult {
  steps: PreviewStep[];
  changeSummary: Record<string, number>;
  diagnostics: { message: string; severity: string; urn?: string }[];
}

function parsePreview(result: CliResult): Pick<PreviewResult, "steps" | "changeSummary" | "diagnostics"> {
  try {
    const doc = JSON.parse(result.stdout) as Partial<PreviewResult>;
    return { steps: doc.steps ?? [], changeSummary: doc.changeSummary ?? {}, diagnostics: doc.diagnostics ?? [] };
  } catch {
    return { steps: [], changeSummary: {}, diagnostics: [] };
  }
}

/** The parts of `pulumi stack export` the tests read. */
export interface StateExport {
  deployment: { resources?: { urn: string; type: string; id?: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }[] };
}

/** The steps of a preview that change something (not `same`), as `op name` lines. */
export function changes(preview: PreviewResult): string[] {
  return preview.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.urn.split("::").pop()}`).sort();
}
