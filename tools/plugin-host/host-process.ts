import { spawn, type ChildProcess } from "child_process";

/** Path of Pulumi's dynamic-provider plugin host (what the CLI runs as `pulumi-resource-pulumi-nodejs`). */
export const DYNAMIC_PROVIDER_HOST = require.resolve("@pulumi/pulumi/cmd/dynamic-provider");

/** How to start the host, as the engine does. */
export interface HostProcessOptions {
  /** The program's directory: the engine starts every plugin there. */
  cwd: string;
  /** The project name (`PULUMI_NODEJS_PROJECT`, `PULUMI_PROJECT`): `configure` prefixes bare keys with it. */
  project: string;
  /** The stack config, flat (`"ovh:applicationKey" -> value`), sent as `PULUMI_CONFIG`. */
  config: Record<string, string>;
  /** The engine's gRPC address; the host only checks that one is given (docs/pulumi-dynamic-providers.md). */
  engineAddress?: string;
  /** Extra environment for the host. */
  env?: NodeJS.ProcessEnv;
  /**
   * The script to start instead of Pulumi's dynamic-provider host: another provider plugin that speaks the same
   * protocol and prints its port the same way (the `ovhdns` plugin, dist/provider/plugin/main.js).
   */
  script?: string;
}

/** A running host process. */
export interface HostProcess {
  /** The port the host listens on, on 127.0.0.1. */
  port: number;
  /** The child process. */
  child: ChildProcess;
  /** Everything the host wrote on stderr so far. */
  stderr(): string;
  /** Everything the host wrote on stdout after the port line (providers' console.log lands here). */
  stdout(): string;
  /** Kills the host and resolves when it has exited. */
  kill(): Promise<void>;
}

/**
 * Starts `node <@pulumi/pulumi/cmd/dynamic-provider> <engine-address>` and waits for the port it prints
 * as its first stdout line.
 */
export function startHostProcess(options: HostProcessOptions): Promise<HostProcess> {
  const child = spawn(process.execPath, [options.script ?? DYNAMIC_PROVIDER_HOST, options.engineAddress ?? "127.0.0.1:1"], {
    cwd: options.cwd,
    env: {
      ...process.env,
      ...options.env,
      PULUMI_NODEJS_PROJECT: options.project,
      PULUMI_PROJECT: options.project,
      PULUMI_CONFIG: JSON.stringify(options.config),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let stdout = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  };
  return new Promise((resolve, reject) => {
    let port: number | undefined;
    const onExit = (code: number | null): void => {
      reject(new Error(`the dynamic-provider host exited (code ${code}) before printing its port; stderr:\n${stderr}`));
    };
    child.once("exit", onExit);
    child.once("error", reject);
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      if (port !== undefined) return void (stdout += d);
      const text = stdout + d;
      const newline = text.indexOf("\n");
      if (newline < 0) return void (stdout = text);
      port = Number(text.slice(0, newline).trim());
      stdout = text.slice(newline + 1);
      child.off("exit", onExit);
      if (!Number.isInteger(port)) {
        void kill();
        return reject(new Error(`the dynamic-provider host printed no port but ${JSON.stringify(text)}`));
      }
      resolve({ port, child, stderr: () => stderr, stdout: () => stdout, kill });
    });
  });
}
