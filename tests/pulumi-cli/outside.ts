/**
 * Support of the tests that install the packed package in folders outside the repository and run them through
 * the real CLI (package-outside, quick-start, examples-copied): nothing there resolves from this repository.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Emulator } from "../../emulator";
import type { PulumiWorkspace, WorkspaceOptions } from "../../tools/pulumi-cli";
import { cliStack, pluginStack } from "./support";

const ROOT = path.resolve(__dirname, "../..");
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> };

/** The lowest @pulumi/pulumi the peer range admits (the `pulumi-lowest` devDependency, docs/packaging.md). */
export const LOWEST_PULUMI = rootPackage.devDependencies["pulumi-lowest"].replace(/^npm:@pulumi\/pulumi@/, "");

/** The apex NS record every zone of these tests starts with, as OVH's do. */
export const NS = { subDomain: "", fieldType: "NS", target: "dns200.anycast.me.", ttl: 0 };

/** The version of `name` installed in the project `dir`. */
export function installedVersion(dir: string, name: string): string {
  return (JSON.parse(fs.readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

/** The emulator of the package installed in `dir`, holding example.com. */
function emulatorOf(dir: string): Promise<Emulator> {
  const { startEmulator } = require(require.resolve("pulumi-ovh-dns/emulator", { paths: [dir] })) as typeof import("../../emulator");
  return startEmulator({ zones: { "example.com": [NS] }, domains: ["example.com"] });
}

/** One run of a program installed outside: the installed package's own emulator and a CLI stack; `stop` after each test. */
export class OutsideRun {
  emulator?: Emulator;
  ws?: PulumiWorkspace;

  /** A stack of the program in `dir` against a fresh emulator holding example.com, imported from `dir`'s install. */
  async start(dir: string, extra: Partial<WorkspaceOptions> = {}): Promise<PulumiWorkspace> {
    this.emulator = await emulatorOf(dir);
    this.ws = await cliStack(dir, this.emulator, "stack-config", extra);
    return this.ws;
  }

  /**
   * A stack of the Pulumi YAML program in `dir` against a fresh emulator (as {@link start}), the `ovhdns` plugin
   * installed by `npx pulumi-ovh-dns plugin install` run in `dir` into the stack's PULUMI_HOME.
   */
  async startPlugin(dir: string): Promise<PulumiWorkspace> {
    this.emulator = await emulatorOf(dir);
    this.ws = await pluginStack(this.emulator, {}, dir, dir);
    return this.ws;
  }

  async stop(): Promise<void> {
    this.ws?.remove();
    this.ws = undefined;
    await this.emulator?.close();
    this.emulator = undefined;
  }
}
