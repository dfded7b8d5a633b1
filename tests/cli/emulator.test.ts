/** `pulumi-ovh-dns emulator`: the emulator as a command of the package, printing lines a shell can paste. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { CliSandbox } from "./cli-rig";

const run = promisify(execFile);

describe("pulumi-ovh-dns emulator", () => {
  let sandbox: CliSandbox;
  beforeAll(() => (sandbox = new CliSandbox()));
  afterAll(() => sandbox.remove());

  test("prints export lines that a shell turns into working credentials, serves the zone, stops on SIGTERM with exit 0", async () => {
    const running = sandbox.start(["emulator", "--zone", "example.com"]);
    await running.line(/^# Ctrl-C to stop\.$/);
    const exports = running.stdout.split("\n").filter((l) => l.startsWith("export "));
    expect(exports.map((l) => l.split("=")[0])).toEqual([
      "export OVH_ENDPOINT", "export OVH_APPLICATION_KEY", "export OVH_APPLICATION_SECRET", "export OVH_CONSUMER_KEY",
    ]);
    // Pasted into a shell, the lines point `doctor` (and so the provider) at the emulator.
    const script = `${exports.join("\n")}\nexec "${process.execPath}" "$BIN" doctor --zone example.com --no-stack-config`;
    const doctor = await run("/bin/sh", ["-c", script], { cwd: sandbox.dir, env: { ...sandbox.env(), BIN: require.resolve("../../dist/cli/main.js") } });
    expect(doctor.stdout).toContain(`credentials: endpoint from env OVH_ENDPOINT = http://127.0.0.1:`);
    expect(doctor.stdout).toContain("ok    zone example.com: exists in the account\n");
    running.child.kill("SIGTERM");
    const result = await running.done;
    expect([result.code, result.stderr]).toEqual([0, "# SIGTERM: stopping the emulator\n"]);
  }, 30_000);
});
