/**
 * The two ways the fuzzer runs its program against the emulator: the local engine (tools/local-engine, seconds a
 * run) and the real Pulumi CLI (tools/pulumi-cli, the authority). Both answer the same questions: did the run
 * succeed, what would a preview change, which record id does each ZoneRecord of the state hold.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Emulator } from "../../emulator";
import { LocalEngine } from "../local-engine/engine";
import { PulumiWorkspace, changes } from "../pulumi-cli";
import { interruptedUp } from "./interrupt";

/** The program the fuzzer drives. */
export const PROGRAM_DIR = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? "../../../tools/fuzz-lifecycle/program" : "program");

/** The type of a ZoneRecord in the state (sdk/zone-record.ts). */
const ZONE_RECORD_TYPE = "pulumi-nodejs:dynamic/ovhdns:ZoneRecord";
const SECRET_KEYS = ["ovh:applicationSecret", "ovh:consumerKey"];

/** A run kind, as the user types it. */
export type RunKind = "up" | "preview" | "refresh" | "destroy";

/** What a run did. */
export interface RunOutcome {
  ok: boolean;
  /** The error, when it failed. */
  error?: string;
  /** Steps that change something (`create r3`, `delete main-www-A`): what a preview would do. */
  changes: string[];
}

/** A ZoneRecord of the state and the record id it holds. */
export interface HeldRecord {
  name: string;
  id: string;
}

/** A stack of the fuzzer's program. */
export interface FuzzStack {
  run(kind: RunKind): Promise<RunOutcome>;
  /** An `up` killed after `afterWrites` record writes, then recovered (interrupt.ts); only the real CLI can. */
  interruptedUp?(afterWrites: number): Promise<RunOutcome>;
  heldRecords(): Promise<HeldRecord[]>;
  close(): Promise<void>;
}

/** The stack config: where the program file is and the emulator's credentials. */
function stackConfig(emulator: Emulator, programFile: string): { config: Record<string, string>; secrets: Record<string, string> } {
  const c = emulator.credentials;
  return {
    config: { programFile, "ovh:endpoint": emulator.url, "ovh:applicationKey": c.applicationKey },
    secrets: { "ovh:applicationSecret": c.applicationSecret, "ovh:consumerKey": c.consumerKey },
  };
}

function held(resources: { urn: string; type: string; id?: string }[]): HeldRecord[] {
  return resources.filter((r) => r.type === ZONE_RECORD_TYPE).map((r) => ({ name: r.urn.split("::").pop() ?? r.urn, id: r.id ?? "" }));
}

/** The program through the local engine; the state is a JSON file in `dir`. */
export class LocalFuzzStack implements FuzzStack {
  private readonly statePath: string;
  private readonly engine: LocalEngine;

  constructor(emulator: Emulator, programFile: string, dir: string) {
    this.statePath = path.join(dir, "state.json");
    const { config, secrets } = stackConfig(emulator, programFile);
    this.engine = new LocalEngine({ programDir: PROGRAM_DIR, stack: "fuzz", statePath: this.statePath, config: { ...config, ...secrets }, secretKeys: SECRET_KEYS });
  }

  async run(kind: RunKind): Promise<RunOutcome> {
    const result = await this.engine[kind]();
    const changed = result.plan.filter((s) => s.op !== "same" && s.op !== "read").map((s) => `${s.op} ${s.name}`);
    return { ok: result.ok, ...(result.error === undefined ? {} : { error: result.error }), changes: changed.sort() };
  }

  async heldRecords(): Promise<HeldRecord[]> {
    if (!fs.existsSync(this.statePath)) return [];
    return held((JSON.parse(fs.readFileSync(this.statePath, "utf8")) as { resources: { urn: string; type: string; id?: string }[] }).resources);
  }

  async close(): Promise<void> {}
}

/** The program through the real Pulumi CLI, in a workspace of its own. */
export class CliFuzzStack implements FuzzStack {
  private constructor(private readonly workspace: PulumiWorkspace, private readonly emulator: Emulator) {}

  static async start(emulator: Emulator, programFile: string): Promise<CliFuzzStack> {
    return new CliFuzzStack(await PulumiWorkspace.create({ programDir: PROGRAM_DIR, typeCheck: false, ...stackConfig(emulator, programFile) }), emulator);
  }

  interruptedUp(afterWrites: number): Promise<RunOutcome> {
    return interruptedUp(this.workspace, this.emulator, afterWrites);
  }

  async run(kind: RunKind): Promise<RunOutcome> {
    if (kind === "preview") {
      const preview = await this.workspace.preview();
      return { ok: preview.code === 0, ...(preview.code === 0 ? {} : { error: tail(preview.stdout + preview.stderr) }), changes: changes(preview) };
    }
    const result = await this.workspace.run([kind, "--yes", "--skip-preview"]);
    return { ok: result.code === 0, ...(result.code === 0 ? {} : { error: tail(result.stdout + result.stderr) }), changes: [] };
  }

  async heldRecords(): Promise<HeldRecord[]> {
    return held((await this.workspace.exportState()).deployment.resources ?? []);
  }

  async close(): Promise<void> {
    this.workspace.remove();
  }
}

/** The last lines of a CLI run's output: where its error is. */
function tail(text: string): string {
  return text.trim().split("\n").slice(-30).join("\n");
}
