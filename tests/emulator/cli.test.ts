import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { join } from "node:path";
import { demoRecords, parseEmulatorArgs } from "../../cli/emulator-args";
import { signOvh } from "./helpers/ovh-call";

describe("emulator command-line flags", () => {
  test("turn into emulator options", () => {
    const parsed = parseEmulatorArgs([
      "--port", "8443", "--zone", "a.com", "--zone", "b.net", "--state", "s.json",
      "--latency", "20", "--fault-rate", "0.1", "--rate-limit", "60", "--seed", "9",
    ]);
    expect(parsed).toEqual({
      help: false,
      options: {
        port: 8443,
        zones: { "a.com": demoRecords("a.com"), "b.net": demoRecords("b.net") },
        stateFile: "s.json",
        seed: 9,
        faults: { latencyMs: 20, serverErrorRate: 0.1 },
        rateLimit: { perMinute: 60 },
      },
    });
    expect(parseEmulatorArgs([])).toEqual({ help: false, options: {} });
    expect(parseEmulatorArgs(["--help"])).toEqual({ help: true });
  });

  test.each([
    [["--port", "http"], "--port must be an integer from 0 to 65535, got \"http\""],
    [["--port", "70000"], "--port must be an integer from 0 to 65535, got \"70000\""],
    [["--fault-rate", "2"], "--fault-rate must be a number from 0 to 1, got \"2\""],
    [["--rate-limit", "0"], "--rate-limit must be an integer from 1 to 1000000, got \"0\""],
    [["--latency=-5"], "--latency must be an integer from 0 to 600000, got \"-5\""],
  ])("refuse %p", (argv, message) => {
    expect(() => parseEmulatorArgs(argv)).toThrow(message);
  });

  test("refuse an unknown flag", () => {
    expect(() => parseEmulatorArgs(["--verbose"])).toThrow(/verbose/);
  });
});

describe("emulator command", () => {
  test("prints the URL and exportable credentials, serves the zones, stops on SIGTERM", async () => {
    const root = join(__dirname, "..", "..");
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "cli/emulator.ts", "--zone", "example.com"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: string[] = [];
    const env: Record<string, string> = {};
    const reader = createInterface({ input: child.stdout });
    for await (const line of reader) {
      lines.push(line);
      const match = /^(OVH_[A-Z_]+)=(.*)$/.exec(line);
      if (match) env[match[1]] = match[2];
      if (line.startsWith("# Ctrl-C")) break;
    }
    expect(Object.keys(env)).toEqual(["OVH_ENDPOINT", "OVH_APPLICATION_KEY", "OVH_APPLICATION_SECRET", "OVH_CONSUMER_KEY"]);
    expect(env.OVH_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/1\.0$/);
    expect(lines.some((l) => /^# OVH_CLIENT_ID=EU\./.test(l))).toBe(true);
    const ts = String(await (await fetch(`${env.OVH_ENDPOINT}/auth/time`)).json());
    const url = `${env.OVH_ENDPOINT}/domain/zone/example.com/record?fieldType=MX`;
    const zones = await fetch(url, {
      headers: {
        "X-Ovh-Application": env.OVH_APPLICATION_KEY,
        "X-Ovh-Consumer": env.OVH_CONSUMER_KEY,
        "X-Ovh-Timestamp": ts,
        "X-Ovh-Signature": signOvh(env.OVH_APPLICATION_SECRET, env.OVH_CONSUMER_KEY, "GET", url, "", ts),
      },
    });
    expect([zones.status, ((await zones.json()) as unknown[]).length]).toEqual([200, 1]);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 20_000);
});
