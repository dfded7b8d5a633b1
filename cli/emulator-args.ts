/**
 * Command-line flags of `npm run emulator` (cli/emulator.ts), parsed into emulator options.
 * Kept apart from the entry point so it can be tested without starting a process.
 */
import { parseArgs } from "node:util";
import type { EmulatorOptions, SeedRecord } from "../emulator";

/** Usage text printed by `--help` and on bad flags. */
export const EMULATOR_USAGE = `Usage: npm run emulator -- [flags]
  --port N          listen on 127.0.0.1:N (default 0: a free port)
  --zone NAME       create zone NAME with a few records (repeatable)
  --state FILE      keep zones in FILE (loaded at start, written after each change)
  --latency MS      add MS milliseconds to every answer
  --fault-rate R    answer a 500 (nothing applied) to a fraction R of calls, 0..1
  --rate-limit N    allow N calls per minute per consumer key or OAuth2 client
  --seed N          seed of the fault draws (default 1)
  --help            print this text`;

/** What the flags ask for. */
export type EmulatorCliArgs = { help: true } | { help: false; options: EmulatorOptions };

/** A few records that make a seeded zone look like a real one. */
export function demoRecords(zone: string): SeedRecord[] {
  return [
    { subDomain: "", fieldType: "A", target: "192.0.2.10", ttl: 3600 },
    { subDomain: "www", fieldType: "CNAME", target: `${zone}.`, ttl: 3600 },
    { subDomain: "", fieldType: "MX", target: `10 mail.${zone}.`, ttl: 0 },
    { subDomain: "", fieldType: "TXT", target: "v=spf1 -all", ttl: 0 },
  ];
}

/** The flag values, as strings, before they are checked. */
export interface EmulatorFlagValues {
  port?: string;
  zone?: string[];
  state?: string;
  latency?: string;
  "fault-rate"?: string;
  "rate-limit"?: string;
  seed?: string;
}

/** Parses the flags; throws an Error naming the bad flag. */
export function parseEmulatorArgs(argv: string[]): EmulatorCliArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: "string" },
      zone: { type: "string", multiple: true },
      state: { type: "string" },
      latency: { type: "string" },
      "fault-rate": { type: "string" },
      "rate-limit": { type: "string" },
      seed: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return { help: true };
  return { help: false, options: emulatorOptionsFrom(values) };
}

/** Checks flag values and turns them into emulator options; throws an Error naming the bad flag. */
export function emulatorOptionsFrom(values: EmulatorFlagValues): EmulatorOptions {
  const options: EmulatorOptions = {};
  if (values.port !== undefined) options.port = integer("--port", values.port, 0, 65535);
  if (values.zone !== undefined) {
    options.zones = Object.fromEntries(values.zone.map((zone) => [zone, demoRecords(zone)]));
  }
  if (values.state !== undefined) options.stateFile = values.state;
  if (values.seed !== undefined) options.seed = integer("--seed", values.seed, 0, 2 ** 32 - 1);
  const latencyMs = values.latency === undefined ? undefined : integer("--latency", values.latency, 0, 600_000);
  const serverErrorRate = values["fault-rate"] === undefined ? undefined : rate(values["fault-rate"]);
  if (latencyMs !== undefined || serverErrorRate !== undefined) options.faults = { latencyMs, serverErrorRate };
  if (values["rate-limit"] !== undefined) {
    options.rateLimit = { perMinute: integer("--rate-limit", values["rate-limit"], 1, 1_000_000) };
  }
  return options;
}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new Error(`${flag} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function rate(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new Error(`--fault-rate must be a number from 0 to 1, got "${text}"`);
  }
  return value;
}
