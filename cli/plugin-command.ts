/**
 * `pulumi-ovh-dns plugin install`: installs this package's resource provider plugin, `pulumi-resource-ovhdns`
 * (provider/plugin), where the Pulumi CLI finds it: `pulumi plugin install resource ovhdns <version> --file
 * <folder>`, the folder holding a launcher that runs this package's plugin with this Node.js. The launcher names
 * both by absolute path: run the command again after moving or upgrading the package.
 *
 * The launcher is what the CLI runs on the platform (docs/cli.md, "plugin install"): a POSIX shell script
 * `pulumi-resource-ovhdns`, or on Windows a batch file `pulumi-resource-ovhdns.cmd` (the CLI looks for
 * `<name>.exe`, then `<name>.cmd`, in a plugin's folder). It goes in a folder because `--file <single file>`
 * installs that file as `<name>.exe` on Windows, which a batch file is not.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { CommandFailure } from "./cli-errors";
import { findPulumi, runPulumi } from "./pulumi-cli";

/** The plugin's name, as Pulumi names the package (`ovhdns:index:ZoneRecord`). */
export const PLUGIN_NAME = "ovhdns";

/** The launcher the CLI runs as `pulumi-resource-ovhdns` on a platform: its file name and its text. */
export interface PluginLauncher {
  file: string;
  text: string;
}

/** The launcher running `node main "$@"` on `platform` (`process.platform`), both paths absolute. */
export function pluginLauncher(platform: NodeJS.Platform, node: string, main: string): PluginLauncher {
  const name = `pulumi-resource-${PLUGIN_NAME}`;
  const header = `${name}, written by \`pulumi-ovh-dns plugin install\``;
  if (platform !== "win32") {
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    return { file: name, text: `#!/bin/sh\n# ${header}\nexec ${quote(node)} ${quote(main)} "$@"\n` };
  }
  // A batch file: each path in double quotes (Windows forbids `"` in a path), `%` doubled (cmd expands `%...%` in
  // a batch file even between quotes), and `%*` passes the CLI's arguments on.
  const quote = (what: string, s: string) => {
    if (/["\r\n]/.test(s)) throw new CommandFailure(`the ${what} path ${JSON.stringify(s)} holds a double quote or a line break, which a Windows batch file cannot pass on: move it to a plain path`);
    return `"${s.replace(/%/g, "%%")}"`;
  };
  return { file: `${name}.cmd`, text: `@echo off\r\nrem ${header}\r\n${quote("Node.js", node)} ${quote("plugin", main)} %*\r\n` };
}

/**
 * Starts the plugin as the engine would (`node main <address>`) and resolves once it prints the port it serves
 * on, then stops it; rejects, with what it wrote on stderr, when it exits first or prints nothing else within
 * `timeoutMs`. `plugin install` runs it before installing, so that a plugin that cannot start (no
 * `@pulumi/pulumi` beside the package, a broken install) fails here, not at the first `pulumi preview`.
 */
export function checkPluginStarts(node: string, main: string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    // The address is checked for presence only; the plugin serves on a port of its own (provider/plugin/main.ts).
    const child = spawn(node, [main, "127.0.0.1:0"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill();
      const said = err.trim().split("\n").slice(0, 12).join("\n");
      reject(new CommandFailure(`the plugin ${main} ${why}${said ? `:\n${said}` : ""}\nNothing was installed. @pulumi/pulumi must be installed beside pulumi-ovh-dns (npm install pulumi-ovh-dns @pulumi/pulumi)`));
    };
    const timer = setTimeout(() => fail(`printed no port within ${timeoutMs / 1000} s`), timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      if (settled || !out.includes("\n")) return;
      if (!/^\d+\n/.test(out)) return fail(`printed ${JSON.stringify(out.split("\n")[0])} where its port was expected`);
      settled = true;
      clearTimeout(timer);
      child.kill();
      resolve();
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.once("error", (cause) => fail(`could not be started with ${node} (${cause.message})`));
    child.once("close", (code, signal) => fail(`exited (${signal ?? `code ${code}`}) before printing its port`));
  });
}

/** The `plugin` command and its `install` subcommand. */
export function pluginCommand(version: string): Command {
  const plugin = new Command("plugin").description("the resource provider plugin pulumi-resource-ovhdns (for Pulumi YAML, Python, Go, `pulumi import`)");
  plugin
    .command("install")
    .description(`install pulumi-resource-ovhdns ${version} into the Pulumi CLI's plugins (pulumi plugin install resource ${PLUGIN_NAME} ${version} --file ...)`)
    .action(async () => installPlugin(version));
  return plugin;
}

async function installPlugin(version: string): Promise<void> {
  const main = join(__dirname, "..", "provider", "plugin", "main.js");
  if (!existsSync(main)) throw new CommandFailure(`${main} is missing: in a clone of the repository, run \`npm run build\` first`);
  const pulumi = findPulumi();
  if (!pulumi) throw new CommandFailure("no `pulumi` on the PATH: install the Pulumi CLI (https://www.pulumi.com/docs/iac/download-install/), then run this again");
  await checkPluginStarts(process.execPath, main);
  const dir = mkdtempSync(join(tmpdir(), "pulumi-resource-ovhdns-"));
  try {
    const launcher = pluginLauncher(process.platform, process.execPath, main);
    writeFileSync(join(dir, launcher.file), launcher.text, { mode: 0o755 });
    await runPulumi(pulumi, ["plugin", "install", "resource", PLUGIN_NAME, version, "--file", dir, "--reinstall"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stderr.write(`installed pulumi-resource-${PLUGIN_NAME} ${version} (runs ${main}); \`pulumi plugin ls\` lists it\n`);
}
