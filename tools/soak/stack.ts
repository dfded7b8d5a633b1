/**
 * The stack the soak and the benchmarks run against: an emulator with one empty zone and a set latency, and
 * Pulumi's real dynamic-provider plugin host started as the engine starts it (cwd = the repository,
 * `PULUMI_CONFIG` with the credentials, the secret keys marked), whose process id is kept for /proc readings.
 */
import * as path from "node:path";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";
import { ProviderHost } from "../plugin-host";
import { startHostProcess } from "../plugin-host/host-process";
import { BENCH_PROJECT, BENCH_ZONE } from "./desired-state";

// From dist/tools/soak or tools/soak alike, the repository is where package.json is (the host loads the
// provider through the package's self-link).
const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? "../../.." : "../..");
const SECRET_KEYS = ["ovh:applicationSecret", "ovh:consumerKey"];

/** Starts an emulator holding the empty bench zone, answering every call after `latencyMs`. */
export function startBenchEmulator(latencyMs: number, options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ zones: { [BENCH_ZONE]: [] }, ...options, faults: { latencyMs, ...options.faults } });
}

/** Stack config holding the emulator's credentials, plus any extra `ovh:` keys. */
export function stackConfig(emulator: Emulator, extra: Record<string, string> = {}): Record<string, string> {
  const c = emulator.credentials;
  return { "ovh:endpoint": emulator.url, "ovh:applicationKey": c.applicationKey, "ovh:applicationSecret": c.applicationSecret, "ovh:consumerKey": c.consumerKey, ...extra };
}

/** A configured plugin host and the id of its process. */
export interface BenchHost {
  host: ProviderHost;
  pid: number;
  close(): Promise<void>;
}

/** Starts and configures a plugin host against `emulator`, as one `pulumi up` (or preview, refresh) would. */
export async function startBenchHost(emulator: Emulator, extra: Record<string, string> = {}): Promise<BenchHost> {
  const config = stackConfig(emulator, extra);
  const options = { cwd: ROOT, project: BENCH_PROJECT, config, secretKeys: SECRET_KEYS };
  const proc = await startHostProcess(options);
  const host = new ProviderHost(proc, options);
  await host.configure();
  const pid = proc.child.pid;
  if (pid === undefined) throw new Error("the plugin host has no process id");
  return { host, pid, close: () => host.close() };
}

/** Milliseconds taken by `work`, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}
