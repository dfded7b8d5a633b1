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
    // The line naming the zones page, and the page: the seeded zone as text.
    const pageUrl = /^# The zones as they are now, read-only: open (http:\/\/127\.0\.0\.1:\d+\/) \(or curl it\)\.$/m.exec(running.stdout)?.[1];
    expect(pageUrl).toBe(`${new URL(exports[0].slice("export OVH_ENDPOINT=".length)).origin}/`);
    const page = await (await fetch(pageUrl!)).text();
    expect(page).toMatch(/^example\.com: 4 records, serial \d+, all served$/m);
    expect(page).toMatch(/^ {2}\d+ +www +CNAME +\d+ +example\.com\.$/m);
    running.child.kill("SIGTERM");
    const result = await running.done;
    expect([result.code, result.stderr]).toEqual([0, "# SIGTERM: stopping the emulator\n"]);
  }, 30_000);

  test("--log prints one line per request on stderr (time, method, path, status, outcome); stdout keeps only the export lines", async () => {
    const running = sandbox.start(["emulator", "--zone", "example.com", "--log"]);
    await running.line(/^# Ctrl-C to stop\.$/);
    const exports = running.stdout.split("\n").filter((l) => l.startsWith("export "));
    const script = `${exports.join("\n")}\nexec "${process.execPath}" "$BIN" doctor --zone example.com --zone exmaple.com --no-stack-config`;
    await run("/bin/sh", ["-c", script], { cwd: sandbox.dir, env: { ...sandbox.env(), BIN: require.resolve("../../dist/cli/main.js") } }).catch(() => undefined);
    await running.line(/ GET \/domain\/zone 200 ok$/);
    running.child.kill("SIGTERM");
    const result = await running.done;
    expect(result.code).toBe(0);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("# SIGTERM: stopping the emulator");
    const requests = lines.slice(0, -1);
    for (const line of requests) expect(line).toMatch(/^\d\d:\d\d:\d\d\.\d{3} (GET|POST|PUT|DELETE) \/\S* (\d{3}|---) [a-z:0-9-]+$/);
    expect(requests.map((l) => l.slice(13))).toEqual([
      "GET /auth/time 200 ok", // doctor's endpoint check
      "GET /auth/time 200 ok", // the client's clock offset, before its first signed call
      "GET /auth/currentCredential 200 ok",
      "GET /domain/zone/example.com 200 ok",
      "GET /domain/zone/exmaple.com 404 error",
      "GET /domain/zone 200 ok",
    ]);
    expect(result.stdout).not.toMatch(/ 200 ok$/m);
  }, 30_000);
});
