/**
 * A stack holding one Zone (tests/zone/program), run through the local engine against the emulator; the
 * records file and the Zone's options are rewritten between runs, as pull requests would.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { startEmulator, type Emulator, type SeedRecord } from "../../emulator";
import { LocalEngine } from "../../tools/local-engine/engine";
import { PulumiWorkspace, type CliResult } from "../../tools/pulumi-cli";
import type { RunResult } from "../../tools/local-engine/types";
import type { ZoneArgs, ZoneRecordSpec } from "../../sdk";

const PROGRAM = path.resolve(__dirname, "program");
export const ZONE = "example.com";
const SECRET_KEYS = ["ovh:applicationSecret", "ovh:consumerKey"];

/** A run's result with the API calls it made. */
export type ZoneRun = RunResult & { calls: { method: string; path: string }[] };

export class ZoneStack {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovh-dns-zone-"));
  readonly statePath = path.join(this.dir, "state.json");
  private recordsFile = path.join(this.dir, "records.yaml");
  private program = PROGRAM;
  private options: Partial<ZoneArgs> = {};
  private extraConfig: Record<string, string> = {};
  private workspace?: PulumiWorkspace;
  private cliConfig: Record<string, string> = {};

  private constructor(readonly emulator: Emulator, private readonly stackName = "prod", private readonly ownsEmulator = true) {}

  static async start(seed: SeedRecord[] = []): Promise<ZoneStack> {
    return new ZoneStack(await startEmulator({ zones: { [ZONE]: seed }, refreshDurationMs: 5 }));
  }

  /** Another stack of the same project (another stack key) on the same emulator: two stacks sharing a zone. */
  beside(stackName: string): ZoneStack {
    return new ZoneStack(this.emulator, stackName, false);
  }

  /** Writes the records file (YAML). */
  declare(records: ZoneRecordSpec[], options: Partial<ZoneArgs> = {}, zoneName = ZONE): void {
    this.recordsFile = path.join(this.dir, "records.yaml");
    fs.writeFileSync(this.recordsFile, stringify({ zoneName, records }));
    this.options = options;
  }

  /** Writes a zone file instead. */
  declareBind(text: string, options: Partial<ZoneArgs> = {}): void {
    this.declareText("zone.db", text, options);
  }

  /** Writes a records file as given, e.g. what `export` wrote: `*.yaml` is read by Zone.fromYaml, other names by fromBind. */
  declareText(fileName: string, text: string, options: Partial<ZoneArgs> = {}): void {
    this.recordsFile = path.join(this.dir, fileName);
    fs.writeFileSync(this.recordsFile, text);
    this.options = options;
  }

  /** Runs another program (a directory with Pulumi.yaml) on this stack's state and emulator from now on. */
  useProgram(programDir: string): void {
    this.program = programDir;
  }

  /** Sets (or, with undefined, removes) a stack config key such as `ovhdns:allowMassDelete`. */
  setConfig(key: string, value: string | undefined): void {
    if (value === undefined) delete this.extraConfig[key];
    else this.extraConfig[key] = value;
  }

  private config(): Record<string, string> {
    const c = this.emulator.credentials;
    return {
      recordsFile: this.recordsFile,
      zoneOptions: JSON.stringify(this.options),
      "ovh:endpoint": this.emulator.url,
      "ovh:applicationKey": c.applicationKey,
      "ovh:applicationSecret": c.applicationSecret,
      "ovh:consumerKey": c.consumerKey,
      ...this.extraConfig,
    };
  }

  private engine(): LocalEngine {
    return new LocalEngine({ programDir: this.program, stack: this.stackName, statePath: this.statePath, config: this.config(), secretKeys: SECRET_KEYS });
  }

  /** Runs an operation through the real Pulumi CLI (tools/pulumi-cli), with the API calls it made. */
  async runCli(op: "preview" | "up" | "destroy"): Promise<CliResult & { ok: boolean; calls: { method: string; path: string }[] }> {
    this.workspace ??= await PulumiWorkspace.create({ programDir: PROGRAM, typeCheck: false });
    const secret = new Set(SECRET_KEYS);
    for (const [key, value] of Object.entries(this.config())) {
      if (this.cliConfig[key] !== value) await this.workspace.setConfig(key, value, secret.has(key));
      this.cliConfig[key] = value;
    }
    for (const key of Object.keys(this.cliConfig)) {
      if (!(key in this.config())) {
        await this.workspace.must(["config", "rm", key]);
        delete this.cliConfig[key];
      }
    }
    const before = this.emulator.log.length;
    const result = await this.workspace.run(op === "preview" ? ["preview"] : [op, "--yes", "--skip-preview"]);
    return { ...result, ok: result.code === 0, calls: this.emulator.log.slice(before).map((e) => ({ method: e.method, path: e.path })) };
  }

  /** Runs an operation; the result says whether it succeeded (a refused run is a result, not a throw). */
  async run(op: "preview" | "up" | "refresh" | "destroy"): Promise<ZoneRun> {
    const before = this.emulator.log.length;
    const result = await this.engine()[op]();
    return { ...result, calls: this.emulator.log.slice(before).map((e) => ({ method: e.method, path: e.path })) };
  }

  /** Like {@link run}, but a failed run throws with its printed plan. */
  async runOk(op: "preview" | "up" | "refresh" | "destroy"): Promise<ZoneRun> {
    const result = await this.run(op);
    if (!result.ok) throw new Error(`${op} failed: ${result.error}\n${result.printed}`);
    return result;
  }

  /** The zone as `name type target ttl` lines, sorted. */
  zone(): string[] {
    return this.emulator.zone(ZONE).records.map((r) => `${r.subDomain || "@"} ${r.fieldType} ${r.target} ${r.ttl}`).sort();
  }

  /** The OVH record id each ZoneRecord of the state holds, by resource name. */
  heldIds(): Record<string, string> {
    const json = JSON.parse(fs.readFileSync(this.statePath, "utf8")) as { resources: { urn: string; type: string; id?: string }[] };
    return Object.fromEntries(json.resources.filter((r) => r.type.endsWith(":ZoneRecord")).map((r) => [r.urn.split("::").pop()!, r.id!]));
  }

  async close(): Promise<void> {
    this.workspace?.remove();
    if (this.ownsEmulator) await this.emulator.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Calls other than GET. */
export function mutating(calls: { method: string; path: string }[]): { method: string; path: string }[] {
  return calls.filter((c) => c.method !== "GET");
}
