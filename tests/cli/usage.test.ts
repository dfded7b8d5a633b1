/**
 * Usage errors exit 2 with a message naming the flag, before any API call; `--help` works on every command
 * and exits 0.
 */
import * as fs from "node:fs";
import { startEmulator, type Emulator } from "../../emulator";
import { CliSandbox, emulatorEnv } from "./cli-rig";

describe("pulumi-ovh-dns usage", () => {
  let emulator: Emulator;
  let sandbox: CliSandbox;
  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": [] } });
    sandbox = new CliSandbox();
  });
  afterAll(async () => {
    await emulator.close();
    sandbox.remove();
  });

  test.each(["--help", "credentials --help", "doctor --help", "export --help", "emulator --help", "help export"])(
    "`%s` prints usage and exits 0",
    async (line) => {
      const result = await sandbox.run(line.split(" "));
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: pulumi-ovh-dns/);
    },
  );

  test.each([
    [[], /Usage: pulumi-ovh-dns/],
    [["frobnicate"], /unknown command 'frobnicate'/],
    [["export"], /missing required argument 'zone'/],
    [["export", "example.com", "--format", "xml"], /Allowed choices are ts, yaml, bind, pulumi-import/],
    [["export", "not a zone"], /<zone> "not a zone" is not a zone name/],
    [["export", "example.com", "--name-prefix", "a b"], /--name-prefix "a b" may hold only/],
    [["credentials", "--bogus"], /unknown option '--bogus'/],
    [["credentials", "--print-exports"], /name the zones the key is for with --zone/],
    [["credentials", "--zone", "example.com", "--all-zones", "--print-exports"], /either --zone or --all-zones, not both/],
    [["credentials", "--zone", "example.com"], /say where to store the key/],
    [["credentials", "--zone", "example.com", "--print-exports", "--timeout", "soon"], /--timeout must be a whole number from 1 to 86400, got "soon"/],
    [["credentials", "--zone", "example.com", "--ovh-conf", "x", "--stack", "dev"], /--stack goes with --pulumi-config/],
    [["doctor", "--zone", "exa mple.com"], /--zone "exa mple.com" is not a zone name/],
    [["emulator", "--port", "http"], /--port must be an integer from 0 to 65535, got "http"/],
  ])("%p exits 2 and says %p, without calling the API", async (args, message) => {
    emulator.clearLog();
    const result = await sandbox.run(args, emulatorEnv(emulator));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(emulator.log).toEqual([]);
  });

  test("export refuses to overwrite an existing --output without --force", async () => {
    fs.writeFileSync(sandbox.file("taken.ts"), "keep me");
    const result = await sandbox.run(["export", "example.com", "-o", "taken.ts"], emulatorEnv(emulator));
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining("--output taken.ts exists")]);
    expect(fs.readFileSync(sandbox.file("taken.ts"), "utf8")).toBe("keep me");
  });
});
