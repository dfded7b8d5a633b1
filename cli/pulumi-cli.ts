/**
 * The `pulumi` command on the PATH, used to store credentials in the current stack's config and to read
 * the `ovh:` keys of that config as the provider will see them (docs/cli.md "Pulumi config").
 */
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { CommandFailure } from "./cli-errors";

/** The path of `pulumi` on `PATH`, or `undefined`. */
export function findPulumi(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, process.platform === "win32" ? "pulumi.exe" : "pulumi");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here: keep looking.
    }
  }
  return undefined;
}

/**
 * Runs `pulumi <args>` in `cwd`, feeding `input` on stdin; resolves with stdout, rejects naming the command. With
 * `secretOutput`, stdout may hold secrets (`--show-secrets`) and a failure shows stderr only, never stdout.
 */
export function runPulumi(pulumi: string, args: string[], input = "", secretOutput = false, cwd = process.cwd()): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(pulumi, args, { cwd, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
    child.on("error", (cause) => reject(new CommandFailure(`could not run ${pulumi}: ${cause.message}`, { cause })));
    child.on("close", (code) => {
      if (code === 0) return resolve(out);
      // The command line never holds a secret (secrets go on stdin), so it can be shown.
      const said = err.trim() || (secretOutput ? "" : out.trim());
      reject(new CommandFailure(`"pulumi ${args.join(" ")}" failed (exit ${code})${said ? `: ${said}` : secretOutput ? " (its output is not shown: it may hold secrets)" : ""}`));
    });
    child.stdin.end(input);
  });
}

/** One value to set in the stack config. */
export interface ConfigValue {
  key: string;
  value: string;
  secret: boolean;
}

/**
 * Sets values with `pulumi config set [--secret] <key>`, the value on stdin (never on the command line, where
 * `ps` would show it); `--stack` when one is named.
 */
export async function setPulumiConfig(pulumi: string, values: ConfigValue[], stack?: string): Promise<void> {
  for (const { key, value, secret } of values) {
    const args = ["config", "set", ...(secret ? ["--secret"] : []), ...(stack ? ["--stack", stack] : []), key];
    await runPulumi(pulumi, args, value);
  }
}

/** The `ovh:` keys of the stack config, secrets decrypted (`pulumi config --json --show-secrets`). */
export async function readOvhStackConfig(pulumi: string, stack?: string): Promise<Record<string, string>> {
  const out = await runPulumi(pulumi, ["config", "--json", "--show-secrets", ...(stack ? ["--stack", stack] : [])], "", true);
  let parsed: unknown;
  try {
    parsed = JSON.parse(out);
  } catch {
    // Never quoted: with --show-secrets, any part of it may be a decrypted secret (issue #19).
    throw new CommandFailure(`"pulumi config --json" did not print JSON (${out.length} characters, not shown: they may hold secrets); ` +
      "run `pulumi config --json` to see what it prints");
  }
  const values: Record<string, string> = {};
  for (const [key, entry] of Object.entries((parsed ?? {}) as Record<string, { value?: unknown }>)) {
    if (!key.startsWith("ovh:") || entry?.value === undefined || entry.value === null) continue;
    values[key.slice(4)] = String(entry.value);
  }
  return values;
}
