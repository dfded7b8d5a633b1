/**
 * The `pulumi-ovh-dns` command: its subcommands on commander, and the mapping of every outcome to an exit
 * code (0 ok, 1 failure, 2 usage; cli/cli-errors.ts).
 */
import { Command, CommanderError } from "commander";
import { OvhError } from "../provider/ovh";
import { CommandFailure, EXIT_FAILURE, EXIT_USAGE, UsageError } from "./cli-errors";
import { credentialsCommand } from "./credentials/command";
import { doctorCommand } from "./doctor/command";
import { emulatorCommand } from "./emulator-command";
import { exportCommand } from "./export/command";
import { pluginCommand } from "./plugin-command";

/** The program with every subcommand; commander's own exits are turned into exceptions. */
function buildProgram(version: string): Command {
  const program = new Command("pulumi-ovh-dns")
    .description("OVHcloud DNS on Pulumi: credentials, checks, zone export, a local OVH API emulator and the resource provider plugin")
    .version(version)
    .showHelpAfterError("(add --help for usage)")
    .exitOverride();
  for (const command of [credentialsCommand(), doctorCommand(), exportCommand(), emulatorCommand(), pluginCommand(version)]) {
    program.addCommand(command.exitOverride().showHelpAfterError("(add --help for usage)"));
  }
  return program;
}

/** Runs the program on `argv` (without node and script) and returns the exit code; never throws. */
export async function runProgram(argv: string[], version: string): Promise<number> {
  const program = buildProgram(version);
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    return exitCodeOf(err);
  }
}

/** Prints the error (never a stack trace for an expected failure) and says which exit code it means. */
function exitCodeOf(err: unknown): number {
  if (err instanceof CommanderError) {
    // Help and version are "errors" only to commander; it has already printed the message.
    return err.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`error: ${err.message}\n(add --help for usage)\n`);
    return EXIT_USAGE;
  }
  if (err instanceof CommandFailure || err instanceof OvhError) {
    process.stderr.write(`error: ${err.message}\n`);
    return EXIT_FAILURE;
  }
  process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return EXIT_FAILURE;
}
