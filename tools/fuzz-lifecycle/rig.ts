/**
 * The real system the fuzzer's commands act on: the emulator (127.0.0.1, port 0) holding the zone, the program
 * file, a stack of the program (local engine or real CLI), the OVH console, and the faults set for the next run.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { startEmulator, type Emulator, type FaultOptions, type ZoneViewRecord } from "../../emulator";
import { isRegistryRecord } from "../../provider/zone-record/registry-codec";
import { ZoneConsole } from "./console";
import { FUZZ_ZONE, type LifecycleModel } from "./model";
import { CliFuzzStack, LocalFuzzStack, type FuzzStack, type RunKind, type RunOutcome } from "./stacks";

const execFileAsync = promisify(execFile);
// From dist/tools/fuzz-lifecycle or tools/fuzz-lifecycle alike, the built command line is dist/cli/main.js.
const CLI_MAIN = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? "../../cli/main.js" : "../../dist/cli/main.js");

/** Which engine runs the program. */
export type EngineKind = "local" | "cli";

/** One run, with the faults it ran under (none: `{}`). */
export interface FaultedOutcome extends RunOutcome {
  faults: FaultOptions;
}

/** The system under test. */
export class LifecycleRig {
  readonly console: ZoneConsole;
  private nextFaults: FaultOptions = {};

  private constructor(
    readonly emulator: Emulator,
    readonly stack: FuzzStack,
    private readonly dir: string,
    private readonly programFile: string,
  ) {
    this.console = new ZoneConsole(emulator);
  }

  /** Starts an emulator with an empty zone and a stack of the program on it; `seed` seeds the fault draws. */
  static async start(engine: EngineKind, seed: number): Promise<LifecycleRig> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovh-dns-fuzz-"));
    const programFile = path.join(dir, "program.json");
    const emulator = await startEmulator({ zones: { [FUZZ_ZONE]: [] }, seed });
    const stack = engine === "cli" ? await CliFuzzStack.start(emulator, programFile) : new LocalFuzzStack(emulator, programFile, dir);
    return new LifecycleRig(emulator, stack, dir, programFile);
  }

  /** Writes the program file the model declares. */
  writeProgram(model: LifecycleModel): void {
    const records = model.top.map((r) => ({ name: r.name, subDomain: r.subDomain, fieldType: r.fieldType, target: r.target, ttl: r.ttl, ...(r.adopt ? { adopt: true } : {}) }));
    const zone = model.zone && { name: model.zone.name, unmanaged: model.zone.unmanaged, records: model.zone.records, ...(model.zone.adopt ? { adopt: true } : {}) };
    fs.writeFileSync(this.programFile, JSON.stringify({ zoneName: FUZZ_ZONE, records, ...(zone ? { zone } : {}), ...(model.owner ? { owner: model.owner } : {}) }, null, 2));
  }

  /** Sets the faults of the next run. */
  setFaults(faults: FaultOptions): void {
    this.nextFaults = faults;
  }

  /** Runs the stack under the faults set for it, then switches them off and waits for every late apply. */
  async run(kind: RunKind): Promise<FaultedOutcome> {
    const faults = this.nextFaults;
    this.nextFaults = {};
    this.emulator.setFaults(faults);
    try {
      return { ...(await this.stack.run(kind)), faults };
    } finally {
      this.emulator.setFaults({});
      await this.emulator.settle();
    }
  }

  /**
   * An `up` killed after `afterWrites` record writes, then recovered (interrupt.ts): no fault, but answers that
   * take 40 ms, as the real API's do from Europe, so that the kill lands while writes are in flight.
   */
  async interruptedUp(afterWrites: number): Promise<RunOutcome> {
    if (!this.stack.interruptedUp) throw new Error("only the real Pulumi CLI can interrupt a run (--cli)");
    this.nextFaults = {};
    this.emulator.setFaults({ latencyMs: 40 });
    try {
      return await this.stack.interruptedUp(afterWrites);
    } finally {
      this.emulator.setFaults({});
      await this.emulator.settle();
    }
  }

  /** The zone's records (refreshed or not), but the owner registry's claim records: what the user declares or adds. */
  records(): readonly ZoneViewRecord[] {
    return this.emulator.zone(FUZZ_ZONE).records.filter((r) => !isRegistryRecord(r));
  }

  /** Every record of the zone, the owner registry's claim records included. */
  allRecords(): readonly ZoneViewRecord[] {
    return this.emulator.zone(FUZZ_ZONE).records;
  }

  /** The records the zone serves (as of the last refresh). */
  published(): readonly ZoneViewRecord[] {
    return this.emulator.zone(FUZZ_ZONE).published;
  }

  /** `pulumi-ovh-dns export <zone> --format yaml`, run as a user runs it: the YAML it writes. */
  async exportYaml(): Promise<string> {
    const c = this.emulator.credentials;
    const env = {
      PATH: process.env.PATH,
      HOME: this.dir,
      OVH_ENDPOINT: this.emulator.url,
      OVH_APPLICATION_KEY: c.applicationKey,
      OVH_APPLICATION_SECRET: c.applicationSecret,
      OVH_CONSUMER_KEY: c.consumerKey,
    };
    return (await execFileAsync(process.execPath, [CLI_MAIN, "export", FUZZ_ZONE, "--format", "yaml"], { env, cwd: this.dir })).stdout;
  }

  async close(): Promise<void> {
    this.console.close();
    await this.stack.close();
    await this.emulator.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
