/**
 * `pulumi-ovh-dns emulator`: the local OVH API emulator as a command of the installed package. Prints
 * `export` lines that paste into a shell, then serves until Ctrl-C or SIGTERM; with `--log`, one line per request
 * on stderr (emulator-log.ts).
 */
import { Command } from "commander";
import { startEmulator, type Emulator } from "../emulator";
import { UsageError } from "./cli-errors";
import { shellQuote } from "./credentials/store";
import { emulatorOptionsFrom, type EmulatorFlagValues } from "./emulator-args";
import { requestLine } from "./emulator-log";

/** The `emulator` command. */
export function emulatorCommand(): Command {
  return new Command("emulator")
    .description("run a local OVH API (127.0.0.1) and print the export lines that point the provider at it")
    .option("--port <n>", "listen on 127.0.0.1:<n> (default 0: a free port)")
    .option("--zone <name>", "create zone <name> with a few records (repeatable)", (v: string, all: string[] = []) => [...all, v])
    .option("--state <file>", "keep zones in <file> (loaded at start, written after each change)")
    .option("--latency <ms>", "add <ms> milliseconds to every answer")
    .option("--fault-rate <r>", "answer a 500 (nothing applied) to a fraction <r> of calls, 0..1")
    .option("--rate-limit <n>", "allow <n> calls per minute per consumer key or OAuth2 client")
    .option("--seed <n>", "seed of the fault draws (default 1)")
    .option("--log", "print one line per request on stderr: time, method, path, status, outcome")
    .action(async (flags: Record<string, string | string[] | boolean | undefined>) => {
      const values: EmulatorFlagValues = {
        port: flags.port as string | undefined,
        zone: flags.zone as string[] | undefined,
        state: flags.state as string | undefined,
        latency: flags.latency as string | undefined,
        "fault-rate": flags.faultRate as string | undefined,
        "rate-limit": flags.rateLimit as string | undefined,
        seed: flags.seed as string | undefined,
      };
      let options;
      try {
        options = emulatorOptionsFrom(values);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      if (flags.log) options.onRequest = (entry) => process.stderr.write(`${requestLine(entry)}\n`);
      await serve(await startEmulator(options));
    });
}

/**
 * The lines printed at start: a comment, four `export` lines, the OAuth2 alternative commented out, where to
 * see the zones.
 */
function emulatorExportLines(emulator: Emulator): string[] {
  const c = emulator.credentials;
  return [
    `# OVH API emulator listening on ${emulator.url}; paste these lines into a shell:`,
    `export OVH_ENDPOINT=${shellQuote(c.endpoint)}`,
    `export OVH_APPLICATION_KEY=${shellQuote(c.applicationKey)}`,
    `export OVH_APPLICATION_SECRET=${shellQuote(c.applicationSecret)}`,
    `export OVH_CONSUMER_KEY=${shellQuote(c.consumerKey)}`,
    // One auth method at a time: OAuth2 is a commented alternative.
    `# OAuth2 instead of the keys above (token URL ${emulator.origin}/auth/oauth2/token):`,
    `# export OVH_CLIENT_ID=${shellQuote(c.clientId)} OVH_CLIENT_SECRET=${shellQuote(c.clientSecret)}`,
    `# The zones as they are now, read-only: open ${emulator.origin}/ (or curl it).`,
    "# Ctrl-C to stop.",
  ];
}

function serve(emulator: Emulator): Promise<void> {
  for (const line of emulatorExportLines(emulator)) process.stdout.write(`${line}\n`);
  return new Promise((resolve, reject) => {
    const stop = (signal: string) => {
      process.off("SIGINT", onInt).off("SIGTERM", onTerm);
      process.stderr.write(`# ${signal}: stopping the emulator\n`);
      emulator.close().then(resolve, reject);
    };
    const onInt = () => stop("SIGINT");
    const onTerm = () => stop("SIGTERM");
    process.on("SIGINT", onInt).on("SIGTERM", onTerm);
  });
}
