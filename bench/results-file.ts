/**
 * `bench/results.json`: what `npm run bench` and `npm run bench:cli` measured, each part with where and how it
 * was measured, so that the README's Performance section (bench/readme.ts) is rendered from one file.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { BenchResults } from "./report";
import type { RealCliResults } from "./scenarios/real-cli";
import type { ZoneReaderResults } from "./zone-readers";

/** Where, when and how one part of the file was measured. */
export interface RunMeta {
  /** ISO time the run ended. */
  at: string;
  /** The command that produced it (`npm run bench -- --note ...`). */
  command: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; os: string; node: string };
  versions: Record<string, string>;
  /** A free note about the machine (`--note`), e.g. that it was shared with other work. */
  note?: string;
}

/** The whole file. */
export interface ResultsFile {
  bench?: BenchResults & { meta: RunMeta };
  realCli?: RealCliResults & { latencyMs: number; meta: RunMeta };
  zoneReaders?: ZoneReaderResults;
}

/** The committed results file. */
export const RESULTS_FILE = path.join(__dirname, "results.json");

const ROOT = path.resolve(__dirname, "..");

function packageVersion(name: string): string {
  const file = path.join(ROOT, "node_modules", name, "package.json");
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version : "absent";
}

/** The value of `--note <text>` in `argv`, if any. */
export function noteArg(argv: readonly string[]): string | undefined {
  const i = argv.indexOf("--note");
  return i >= 0 ? argv[i + 1] : undefined;
}

/** This machine, this process's command line and the versions that matter, now. */
export function runMeta(script: string, argv: readonly string[], versions: Record<string, string> = {}): RunMeta {
  const cpus = os.cpus();
  return {
    at: new Date().toISOString(),
    command: `npm run ${script}${argv.length ? ` -- ${argv.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(" ")}` : ""}`,
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? "unknown",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
      node: process.version,
    },
    versions: { "@pulumi/pulumi": packageVersion("@pulumi/pulumi"), typescript: packageVersion("typescript"), ...versions },
    note: noteArg(argv),
  };
}

/** Reads the file (empty when absent). */
export function readResults(file = RESULTS_FILE): ResultsFile {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as ResultsFile) : {};
}

/** Replaces one part of the file, keeping the other. */
export function writeResultsPart<K extends keyof ResultsFile>(key: K, value: NonNullable<ResultsFile[K]>, file = RESULTS_FILE): void {
  fs.writeFileSync(file, JSON.stringify({ ...readResults(file), [key]: value }, null, 2) + "\n");
}
