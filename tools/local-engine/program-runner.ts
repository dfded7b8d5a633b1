import { spawn } from "child_process";
import * as path from "path";

/** Pulumi's Node.js program runner, what the `pulumi-language-nodejs` host starts for a program. */
export const PROGRAM_RUNNER = path.dirname(require.resolve("@pulumi/pulumi/cmd/run"));

/** How to run a program. */
export interface ProgramRunOptions {
  programDir: string;
  /** The entry file, relative to `programDir` (Pulumi.yaml `main`, default `index.ts`). */
  main: string;
  project: string;
  stack: string;
  /** The gRPC address serving ResourceMonitor and Engine. */
  address: string;
  preview: boolean;
  parallel: number;
  config: Record<string, string>;
  secretKeys: string[];
  env?: NodeJS.ProcessEnv;
}

/** A running program. */
export interface RunningProgram {
  /** Resolves when the program has exited. */
  exited: Promise<ProgramExit>;
  /** Stops the program (what the engine does to a deployment it cancels). */
  kill(): void;
}

/** How the program ended. */
export interface ProgramExit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node <@pulumi/pulumi/cmd/run> --monitor --engine --project --stack --pwd --root-directory
 * --parallel [--dry-run] <main>` in the program directory, with the config in `PULUMI_CONFIG` and
 * `PULUMI_CONFIG_SECRET_KEYS`, and TypeScript through ts-node in transpile-only mode (the program
 * directory's tsconfig.json applies). The entry point is the one the CLI passes: with `.` (no `main` in
 * Pulumi.yaml, or `main` a folder), cmd/run takes the `main` of the nearest package.json, so every program
 * here has a package.json of its own, as it must under the real CLI.
 */
export function startProgram(options: ProgramRunOptions): RunningProgram {
  const args = [
    PROGRAM_RUNNER,
    `--monitor=${options.address}`,
    `--engine=${options.address}`,
    `--project=${options.project}`,
    `--stack=${options.stack}`,
    `--pwd=${options.programDir}`,
    `--root-directory=${options.programDir}`,
    `--parallel=${options.parallel}`,
    ...(options.preview ? ["--dry-run"] : []),
    options.main,
  ];
  const child = spawn(process.execPath, args, {
    cwd: options.programDir,
    env: {
      ...process.env,
      ...options.env,
      PULUMI_CONFIG: JSON.stringify(options.config),
      PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(options.secretKeys),
      PULUMI_NODEJS_TYPESCRIPT: "true",
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  // LOCAL_ENGINE_VERBOSE=1 echoes the program's output as it comes (to debug a program that hangs).
  const echo = process.env.LOCAL_ENGINE_VERBOSE === "1";
  child.stdout.setEncoding("utf8").on("data", (d: string) => ((stdout += d), echo && process.stderr.write(d)));
  child.stderr.setEncoding("utf8").on("data", (d: string) => ((stderr += d), echo && process.stderr.write(d)));
  const exited = new Promise<ProgramExit>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
  return { exited, kill: () => void child.kill() };
}
