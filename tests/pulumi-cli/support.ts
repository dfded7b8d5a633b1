/**
 * Set-up of the tests that run programs through the real Pulumi CLI (tools/pulumi-cli) against the emulator.
 * A missing CLI fails these tests (run `npm run setup:pulumi`): they never skip.
 */
import { spawn } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator, type SeedRecord } from "../../emulator";
import type { OvhClient } from "../../provider/ovh";
import { behindPulumi as behindPulumiRig } from "../zone-record/support";
import { CliSandbox, emulatorEnv } from "../cli/cli-rig";
import { changes, PulumiWorkspace, type CliResult, type WorkspaceOptions } from "../../tools/pulumi-cli";

export const EXAMPLES = path.resolve(__dirname, "../../examples");

/** How a user gives the provider its credentials (README, Configuration). */
export type CredentialSource = "stack-config" | "env" | "ovh.conf" | "oauth2";

/** The options of a workspace whose program reaches `emulator` with credentials from `source`. */
export function credentialsFor(emulator: Emulator, source: CredentialSource): Pick<WorkspaceOptions, "config" | "secrets" | "env"> {
  const c = emulator.credentials;
  switch (source) {
    case "stack-config":
      return {
        config: { "ovh:endpoint": emulator.url, "ovh:applicationKey": c.applicationKey },
        secrets: { "ovh:applicationSecret": c.applicationSecret, "ovh:consumerKey": c.consumerKey },
      };
    case "oauth2":
      return { config: { "ovh:endpoint": emulator.url, "ovh:clientId": c.clientId }, secrets: { "ovh:clientSecret": c.clientSecret } };
    case "env":
      return {
        env: {
          OVH_ENDPOINT: emulator.url,
          OVH_APPLICATION_KEY: c.applicationKey,
          OVH_APPLICATION_SECRET: c.applicationSecret,
          OVH_CONSUMER_KEY: c.consumerKey,
        },
      };
    case "ovh.conf": {
      // ~/.ovh.conf, as python-ovh and go-ovh read it, in a home of the test's own.
      const home = fs.mkdtempSync(path.join(os.tmpdir(), "ovh-home-"));
      fs.writeFileSync(path.join(home, ".ovh.conf"), [
        "[default]", `endpoint=${emulator.url}`, `[${emulator.url}]`,
        `application_key=${c.applicationKey}`, `application_secret=${c.applicationSecret}`, `consumer_key=${c.consumerKey}`, "",
      ].join("\n"), { mode: 0o600 });
      return { env: { HOME: home } };
    }
  }
}

/**
 * A workspace for `program` (a folder of examples/ or a path) against `emulator`. Programs run transpiled only
 * unless `extra.typeCheck` says otherwise: `npm run typecheck` type-checks every program of the repository, and
 * the basic example and the package-outside test keep the CLI's type-checking start-up covered.
 */
export function cliStack(program: string, emulator: Emulator, source: CredentialSource = "stack-config",
  extra: Partial<WorkspaceOptions> = {}): Promise<PulumiWorkspace> {
  const creds = credentialsFor(emulator, source);
  return PulumiWorkspace.create({
    programDir: path.isAbsolute(program) ? program : path.join(EXAMPLES, program),
    typeCheck: false,
    ...extra,
    config: { ...creds.config, ...extra.config },
    secrets: { ...creds.secrets, ...extra.secrets },
    env: { ...creds.env, ...extra.env },
  });
}

/** A call the emulator answered, as `METHOD path`. */
export type Call = string;

/** Runs `fn` and returns its result with the API calls made meanwhile (`GET /auth/time` left out). */
export async function withCalls<T>(emulator: Emulator, fn: () => Promise<T>): Promise<{ result: T; calls: Call[] }> {
  const before = emulator.log.length;
  const result = await fn();
  const calls = emulator.log.slice(before).map((e) => `${e.method} ${e.path}`).filter((c) => c !== "GET /auth/time");
  return { result, calls };
}

/** Runs the CLI command `fn` as {@link withCalls} does, adding what it printed (stdout, stderr) to `said`. */
export async function withCallsPrinted<T extends CliResult>(emulator: Emulator, said: string[], fn: () => Promise<T>): Promise<{ result: T; calls: Call[] }> {
  const done = await withCalls(emulator, fn);
  said.push(done.result.stdout, done.result.stderr);
  return done;
}

