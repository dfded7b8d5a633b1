/**
 * `pulumi-ovh-dns plugin install` hands the plugin to `pulumi plugin install resource ovhdns <version> --file`:
 * a script that runs this package's plugin with this Node.js (a fake `pulumi` records the call and keeps the
 * script). Without a `pulumi` on the PATH it fails saying what to install. The real CLI installing it and
 * running it is tests/pulumi-cli/plugin.test.ts.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { CliSandbox } from "./cli-rig";

describe("pulumi-ovh-dns plugin install", () => {
  let sandbox: CliSandbox;
  beforeEach(() => (sandbox = new CliSandbox()));
  afterEach(() => sandbox.remove());

  it("installs a script running the package's plugin as resource ovhdns of the package's version", async () => {
    const kept = sandbox.file("kept-script");
    sandbox.fakePulumi();
    // The fake also keeps the --file it was given (the command deletes its temporary copy afterwards).
    const script = path.join(sandbox.binDir, "pulumi");
    fs.appendFileSync(script, `const f = process.argv[process.argv.indexOf("--file") + 1]; fs.copyFileSync(f, ${JSON.stringify(kept)});\n`);
    const result = await sandbox.run(["plugin", "install"]);
    expect(result.code).toBe(0);
    const version = (JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as { version: string }).version;
    const [call] = sandbox.pulumiCalls();
    expect(call.args.slice(0, 5)).toEqual(["plugin", "install", "resource", "ovhdns", version]);
    expect(call.args.slice(5, 6)).toEqual(["--file"]);
    expect(path.basename(call.args[6])).toBe("pulumi-resource-ovhdns");
    expect(call.args.slice(7)).toEqual(["--reinstall"]);
    expect(fs.existsSync(call.args[6])).toBe(false);
    const main = path.resolve(__dirname, "../../dist/provider/plugin/main.js");
    expect(fs.readFileSync(kept, "utf8")).toContain(`exec '${process.execPath}' '${main}' "$@"`);
    expect(result.stderr).toContain(`installed pulumi-resource-ovhdns ${version}`);
    // The script starts the plugin, which prints the port it serves on.
    fs.chmodSync(kept, 0o755);
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
