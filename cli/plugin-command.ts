/**
 * `pulumi-ovh-dns plugin install`: installs this package's resource provider plugin, `pulumi-resource-ovhdns`
 * (provider/plugin), where the Pulumi CLI finds it: `pulumi plugin install resource ovhdns <version> --file
 * <script>`, the script running this package's plugin with this Node.js. The script names both by absolute
 * path: run the command again after moving or upgrading the package.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { CommandFailure } from "./cli-errors";
import { findPulumi, runPulumi } from "./pulumi-cli";

/** The plugin's name, as Pulumi names the package (`ovhdns:index:ZoneRecord`). */
export const PLUGIN_NAME = "ovhdns";

/** The script Pulumi runs as `pulumi-resource-ovhdns`. */
export function pluginScript(node: string, main: string): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return `#!/bin/sh\n# pulumi-resource-ovhdns, written by \`pulumi-ovh-dns plugin install\`\nexec ${quote(node)} ${quote(main)} "$@"\n`;
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
  if (process.platform === "win32") throw new CommandFailure("plugin install writes a POSIX shell script: on Windows, run it under WSL");
  const main = join(__dirname, "..", "provider", "plugin", "main.js");
  if (!existsSync(main)) throw new CommandFailure(`${main} is missing: in a clone of the repository, run \`npm run build\` first`);
  const pulumi = findPulumi();
  if (!pulumi) throw new CommandFailure("no `pulumi` on the PATH: install the Pulumi CLI (https://www.pulumi.com/docs/iac/download-install/), then run this again");
  const dir = mkdtempSync(join(tmpdir(), "pulumi-resource-ovhdns-"));
  try {
    const script = join(dir, `pulumi-resource-${PLUGIN_NAME}`);
    writeFileSync(script, pluginScript(process.execPath, main), { mode: 0o755 });
    await runPulumi(pulumi, ["plugin", "install", "resource", PLUGIN_NAME, version, "--file", script, "--reinstall"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stderr.write(`installed pulumi-resource-${PLUGIN_NAME} ${version} (runs ${main}); \`pulumi plugin ls\` lists it\n`);
}
