import * as path from "path";
import type { LocalEngineOptions } from "./types";

/** The operations the CLI runs. */
export const OPERATIONS = ["preview", "up", "refresh", "destroy"] as const;
export type CliOperation = (typeof OPERATIONS)[number];

/** Usage text. */
export const USAGE =
  "usage: ts-node tools/local-engine/cli.ts <preview|up|refresh|destroy> --program <dir> --stack <name> --state <file>\n" +
  "       [--project <name>] [--config key=value]... [--secret key=value]... [--parallel n]\n" +
  "Secrets in the state file are encrypted with PULUMI_CONFIG_PASSPHRASE (or a fixed test passphrase).";

/** Parses the CLI's arguments; throws with a message (and the usage) on bad input. */
export function parseCliArgs(argv: string[], cwd = process.cwd()): { operation: CliOperation; options: LocalEngineOptions } {
  const [operation, ...rest] = argv;
  if (!OPERATIONS.includes(operation as CliOperation)) throw new Error(`unknown operation ${JSON.stringify(operation)}\n${USAGE}`);
  const flags: Record<string, string> = {};
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (!flag.startsWith("--") || value === undefined) throw new Error(`expected --flag value, got ${JSON.stringify(flag)}\n${USAGE}`);
    const name = flag.slice(2);
    if (name === "config" || name === "secret") {
      const eq = value.indexOf("=");
      if (eq <= 0) throw new Error(`--${name} takes key=value, got ${JSON.stringify(value)}`);
      config[value.slice(0, eq)] = value.slice(eq + 1);
      if (name === "secret") secretKeys.push(value.slice(0, eq));
    } else if (["program", "stack", "state", "project", "parallel"].includes(name)) {
      flags[name] = value;
    } else {
      throw new Error(`unknown flag ${flag}\n${USAGE}`);
    }
  }
  for (const required of ["program", "stack", "state"]) {
    if (!flags[required]) throw new Error(`--${required} is required\n${USAGE}`);
  }
  const options: LocalEngineOptions = {
    programDir: path.resolve(cwd, flags.program),
    stack: flags.stack,
    statePath: path.resolve(cwd, flags.state),
    config,
    secretKeys,
  };
  if (flags.project) options.project = flags.project;
  if (flags.parallel) options.parallel = Number(flags.parallel);
  return { operation: operation as CliOperation, options };
}
