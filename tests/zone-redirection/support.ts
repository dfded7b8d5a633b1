/** An emulator and the ZoneRecord and ZoneRedirection providers over one session pool, configured against it. */
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";
import { SessionPool, ZoneRecordProvider } from "../../provider/zone-record";
import { ZoneRedirectionProvider } from "../../provider/zone-redirection";
import { stackConfigFor } from "../zone-record/support";

export interface RedirectionRig {
  emulator: Emulator;
  records: ZoneRecordProvider;
  redirections: ZoneRedirectionProvider;
}

/** Starts an emulator with `example.com` and both providers on one pool, as provider/index.ts has them. */
export async function startRedirectionRig(options: EmulatorOptions = {}, config?: (e: Emulator) => Record<string, string>): Promise<RedirectionRig> {
  const emulator = await startEmulator({ zones: { "example.com": [] }, refreshDurationMs: 5, ...options });
  const pool = new SessionPool(undefined, { refresh: { settleMs: 2 }, refreshRetry: { baseDelayMs: 5, attempts: 2 }, sleep: async () => undefined });
  const records = new ZoneRecordProvider(pool);
  const redirections = new ZoneRedirectionProvider(pool);
  const stack = config ? config(emulator) : stackConfigFor(emulator);
  const req = { config: { get: (key: string) => stack[key], require: (key: string) => stack[key] } };
  await records.configure(req);
  await redirections.configure(req);
  return { emulator, records, redirections };
}

/** The zone's records as `name type target` lines, sorted. */
export function recordLines(emulator: Emulator, zone = "example.com"): string[] {
  return emulator.zone(zone).records.map((r) => `${r.subDomain} ${r.fieldType} ${r.target}`).sort();
}
