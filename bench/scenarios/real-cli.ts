/**
 * Through the real Pulumi CLI (tools/pulumi-cli), at its default parallelism, in interleaved rounds: each round
 * runs the measured set (bench/program on a fresh stack: an `up` of 0 records, the baseline every command pays,
 * then `up` of N new records, `preview` and `up` with nothing changed, `refresh --skip-preview`, `destroy`) and
 * the floor set (bench/floor-program on a fresh stack: the 0-record `up`, the `up` of N, a preview with nothing
 * changed), the floor first in odd rounds and second in even ones, against one emulator whose zone is emptied
 * before each set. Then the measured and floor sets once at `scaleRecords` (with the plugin hosts' peak RSS), and one round
 * at a realistic latency on an emulator of its own. Each command keeps its API calls, zone refreshes, wall time
 * and where the time went (start-up to the first API call, the calls, the last call to exit).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Emulator } from "../../emulator";
import { PulumiWorkspace, requirePulumiCli } from "../../tools/pulumi-cli";
import { countCalls, type CallCounts } from "../call-kinds";
import { measureStateFile, stateParts, type StateParts, type StateSize } from "../state-size";
import { BENCH_ZONE, startBenchEmulator, timed } from "../../tools/soak";

/** One command of the real-CLI run. */
export interface CliCommand {
  command: string;
  calls: CallCounts;
  ms: number;
  ok: boolean;
  /** Where the wall time went: before the first API call, from the first to the last call, after the last. */
  profile?: { startMs: number; callsMs: number; endMs: number };
  /** The plugin host's peak RSS during the command, MiB (sampled, when asked). */
  hostPeakRssMiB?: number;
}

/** One round: the measured set and the floor set, in the order they ran. */
export interface Round {
  floorFirst: boolean;
  measured: CliCommand[];
  floor: CliCommand[];
}

/** What the real-CLI scenario measured. */
export interface RealCliResults {
  records: number;
  latencyMs: number;
  /** `pulumi version` of the CLI that ran. */
  cliVersion: string;
  rounds: Round[];
  /** The state file after the 0-record `up` and after the `up` of N records (first round), and what a record holds. */
  state: StateSize[];
  stateParts?: StateParts;
  /** The measured set once at `records` records, with the host's peak RSS of each command. */
  scale?: { records: number; commands: CliCommand[] };
  /** One round at a realistic latency. */
  slow?: { latencyMs: number; round: Round };
  hostPeakRssMiB?: number;
  hostPeakRecords?: number;
}

/** What to run. */
export interface RealCliOptions {
  records: number;
  latencyMs: number;
  rounds: number;
  /** Records of the scale set (0: none). */
  scaleRecords: number;
  /** Latency of the realistic round (0: none). */
  slowLatencyMs: number;
  /** Progress lines. */
  log?: (line: string) => void;
}

const PROGRAM = path.resolve(__dirname, "../program");
const FLOOR = path.resolve(__dirname, "../floor-program");

/** Command names, shared by the report. */
export const CMD = {
  baseline: "up, 0 records (baseline)",
  up: "up (create)",
  preview: "preview, nothing changed",
  upSame: "up, nothing changed",
  refresh: "refresh --skip-preview",
  destroy: "destroy",
} as const;

