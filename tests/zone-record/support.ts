/** Shared set-up of the in-process lifecycle tests: an emulator and a provider configured against it. */
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";
import { OvhClient, resolveCredentials } from "../../provider/ovh";
import { SessionPool, ZoneRecordProvider } from "../../provider/zone-record";

export interface Rig {
  emulator: Emulator;
  provider: ZoneRecordProvider;
  config: Record<string, string>;
}

/** Stack config holding the emulator's working credentials, as `pulumi config set --secret` would. */
export function stackConfigFor(emulator: Emulator): Record<string, string> {
  const c = emulator.credentials;
  return {
    "ovh:endpoint": emulator.url,
    "ovh:applicationKey": c.applicationKey,
    "ovh:applicationSecret": c.applicationSecret,
    "ovh:consumerKey": c.consumerKey,
  };
}

/** Starts an emulator with `example.com` and a provider whose waits are short (`sleep`: the create's waits). */
export async function startRig(
  options: EmulatorOptions = {},
  config?: (e: Emulator) => Record<string, string>,
  sleep: (ms: number) => Promise<void> = async () => undefined,
): Promise<Rig> {
  const emulator = await startEmulator({ zones: { "example.com": [] }, refreshDurationMs: 5, ...options });
  const provider = new ZoneRecordProvider(
    new SessionPool(undefined, { refresh: { settleMs: 2 }, refreshRetry: { baseDelayMs: 5 }, sleep }),
  );
  const stack = config ? config(emulator) : stackConfigFor(emulator);
  await provider.configure({ config: { get: (key: string) => stack[key], require: (key: string) => stack[key] } });
  return { emulator, provider, config: stack };
}

/** The records of a zone as `type name target ttl` lines, sorted. */
export function zoneLines(emulator: Emulator, zone = "example.com"): string[] {
  return emulator.zone(zone).records.map((r) => `${r.fieldType} ${r.subDomain} ${r.target} ${r.ttl}`).sort();
}

/** A client of the same account that is not Pulumi: someone editing the zone by hand. */
export function behindPulumi(rig: Pick<Rig, "emulator">): OvhClient {
  const c = rig.emulator.credentials;
  return new OvhClient({
    credentials: resolveCredentials({
      explicit: { endpoint: rig.emulator.url, applicationKey: c.applicationKey, applicationSecret: c.applicationSecret, consumerKey: c.consumerKey },
      env: {},
      confFiles: [],
    }),
  });
}