/** What the emulator keeps of a DynHost login's password (`passwordDigest`): its SHA-256, in hex. */
export function passwordDigest(password: string): string {
  return crypto.createHash("sha256").update(password).digest("hex");
}

/** The zone as sorted `name type target ttl` lines. */
export function zoneLines(emulator: Emulator, zone = "example.com"): string[] {
  return emulator.zone(zone).records.map((r) => `${r.subDomain || "@"} ${r.fieldType} ${r.target} ${r.ttl}`).sort();
}

/** Calls of `calls` that change the zone (every method but GET). */
export function writes(calls: Call[]): Call[] {
  return calls.filter((c) => !c.startsWith("GET "));
}

/** The counts of the "Resources:" summary the CLI prints after an up, refresh or destroy. */
export function summary(stdout: string): Record<string, number> {
  const section = stdout.slice(stdout.lastIndexOf("Resources:"));
  const counts: Record<string, number> = {};
  for (const m of section.matchAll(/(\d+) (created|updated|replaced|deleted|unchanged|to create|to update|to delete|to replace)/g)) {
    counts[m[2]] = Number(m[1]);
  }
  return counts;
}

/** A records file for tests/fixtures/records-program, rewritten between runs as a merged pull request would. */
export class RecordsFile {
  readonly path: string;
  constructor(readonly zoneName = "example.com") {
    this.path = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "records-")), "records.json");
  }
  declare(records: Record<string, { subDomain?: string; fieldType: string; target: string; ttl?: number; adopt?: boolean; importId?: string }>): void {
    fs.writeFileSync(this.path, JSON.stringify({ zoneName: this.zoneName, records }));
  }
  remove(): void {
    fs.rmSync(path.dirname(this.path), { recursive: true, force: true });
  }
}

export const RECORDS_PROGRAM = path.resolve(__dirname, "../fixtures/records-program");

/** A client of the same account that is not Pulumi: someone editing the zone by hand. */
export function behindPulumi(emulator: Emulator): OvhClient {
  return behindPulumiRig({ emulator });
}

export const PLUGIN_PROGRAM = path.resolve(__dirname, "../fixtures/plugin-program");

/** The stack config that points the `ovhdns` plugin at `emulator` (its own namespace: `ovhdns:<key>`). */
export function pluginConfigFor(emulator: Emulator): Pick<WorkspaceOptions, "config" | "secrets"> {
  const c = emulator.credentials;
  return {
    config: { "ovhdns:endpoint": emulator.url, "ovhdns:applicationKey": c.applicationKey },
    secrets: { "ovhdns:applicationSecret": c.applicationSecret, "ovhdns:consumerKey": c.consumerKey },
  };
}

/**
 * Runs `pulumi-ovh-dns plugin install` (the built bin, as `npx pulumi-ovh-dns plugin install` runs it) with the
 * workspace's CLI first on the PATH and its PULUMI_HOME, so the plugin lands where that CLI looks. With
 * `installedIn` (a folder where the package is installed), runs `npx pulumi-ovh-dns plugin install` there, as a
 * user does (`--no`: npx never fetches a package of that name from the registry instead).
 */
export function installPlugin(ws: PulumiWorkspace, installedIn?: string): Promise<{ code: number | null; stderr: string }> {
  const bin = path.resolve(__dirname, "../../dist/cli/main.js");
  const env = { ...process.env, PATH: `${path.dirname(ws.cli)}${path.delimiter}${process.env.PATH ?? ""}`, PULUMI_HOME: path.join(ws.dir, "home") };
  const [file, args] = installedIn ? ["npx", ["--no", "pulumi-ovh-dns", "plugin", "install"]] : [process.execPath, [bin, "plugin", "install"]];
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, cwd: installedIn, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stderr }));
  });
}

/**
 * A workspace of `program` (default the plugin fixture) whose `ovhdns` plugin reaches `emulator`, plugin installed
 * (from the repository's dist, or by `npx` in the folder `installedIn`: {@link installPlugin}).
 */