function credentialsEnv(emulator: Emulator): NodeJS.ProcessEnv {
  const c = emulator.credentials;
  return { OVH_ENDPOINT: emulator.url, OVH_APPLICATION_KEY: c.applicationKey, OVH_APPLICATION_SECRET: c.applicationSecret, OVH_CONSUMER_KEY: c.consumerKey };
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

/** One stack of a program on the emulator, whose commands are timed with their calls. */
class Stack {
  private constructor(private readonly emulator: Emulator, private readonly ws: PulumiWorkspace) {}

  static async create(emulator: Emulator, programDir: string): Promise<Stack> {
    emulator.addZone(BENCH_ZONE, []); // an empty zone for every set
    const ws = await PulumiWorkspace.create({ programDir, config: { zoneName: BENCH_ZONE, count: "0" }, env: credentialsEnv(emulator) });
    return new Stack(emulator, ws);
  }

  setCount(count: number): Promise<void> {
    return this.ws.setConfig("count", String(count));
  }

  async command(name: string, args: string[], expected: number, sampleRss = false): Promise<CliCommand> {
    this.emulator.clearLog();
    const started = Date.now();
    const run = () => timed(() => this.ws.run(args));
    const { result: { ms, result }, peakMiB } = sampleRss ? await peakHostRss(run) : { result: await run(), peakMiB: undefined };
    const log = this.emulator.log;
    const ok = result.code === 0 && this.emulator.zone(BENCH_ZONE).records.length === expected;
    if (result.code !== 0) process.stderr.write(`bench:cli: ${name} failed:\n${result.stderr.slice(-2000)}\n`);
    const profile = log.length === 0 ? undefined : {
      startMs: log[0].at - started,
      callsMs: log[log.length - 1].at - log[0].at,
      endMs: started + ms - log[log.length - 1].at,
    };
    return { command: name, calls: countCalls(log), ms, ok, profile, ...(sampleRss ? { hostPeakRssMiB: peakMiB } : {}) };
  }

  stateText(): string {
    return this.ws.stateFileText();
  }

  remove(): void {
    this.ws.remove();
  }
}

const UP = ["up", "--yes", "--skip-preview"];

/** The measured set of `count` records; `onState` gets the state file's text at 0 and at `count`. */
async function measuredSet(emulator: Emulator, count: number, sampleRss: boolean, onState?: (records: number, text: string) => void): Promise<CliCommand[]> {
  const stack = await Stack.create(emulator, PROGRAM);
  try {
    const commands = [await stack.command(CMD.baseline, UP, 0, sampleRss)];
    onState?.(0, stack.stateText());
    await stack.setCount(count);
    commands.push(await stack.command(CMD.up, UP, count, sampleRss));
    onState?.(count, stack.stateText());
    commands.push(await stack.command(CMD.preview, ["preview"], count, sampleRss));
    commands.push(await stack.command(CMD.upSame, UP, count, sampleRss));
    commands.push(await stack.command(CMD.refresh, ["refresh", "--yes", "--skip-preview"], count, sampleRss));
    commands.push(await stack.command(CMD.destroy, ["destroy", "--yes", "--skip-preview"], 0, sampleRss));
    return commands;
  } finally {
    stack.remove();
  }
}

/** The floor set: the same 0-record up first (a stack's first run costs more), the up of `count`, a preview. */
async function floorSet(emulator: Emulator, count: number, sampleRss = false): Promise<CliCommand[]> {
  const stack = await Stack.create(emulator, FLOOR);
  try {
    const commands = [await stack.command(`floor: ${CMD.baseline}`, UP, 0, sampleRss)];
    await stack.setCount(count);
    commands.push(await stack.command(`floor: ${CMD.up}`, UP, count, sampleRss));
    commands.push(await stack.command(`floor: ${CMD.preview}`, ["preview"], count, sampleRss));
    return commands;
  } finally {
    stack.remove();
  }
}

async function round(emulator: Emulator, count: number, floorFirst: boolean, onState?: (records: number, text: string) => void): Promise<Round> {
  if (floorFirst) {
    const floor = await floorSet(emulator, count);
    return { floorFirst, floor, measured: await measuredSet(emulator, count, false, onState) };
  }
  const measured = await measuredSet(emulator, count, false, onState);
  return { floorFirst, measured, floor: await floorSet(emulator, count) };
}

/** Runs the rounds, the scale set and the realistic-latency round. */
export async function runRealCli(options: RealCliOptions): Promise<RealCliResults> {
  const log = options.log ?? (() => undefined);
  const emulator = await startBenchEmulator(options.latencyMs);
  const state: StateSize[] = [];
  let parts: StateParts | undefined;
  const cliVersion = execFileSync(requirePulumiCli(), ["version"], { encoding: "utf8" }).trim();
  try {
    const rounds: Round[] = [];
    for (let i = 0; i < options.rounds; i++) {
      log(`round ${i + 1} of ${options.rounds} (${options.records} records, ${i % 2 === 0 ? "floor" : "measured"} first)`);
      rounds.push(await round(emulator, options.records, i % 2 === 0, i > 0 ? undefined : (records, text) => {
        
        state.push(measureStateFile(`Pulumi CLI ${cliVersion}`, records, text));
        if (records > 0) parts = stateParts(text);
      }));
    }
    let scale: RealCliResults["scale"];
    if (options.scaleRecords > 0) {
      log(`scale: ${options.scaleRecords} records, with the plugin host's peak RSS`);
      // The floor's host too: what Pulumi's dynamic-provider host holds with a provider that keeps nothing.
      const commands = await measuredSet(emulator, options.scaleRecords, true);
      scale = { records: options.scaleRecords, commands: [...commands, ...(await floorSet(emulator, options.scaleRecords, true))] };
    }
    let slow: RealCliResults["slow"];
    if (options.slowLatencyMs > 0) {
      log(`one round at ${options.slowLatencyMs} ms a call`);
      const slowEmulator = await startBenchEmulator(options.slowLatencyMs);
      try {
        slow = { latencyMs: options.slowLatencyMs, round: await round(slowEmulator, options.records, true) };
      } finally {
        await slowEmulator.close();
      }
    }
    const peaks = (scale?.commands ?? []).filter((c) => !c.command.startsWith("floor:")).map((c) => c.hostPeakRssMiB).filter((v): v is number => v !== undefined);
    return {
      records: options.records, latencyMs: options.latencyMs, cliVersion, rounds, state, stateParts: parts, scale, slow,
      hostPeakRssMiB: peaks.length ? Math.max(...peaks) : undefined, hostPeakRecords: scale?.records,
    };
  } finally {
    await emulator.close();
  }
}
