/**
 * Scenario 1: applying N new records, three ways, each against a fresh emulator with the same latency:
 * this provider through the plugin host; the call pattern of terraform-provider-ovh (per record POST, POST
 * refresh, GET the record) through the same OvhClient; and the floor (N POSTs and one refresh).
 */
import type { Emulator } from "../../emulator";
import type { OvhClient } from "../../provider/ovh";
import { countCalls, type CallCounts } from "../call-kinds";
import { BENCH_ZONE, declareRecords, stackConfig, startBenchEmulator, startBenchHost, timed } from "../../tools/soak";
import { createAll } from "../host-steps";
import { SessionPool, ZoneRecordProvider } from "../../provider/zone-record";
import { directClient } from "../rig";

/** Calls and wall time of one way of applying the records. */
export interface ApplyRun {
  calls: CallCounts;
  ms: number;
  /** Records in the zone afterwards. */
  recordsInZone: number;
}

/** The three runs of scenario 1. */
export interface ApplyResult {
  records: number;
  provider: ApplyRun;
  /** The same provider code called in-process: what the plugin host's gRPC round trips cost is the gap. */
  inProcess: ApplyRun;
  terraformPattern: ApplyRun;
  floor: ApplyRun;
}

const ZONE_PATH = `/domain/zone/${BENCH_ZONE}`;
const body = (i: number) => ({ fieldType: "A", subDomain: `h${i}`, target: `10.0.${(i >> 8) & 255}.${i & 255}`, ttl: 3600 });

async function onFreshEmulator<T>(latencyMs: number, work: (e: Emulator) => Promise<T>): Promise<{ run: ApplyRun; result: T }> {
  const emulator = await startBenchEmulator(latencyMs);
  try {
    const { ms, result } = await timed(() => work(emulator));
    return { run: { calls: countCalls(emulator.log), ms, recordsInZone: emulator.zone(BENCH_ZONE).records.length }, result };
  } finally {
    await emulator.close();
  }
}

/** terraform-provider-ovh's create: POST, refresh (a failure only logged), then Read (GET the record). */
async function terraformCreate(client: OvhClient, i: number): Promise<void> {
  const made = await client.post<{ id: number }>(`${ZONE_PATH}/record`, body(i));
  await client.post(`${ZONE_PATH}/refresh`).catch(() => undefined);
  await client.get(`${ZONE_PATH}/record/${made.id}`);
}

/**
 * Runs scenario 1 with `count` records; `reverse` runs the four ways in the opposite order (the floor first), so
 * that rounds alternating it do not favour whichever runs first on a machine whose load drifts.
 */
export async function runApply(count: number, latencyMs: number, reverse = false): Promise<ApplyResult> {
  const declared = declareRecords(count);
  // The host is started (and configured) before the clock starts: the engine does that before any step too.
  const runProvider = async () => {
    const emulator = await startBenchEmulator(latencyMs);
    const bench = await startBenchHost(emulator);
    try {
      emulator.clearLog();
      const { ms } = await timed(() => createAll(bench.host, declared));
      return { calls: countCalls(emulator.log), ms, recordsInZone: emulator.zone(BENCH_ZONE).records.length };
    } finally {
      await bench.close();
      await emulator.close();
    }
  };
  const withClient = (work: (client: OvhClient) => Promise<unknown>) => (e: Emulator) => {
    const client = directClient(e);
    return work(client).finally(() => client.close());
  };
  const runInProcess = () => onFreshEmulator(latencyMs, async (e) => {
    const config = stackConfig(e);
    const provider = new ZoneRecordProvider(new SessionPool());
    await provider.configure({ config: { get: (key: string) => config[key], require: (key: string) => config[key] } });
    await Promise.all(declared.map(async (d) => provider.create((await provider.check({}, d.inputs)).inputs)));
  });
  const runTerraform = () => onFreshEmulator(latencyMs, withClient((client) =>
    Promise.all(declared.map((_, i) => terraformCreate(client, i)))));
  const runFloor = () => onFreshEmulator(latencyMs, withClient(async (client) => {
    await Promise.all(declared.map((_, i) => client.post(`${ZONE_PATH}/record`, body(i))));
    await client.post(`${ZONE_PATH}/refresh`);
  }));
  const runs: Partial<Omit<ApplyResult, "records">> = {};
  const ways = [
    async () => void (runs.provider = await runProvider()),
    async () => void (runs.inProcess = (await runInProcess()).run),
    async () => void (runs.terraformPattern = (await runTerraform()).run),
    async () => void (runs.floor = (await runFloor()).run),
  ];
  for (const way of reverse ? ways.reverse() : ways) await way();
  return { records: count, ...(runs as Omit<ApplyResult, "records">) };
}
