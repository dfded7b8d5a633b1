import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CliOperation } from "./cli-args";

/** The `pulumi` executable on the PATH, or undefined (`which pulumi`). */
export function findPulumiCli(): string | undefined {
  try {
    return execFileSync("which", ["pulumi"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Options of {@link runWithPulumiCli}: the same program and stack as a {@link LocalEngine}. */
export interface PulumiCliOptions {
  programDir: string;
  stack: string;
  config?: Record<string, string>;
  secretKeys?: string[];
  /** The local backend directory (`PULUMI_BACKEND_URL=file://...`); a temporary one by default. */
  backendDir?: string;
  passphrase?: string;
  env?: NodeJS.ProcessEnv;
}

/** What the CLI printed. */
export interface PulumiCliResult {
  ok: boolean;
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(pulumi: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<PulumiCliResult> {
  const child = spawn(pulumi, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ ok: code === 0, code, stdout, stderr }));
  });
}

/**
 * Runs the same operation through the real Pulumi CLI, with a local file backend and a passphrase secrets
 * provider, so scenario tests can compare both engines. The stack's config file is kept in the backend
 * directory (`--config-file`), so the program directory is not written to.
 */
export async function runWithPulumiCli(operation: CliOperation, options: PulumiCliOptions): Promise<PulumiCliResult> {
  const pulumi = findPulumiCli();
  if (!pulumi) throw new Error("no pulumi CLI on the PATH");
  const backendDir = options.backendDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-backend-"));
  fs.mkdirSync(backendDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    PULUMI_BACKEND_URL: `file://${backendDir}`,
    PULUMI_CONFIG_PASSPHRASE: options.passphrase ?? "local-engine-test-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
  };
  const configFile = path.join(backendDir, `Pulumi.${options.stack}.yaml`);
  const common = ["--stack", options.stack, "--non-interactive"];
  const selected = await run(pulumi, ["stack", "select", "--create", options.stack, "--non-interactive"], options.programDir, env);
  if (!selected.ok) return selected;
  for (const [key, value] of Object.entries(options.config ?? {})) {
    const secret = options.secretKeys?.includes(key) ? ["--secret"] : [];
    const set = await run(pulumi, ["config", "set", ...secret, "--config-file", configFile, ...common, key, value], options.programDir, env);
    if (!set.ok) return set;
  }
  const args = operation === "preview" ? ["preview"] : [operation, "--yes", "--skip-preview"];
  return run(pulumi, [...args, "--config-file", configFile, ...common], options.programDir, env);
}
