/**
 * Runs the built `pulumi-ovh-dns` bin (dist/cli/main.js) as a child process, in a temporary directory with its
 * own HOME (no ~/.ovh.conf of the machine) and a controlled PATH, against an emulator on 127.0.0.1.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Emulator } from "../../emulator";

export const BIN = path.resolve(__dirname, "../../dist/cli/main.js");

/** What a finished run printed and returned. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A scratch directory used as cwd and HOME, with a `bin/` that can hold a fake `pulumi`. */
export class CliSandbox {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovh-dns-cli-"));
  readonly binDir = path.join(this.dir, "bin");

  constructor() {
    fs.mkdirSync(this.binDir);
  }

  /** The environment of a run: PATH holds only this sandbox's bin and node's directory. */
  env(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      HOME: this.dir,
      PATH: [this.binDir, path.dirname(process.execPath), "/usr/bin", "/bin"].join(path.delimiter),
    };
    for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
    return env;
  }

  /** Starts the bin; its output is collected from the first byte. */
  start(args: string[], env: Record<string, string | undefined> = {}): RunningCli {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: this.dir, env: this.env(env), stdio: ["pipe", "pipe", "pipe"] });
    return new RunningCli(child);
  }

  /** Runs the bin to its end. */
  run(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
    const running = this.start(args, env);
    running.child.stdin.end();
    return running.done;
  }

  /**
   * Installs a fake `pulumi` that appends one JSON line per call (args and stdin) to `pulumi-calls.jsonl`
   * and prints `stdout` (for `pulumi config --json`).
   */
  fakePulumi(stdout = ""): string {
    const log = path.join(this.dir, "pulumi-calls.jsonl");
    const script = path.join(this.binDir, "pulumi");
    fs.writeFileSync(
      script,
      `#!${process.execPath}\n` +
        `const fs = require("node:fs");\n` +
        `const stdin = fs.readFileSync(0, "utf8");\n` +
        `fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ args: process.argv.slice(2), stdin }) + "\\n");\n` +
        `process.stdout.write(${JSON.stringify(stdout)});\n`,
      { mode: 0o755 },
    );
    return log;
  }

  /** The calls the fake `pulumi` recorded. */
  pulumiCalls(): { args: string[]; stdin: string }[] {
    const log = path.join(this.dir, "pulumi-calls.jsonl");
    if (!fs.existsSync(log)) return [];
    return fs.readFileSync(log, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as { args: string[]; stdin: string });
  }

  file(name: string): string {
    return path.join(this.dir, name);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A running bin, its output so far, and its end. */
export class RunningCli {
  stdout = "";
  stderr = "";
  readonly done: Promise<CliResult>;
  private readonly waiters: (() => void)[] = [];

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    const notify = () => this.waiters.splice(0).forEach((w) => w());
    child.stdout.on("data", (c: Buffer) => ((this.stdout += c.toString("utf8")), notify()));
    child.stderr.on("data", (c: Buffer) => ((this.stderr += c.toString("utf8")), notify()));
    this.done = new Promise((resolve) => child.on("close", (code) => (notify(), resolve({ code, stdout: this.stdout, stderr: this.stderr }))));
  }

  /** The first line printed (stdout or stderr) matching `pattern`, once it is there. */
  line(pattern: RegExp): Promise<string> {
    return new Promise((resolve, reject) => {
      let exited = false;
      void this.done.then(() => (exited = true));
      const check = () => {
        const found = `${this.stdout}\n${this.stderr}`.split("\n").find((l) => pattern.test(l));
        if (found !== undefined) resolve(found);
        else if (exited || this.child.exitCode !== null) reject(new Error(`exited before printing ${pattern}:\n${this.stdout}\n${this.stderr}`));
        else this.waiters.push(check);
      };
      check();
    });
  }
}

/** The emulator's working credentials as `OVH_*` variables. */
export function emulatorEnv(emulator: Emulator, overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const c = emulator.credentials;
  return {
    OVH_ENDPOINT: emulator.url,
    OVH_APPLICATION_KEY: c.applicationKey,
    OVH_APPLICATION_SECRET: c.applicationSecret,
    OVH_CONSUMER_KEY: c.consumerKey,
    ...overrides,
  };
}

/** Validates (or refuses) a pending consumer key through the emulator's validation page, as a user would. */
export async function answerValidationPage(validationUrl: string, action: "validate" | "refuse"): Promise<number> {
  const token = new URL(validationUrl).searchParams.get("credentialToken") ?? "";
  const response = await fetch(new URL("/auth/", validationUrl), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ credentialToken: token, action }).toString(),
    redirect: "manual",
  });
  return response.status;
}