export async function pluginStack(emulator: Emulator, extra: Partial<WorkspaceOptions> = {}, program = PLUGIN_PROGRAM,
  installedIn?: string): Promise<PulumiWorkspace> {
  const creds = pluginConfigFor(emulator);
  const ws = await PulumiWorkspace.create({
    programDir: program,
    typeCheck: false,
    ...extra,
    config: { ...creds.config, ...extra.config },
    secrets: { ...creds.secrets, ...extra.secrets },
  });
  const installed = await installPlugin(ws, installedIn);
  if (installed.code !== 0) throw new Error(`pulumi-ovh-dns plugin install failed (${installed.code}): ${installed.stderr}`);
  return ws;
}

/** What {@link recordsRig} gives each test: its emulator, its records file, and the workspace it makes. */
export interface RecordsRig {
  emulator: Emulator;
  file: RecordsFile;
  ws?: PulumiWorkspace;
}

/**
 * For each test of the calling `describe`: an emulator whose zone example.com holds `records`, and a fresh
 * {@link RecordsFile}; after it, the workspace the test put in `ws` is removed, then the file and the emulator.
 */
export function recordsRig(records: SeedRecord[]): RecordsRig {
  const rig = {} as RecordsRig;
  beforeEach(async () => {
    rig.emulator = await startEmulator({ zones: { "example.com": records } });
    rig.file = new RecordsFile();
  });
  afterEach(async () => {
    rig.ws?.remove();
    rig.ws = undefined;
    rig.file.remove();
    await rig.emulator.close();
  });
  return rig;
}

/** What {@link recordsStack} gives the tests of a `describe`: one emulator, records file and stack for them all. */
export interface RecordsStack {
  emulator: Emulator;
  file: RecordsFile;
  ws: PulumiWorkspace;
}

/**
 * For the whole calling `describe`: an emulator with an empty example.com, a {@link RecordsFile} and a stack of the
 * records program reading it (its tests declare records in `file` and run the stack); removed after the last test.
 */
export function recordsStack(): RecordsStack {
  const rig = {} as RecordsStack;
  beforeAll(async () => {
    rig.emulator = await startEmulator({ zones: { "example.com": [] } });
    rig.file = new RecordsFile();
    rig.ws = await cliStack(RECORDS_PROGRAM, rig.emulator, "stack-config", { config: { recordsFile: rig.file.path } });
  });
  afterAll(async () => {
    rig.ws?.remove();
    rig.file?.remove();
    await rig.emulator?.close();
  });
  return rig;
}

/** What exporting example.com of an emulator and running the program through the real CLI gave. */
export interface ExportedRun {
  /** The export command's exit code and stderr, and the index.ts it wrote. */
  exported: { code: number | null; stderr: string };
  program: string;
  /** The calls of the program's first `up` that change the zone (every method but GET). */
  writes: string[];
  /** The exit code and the changes of the `preview` after it. */
  preview: { code: number | null; changes: string[] };
  /** Removes the stack and the sandbox. */
  remove(): void;
}

/**
 * Exports example.com of `emulator` (`--format ts`) as the index.ts of a program in a sandbox of its own, runs its
 * first `up` and a `preview` after it through the real CLI, and says what each did.
 */
export async function runExportedProgram(emulator: Emulator): Promise<ExportedRun> {
  const sandbox = new CliSandbox();
  let ws: PulumiWorkspace | undefined;
  const remove = () => {
    ws?.remove();
    sandbox.remove();
  };
  try {
    const dir = path.join(sandbox.dir, "program");
    fs.mkdirSync(dir);
    fs.symlinkSync(path.resolve(__dirname, "../../node_modules"), path.join(dir, "node_modules"), "dir");
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: exported-zone\nruntime: nodejs\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "exported-zone", private: true, main: "index.ts" }));
    const exported = await sandbox.run(["export", "example.com", "-o", path.join(dir, "index.ts")], emulatorEnv(emulator));
    if (exported.code !== 0) return { exported, program: "", writes: [], preview: { code: null, changes: [] }, remove };
    ws = await cliStack(dir, emulator, "env");
    const up = await withCalls(emulator, () => ws!.up());
    const preview = await ws.preview();
    return { exported, program: fs.readFileSync(path.join(dir, "index.ts"), "utf8"), writes: writes(up.calls), preview: { code: preview.code, changes: changes(preview) }, remove };
  } catch (err) {
    remove();
    throw err;
  }
}
