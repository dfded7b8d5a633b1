/**
 * A GitOps stack for scenario tests: a program of one ZoneRecord per records-file entry (records-program/, the
 * per-record shape examples/gitops had before it became a Zone) run through the local engine against the
 * emulator, with the records file rewritten between runs, as pull requests would.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { startEmulator, type Emulator, type SeedRecord } from "../../emulator";
import { LocalEngine } from "../../tools/local-engine/engine";
import type { RunResult } from "../../tools/local-engine/types";

const PROGRAM = path.resolve(__dirname, "records-program");
export const ZONE = "example.com";
const SECRET_KEYS = ["ovh:applicationSecret", "ovh:consumerKey"];

/** One record of the records file. */
export interface Entry {
  subDomain?: string;
  fieldType: string;
  target: string;
  ttl?: number;
  importId?: string;
}

export class GitopsStack {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovh-dns-scenario-"));
  readonly statePath = path.join(this.dir, "state.json");
  private readonly recordsFile = path.join(this.dir, "records.yaml");

  private constructor(readonly emulator: Emulator) {}

  static async start(seed: SeedRecord[] = []): Promise<GitopsStack> {
    return new GitopsStack(await startEmulator({ zones: { [ZONE]: seed }, refreshDurationMs: 5 }));
  }

  /** Writes the records file, as a merged pull request would. */
  declare(records: Record<string, Entry>): void {
    fs.writeFileSync(this.recordsFile, stringify({ zoneName: ZONE, records }));
  }

  private config(): Record<string, string> {
    const c = this.emulator.credentials;
    return {
      recordsFile: this.recordsFile,
      "ovh:endpoint": this.emulator.url,
      "ovh:applicationKey": c.applicationKey,
      "ovh:applicationSecret": c.applicationSecret,
      "ovh:consumerKey": c.consumerKey,
    };
  }

  engine(): LocalEngine {
    const config = this.config();
    return new LocalEngine({ programDir: PROGRAM, stack: "prod", statePath: this.statePath, config, secretKeys: SECRET_KEYS });
  }

  /** Runs an operation and returns its result with the API calls it made. */
  async run(op: "preview" | "up" | "refresh" | "destroy"): Promise<RunResult & { calls: { method: string; path: string }[] }> {
    const before = this.emulator.log.length;
    const result = await this.engine()[op]();
    if (!result.ok) throw new Error(`${op} failed: ${result.error}\n${result.printed}`);
    const calls = this.emulator.log.slice(before).map((e) => ({ method: e.method, path: e.path }));
    return { ...result, calls };
  }

  /** The zone as `name type target ttl` lines, sorted. */
  zone(): string[] {
    return this.emulator.zone(ZONE).records.map((r) => `${r.subDomain || "@"} ${r.fieldType} ${r.target} ${r.ttl}`).sort();
  }

  /** The state file's text and its resources' ids by name. */
  state(): { text: string; ids: Record<string, string> } {
    const text = fs.readFileSync(this.statePath, "utf8");
    const json = JSON.parse(text) as { resources: { urn: string; id?: string; custom: boolean }[] };
    const ids = Object.fromEntries(json.resources.filter((r) => r.custom).map((r) => [r.urn.split("::").pop()!, r.id!]));
    return { text, ids };
  }

  async close(): Promise<void> {
    await this.emulator.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The lines of a printed plan that describe steps and properties (not headers or outputs). */
export function planLines(printed: string): string[] {
  return printed.split("\n").filter((l) => /^(\+|~|-|\+-) |^ {4}[~+-] |^Resources:/.test(l)).map((l) => l.trimEnd());
}
