/**
 * `pulumi-ovh-dns plugin install` hands the plugin to `pulumi plugin install resource ovhdns <version> --file`:
 * a folder holding the launcher that runs this package's plugin with this Node.js (a fake `pulumi` records the
 * call and keeps the folder). Without a `pulumi` on the PATH it fails saying what to install. The launcher of
 * each platform is checked with the platform given (no Windows here): a shell script, or on Windows the batch
 * file the CLI runs there. Before installing, the command starts the plugin and waits for its port: a plugin that
 * cannot start fails the install with what it said. The real CLI installing it and running it is
 * tests/pulumi-cli/plugin.test.ts.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as os from "node:os";
import { checkPluginStarts, pluginLauncher } from "../../cli/plugin-command";
import { CliSandbox } from "./cli-rig";

describe("pulumi-ovh-dns plugin install", () => {
  let sandbox: CliSandbox;
  beforeEach(() => (sandbox = new CliSandbox()));
  afterEach(() => sandbox.remove());

  it("installs a folder with a script running the package's plugin as resource ovhdns of the package's version", async () => {
    const keptDir = sandbox.file("kept");
    const kept = path.join(keptDir, "pulumi-resource-ovhdns");
    sandbox.fakePulumi();
    // The fake also keeps the --file folder it was given (the command deletes its temporary one afterwards).
    const script = path.join(sandbox.binDir, "pulumi");
    fs.appendFileSync(script, `const f = process.argv[process.argv.indexOf("--file") + 1]; fs.cpSync(f, ${JSON.stringify(keptDir)}, { recursive: true });\n`);
    const result = await sandbox.run(["plugin", "install"]);
    expect(result.code).toBe(0);
    const version = (JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as { version: string }).version;
    const [call] = sandbox.pulumiCalls();
    expect(call.args.slice(0, 5)).toEqual(["plugin", "install", "resource", "ovhdns", version]);
    expect(call.args.slice(5, 6)).toEqual(["--file"]);
    expect(call.args.slice(7)).toEqual(["--reinstall"]);
    expect(fs.existsSync(call.args[6])).toBe(false);
    expect(fs.readdirSync(keptDir)).toEqual(["pulumi-resource-ovhdns"]);
    expect(fs.statSync(kept).mode & 0o111).toBe(0o111);
    const main = path.resolve(__dirname, "../../dist/provider/plugin/main.js");
    expect(fs.readFileSync(kept, "utf8")).toContain(`exec '${process.execPath}' '${main}' "$@"`);
    expect(result.stderr).toContain(`installed pulumi-resource-ovhdns ${version}`);
    // The script starts the plugin, which prints the port it serves on.
    const plugin = spawn(kept, ["127.0.0.1:1"], { stdio: ["ignore", "pipe", "inherit"] });
    const firstLine = await new Promise<string>((resolve) => {
      let out = "";
      plugin.stdout.setEncoding("utf8").on("data", (d: string) => (out += d).includes("\n") && resolve(out));
      plugin.once("exit", () => resolve(out));
    });
    plugin.kill();
    expect(firstLine).toMatch(/^\d+\n$/);
  });

  it("fails naming what to install when there is no pulumi on the PATH", async () => {
    const result = await sandbox.run(["plugin", "install"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no `pulumi` on the PATH: install the Pulumi CLI");
  });
});

describe("the plugin's launcher on each platform", () => {
  const unixMain = "/home/a user/it's/node_modules/pulumi-ovh-dns/dist/provider/plugin/main.js";
  const winNode = "C:\\Program Files\\nodejs\\node.exe";
  const winMain = "C:\\Users\\A User\\100% & more\\node_modules\\pulumi-ovh-dns\\dist\\provider\\plugin\\main.js";

  it.each(["linux", "darwin", "freebsd"] as const)("on %s, a shell script pulumi-resource-ovhdns, each path single-quoted", (platform) => {
    const launcher = pluginLauncher(platform, "/usr/bin/node", unixMain);
    expect(launcher.file).toBe("pulumi-resource-ovhdns");
    expect(launcher.text.split("\n")).toEqual([
      "#!/bin/sh",
      "# pulumi-resource-ovhdns, written by `pulumi-ovh-dns plugin install`",
      `exec '/usr/bin/node' '/home/a user/it'\\''s/node_modules/pulumi-ovh-dns/dist/provider/plugin/main.js' "$@"`,
      "",
    ]);
  });

  it("on win32, a batch file pulumi-resource-ovhdns.cmd (CRLF), each path double-quoted with % doubled, the arguments passed on", () => {
    const launcher = pluginLauncher("win32", winNode, winMain);
    expect(launcher.file).toBe("pulumi-resource-ovhdns.cmd");
    expect(launcher.text.split("\r\n")).toEqual([
      "@echo off",
      "rem pulumi-resource-ovhdns, written by `pulumi-ovh-dns plugin install`",
      `"C:\\Program Files\\nodejs\\node.exe" "C:\\Users\\A User\\100%% & more\\node_modules\\pulumi-ovh-dns\\dist\\provider\\plugin\\main.js" %*`,
      "",
    ]);
    expect(launcher.text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it.each([
    ["a double quote", 'C:\\odd"dir\\main.js'],
    ["a line break", "C:\\odd\ndir\\main.js"],
  ])("on win32, refuses a plugin path holding %s, naming it", (_what, main) => {
    expect(() => pluginLauncher("win32", winNode, main)).toThrow(/the plugin path .* holds a double quote or a line break, which a Windows batch file cannot pass on/);
  });
});

describe("the plugin is started before it is installed", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "plugin-start-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const main = (text: string) => {
    const file = path.join(dir, "main.js");
    fs.writeFileSync(file, text);
    return file;
  };

  it("resolves once the plugin prints its port", async () => {
    await expect(checkPluginStarts(process.execPath, main('process.stdout.write("40123\\n"); setInterval(() => {}, 1000);'))).resolves.toBeUndefined();
  });

  it("fails with what the plugin said when it exits first (a module it needs is not installed)", async () => {
    const failed = checkPluginStarts(process.execPath, main('require("@grpc/not-installed");'));
    await expect(failed).rejects.toThrow(/main\.js exited \(code 1\) before printing its port:\n[^]*Cannot find module '@grpc\/not-installed'[^]*Nothing was installed\. @pulumi\/pulumi must be installed beside pulumi-ovh-dns/);
  });

  it("fails when the first line is not a port", async () => {
    const failed = checkPluginStarts(process.execPath, main('process.stdout.write("hello\\n"); setInterval(() => {}, 1000);'));
    await expect(failed).rejects.toThrow(/printed "hello" where its port was expected/);
  });

  it("fails when the plugin prints nothing within the time given", async () => {
    const failed = checkPluginStarts(process.execPath, main("setInterval(() => {}, 1000);"), 300);
    await expect(failed).rejects.toThrow(/printed no port within 0\.3 s/);
  });
});
