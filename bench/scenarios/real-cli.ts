/**
 * Through the real Pulumi CLI (tools/pulumi-cli), at its default parallelism: `up` of N new records,
 * `preview` and `up` with nothing changed, `refresh` with and without its preview pass, `destroy`, each with
 * its API calls, zone refreshes and wall time, after an `up` of the same program with 0 records (the baseline:
 * what every command pays whatever the stack holds); the floor (the same CLI and program shape through a trivial
 * dynamic provider: one POST per record and one refresh); the state file the CLI wrote, at 0 and at N records;
 * and the dynamic-provider plugin host's peak RSS.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Emulator } from "../../emulator";
import { PulumiWorkspace } from "../../tools/pulumi-cli";
import { countCalls, type CallCounts } from "../call-kinds";
import { measureStateFile, type StateSize } from "../state-size";
import { BENCH_ZONE, startBenchEmulator, timed } from "../../tools/soak";

/** One command of the real-CLI run. */
export interface CliCommand {
  command: string;
  calls: CallCounts;
  ms: number;
  ok: boolean;
}

/** What the real-CLI scenario measured. */
export interface RealCliResults {
  records: number;
  commands: CliCommand[];
  floor: CliCommand;
  /** The floor stack's 0-record up, run first as for the measured stack (absent from runs before it existed). */
  floorBaseline?: CliCommand;
  /** `pulumi version` of the CLI that ran. */
  cliVersion: string;
  /** The state file the CLI wrote after the 0-record `up` and after the `up` of N records. */
  state: StateSize[];
  hostPeakRssMiB?: number;
  hostPeakRecords?: number;
}

const PROGRAM = path.resolve(__dirname, "../program");
const FLOOR = path.resolve(__dirname, "../floor-program");

function credentialsEnv(emulator: Emulator): NodeJS.ProcessEnv {
  const c = emulator.credentials;
  return { OVH_ENDPOINT: emulator.url, OVH_APPLICATION_KEY: c.applicationKey, OVH_APPLICATION_SECRET: c.applicationSecret, OVH_CONSUMER_KEY: c.consumerKey };
}

async function command(emulator: Emulator, name: string, run: () => Promise<{ code: number | null }>, ok: () => boolean): Promise<CliCommand> {
  emulator.clearLog();
  const { ms, result } = await timed(run);
  return { command: name, calls: countCalls(emulator.log), ms, ok: result.code === 0 && ok() };
}

/** Peak resident memory of the dynamic-provider plugin hosts while `work` runs, MiB (Linux /proc). */
async function peakHostRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMiB?: number }> {
  let peak = 0;
  const sample = () => {
    for (const pid of fs.existsSync("/proc") ? fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p)) : []) {
      try {
        if (!fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("cmd/dynamic-provider")) continue;
        const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
      } catch {
        // the process ended between the listing and the read
      }
    }
  };
  const timer = setInterval(sample, 100);
  try {
    const result = await work();
    return { result, peakMiB: peak || undefined };
  } finally {
    clearInterval(timer);
  }
}

/** Runs the commands for `count` records, the floor, and the memory run at `memoryRecords`. */
export async function runRealCli(count: number, latencyMs: number, memoryRecords: number): Promise<RealCliResults> {
  const emulator = await startBenchEmulator(latencyMs);
  const env = credentialsEnv(emulator);
  const config = { zoneName: BENCH_ZONE, count: String(count) };
  const records = () => emulator.zone(BENCH_ZONE).records.length;
  const commands: CliCommand[] = [];
  const state: StateSize[] = [];
  let cliVersion = "";
  try {
    const ws = await PulumiWorkspace.create({ programDir: PROGRAM, config: { ...config, count: "0" }, env });
    try {
      cliVersion = execFileSync(ws.cli, ["version"], { encoding: "utf8" }).trim();
      const engine = `Pulumi CLI ${cliVersion}`;
      commands.push(await command(emulator, "up, 0 records (baseline)", () => ws.run(["up", "--yes", "--skip-preview"]), () => records() === 0));
      state.push(measureStateFile(engine, 0, ws.stateFileText()));
      await ws.setConfig("count", String(count));
      commands.push(await command(emulator, "up (create)", () => ws.run(["up", "--yes", "--skip-preview"]), () => records() === count));
      state.push(measureStateFile(engine, count, ws.stateFileText()));
      commands.push(await command(emulator, "preview, nothing changed", () => ws.run(["preview"]), () => records() === count));
      commands.push(await command(emulator, "up, nothing changed", () => ws.run(["up", "--yes", "--skip-preview"]), () => records() === count));
      commands.push(await command(emulator, "refresh (with its preview pass)", () => ws.run(["refresh", "--yes"]), () => records() === count));
      commands.push(await command(emulator, "refresh --skip-preview", () => ws.run(["refresh", "--yes", "--skip-preview"]), () => records() === count));
      commands.push(await command(emulator, "destroy", () => ws.run(["destroy", "--yes", "--skip-preview"]), () => records() === 0));
    } finally {
      ws.remove();
    }
    const floorWs = await PulumiWorkspace.create({ programDir: FLOOR, config: { ...config, count: "0" }, env });
    let floor: CliCommand;
    let floorBaseline: CliCommand;
    try {
      // The same sequence as the measured up: a 0-record up first (the stack's first run costs more), then N.
      floorBaseline = await command(emulator, "floor: up, 0 records (baseline)", () => floorWs.run(["up", "--yes", "--skip-preview"]), () => records() === 0);
      await floorWs.setConfig("count", String(count));
      floor = await command(emulator, "floor: up (create)", () => floorWs.run(["up", "--yes", "--skip-preview"]), () => records() === count);
    } finally {
      floorWs.remove();
    }
    emulator.addZone(BENCH_ZONE, []);
    const memWs = await PulumiWorkspace.create({ programDir: PROGRAM, config: { zoneName: BENCH_ZONE, count: String(memoryRecords) }, env });
    let hostPeakRssMiB: number | undefined;
    try {
      hostPeakRssMiB = (await peakHostRss(() => memWs.run(["up", "--yes", "--skip-preview"]))).peakMiB;
    } finally {
      memWs.remove();
    }
    return { records: count, commands, floor, floorBaseline, cliVersion, state, hostPeakRssMiB, hostPeakRecords: memoryRecords };
  } finally {
    await emulator.close();
  }
}
