/**
 * `doctor` against the emulator: where each credential came from (never a secret), shadowed environment
 * variables, endpoint, credential state, access rules per zone (naming the missing rule) and zones.
 */
import * as fs from "node:fs";
import { startEmulator, type Emulator } from "../../emulator";
import { CliSandbox, emulatorEnv } from "./cli-rig";

interface Finding {
  check: string;
  status: string;
  message: string;
}

describe("pulumi-ovh-dns doctor", () => {
  let emulator: Emulator;
  let sandbox: CliSandbox;
  beforeAll(async () => {
    emulator = await startEmulator({
      zones: { "example.com": [], "example.net": [] },
      consumerKeys: [
        {
          // Enough for example.com except the zone refresh: a create would be applied but never published.
          consumerKey: "narrowKey000000000000000000000000",
          applicationKey: "doctorApp0000000",
          rules: [
            { method: "GET", path: "/domain*" },
            { method: "POST", path: "/domain/zone/example.com/record" },
            { method: "PUT", path: "/domain/zone/example.com/record/*" },
            { method: "DELETE", path: "/domain/zone/example.com/record/*" },
          ],
        },
        { consumerKey: "pendingKey00000000000000000000000", applicationKey: "doctorApp0000000", state: "pendingValidation" },
      ],
      applications: [{ applicationKey: "doctorApp0000000", applicationSecret: "doctorSecret000000000000000000000" }],
    });
  });
  beforeEach(() => (sandbox = new CliSandbox()));
  afterEach(() => sandbox.remove());
  afterAll(() => emulator.close());

  const appEnv = (consumerKey: string) => ({
    OVH_ENDPOINT: emulator.url,
    OVH_APPLICATION_KEY: "doctorApp0000000",
    OVH_APPLICATION_SECRET: "doctorSecret000000000000000000000",
    OVH_CONSUMER_KEY: consumerKey,
  });
  const findings = (stdout: string): Finding[] => (JSON.parse(stdout) as { findings: Finding[] }).findings;
  const failures = (stdout: string) => findings(stdout).filter((f) => f.status === "fail").map((f) => `${f.check}: ${f.message}`);

  test("passes with working credentials, says where each came from, and never prints a secret", async () => {
    const result = await sandbox.run(["doctor", "--zone", "example.com"], emulatorEnv(emulator));
    expect(result.code).toBe(0);
    const c = emulator.credentials;
    expect(result.stdout).toContain(`credentials: endpoint from env OVH_ENDPOINT = ${emulator.url}\n`);
    expect(result.stdout).toContain(`credentials: applicationKey from env OVH_APPLICATION_KEY = ${c.applicationKey}\n`);
    expect(result.stdout).toContain("credentials: applicationSecret from env OVH_APPLICATION_SECRET (secret, not shown)\n");
    expect(result.stdout).toContain("credentials: consumerKey from env OVH_CONSUMER_KEY (secret, not shown)\n");
    expect(result.stdout).toContain("ok    rules example.com: every call the provider makes on example.com is granted\n");
    expect(result.stdout).toContain("ok    zone example.com: exists in the account\n");
    expect(result.stdout).toMatch(/\nOK: 0 failed, 0 warning\(s\)\n$/);
    for (const secret of [c.applicationSecret, c.consumerKey]) expect(result.stdout + result.stderr).not.toContain(secret);
  });

  test("names each missing rule when the key's rules are too narrow for a zone, and exits 1", async () => {
    const result = await sandbox.run(["doctor", "--zone", "example.com", "--zone", "example.net", "--json"], appEnv("narrowKey000000000000000000000000"));
    expect(result.code).toBe(1);
    expect(failures(result.stdout)).toEqual([
      "rules example.com: missing rule POST /domain/zone/example.com/refresh (needed to apply changes (zone refresh)): request a key with `pulumi-ovh-dns credentials --zone example.com`",
      ...["POST /domain/zone/example.net/record", "PUT /domain/zone/example.net/record/*", "DELETE /domain/zone/example.net/record/*", "POST /domain/zone/example.net/refresh"].map(
        (rule) => expect.stringContaining(`rules example.net: missing rule ${rule} (needed to `),
      ),
    ]);
  });

  test("--read-only asks only for the read rules", async () => {
    const result = await sandbox.run(["doctor", "--zone", "example.net", "--read-only", "--json"], appEnv("narrowKey000000000000000000000000"));
    expect([result.code, failures(result.stdout)]).toEqual([0, []]);
  });

  test("fails on a zone the account does not hold, listing the ones it does", async () => {
    const result = await sandbox.run(["doctor", "--zone", "exmaple.com", "--json"], emulatorEnv(emulator));
    expect(result.code).toBe(1);
    expect(failures(result.stdout)).toEqual([
      "zone exmaple.com: no zone exmaple.com in this account (the account has: example.com, example.net): check the spelling, or the endpoint",
    ]);
  });

  test("fails on a consumer key that is not validated, with what to do", async () => {
    const result = await sandbox.run(["doctor", "--json"], appEnv("pendingKey00000000000000000000000"));
    expect(result.code).toBe(1);
    expect(failures(result.stdout)).toEqual([expect.stringMatching(/^credential: GET \/auth\/currentCredential failed: .*not validated/)]);
  });

  test("fails with a hint when a URL endpoint lacks /1.0", async () => {
    const result = await sandbox.run(["doctor", "--json"], emulatorEnv(emulator, { OVH_ENDPOINT: emulator.origin }));
    expect(result.code).toBe(1);
    expect(failures(result.stdout)).toEqual([
      expect.stringContaining(`endpoint ${emulator.origin} does not end in /1.0: OVH API URLs do`),
    ]);
  });

  test("never shows an endpoint's user-info or query string", async () => {
    const secret = "hunter2-s3cret";
    const withUser = emulator.origin.replace("://", `://doctor:${secret}@`);
    const result = await sandbox.run(["doctor"], emulatorEnv(emulator, { OVH_ENDPOINT: withUser }));
    expect(result.stdout).toContain(`credentials: endpoint from env OVH_ENDPOINT = ${emulator.origin}\n`);
    expect(result.stdout).toContain(`endpoint ${emulator.origin} does not end in /1.0: OVH API URLs do`);
    const withQuery = await sandbox.run(["doctor"], emulatorEnv(emulator, { OVH_ENDPOINT: `${withUser}/1.0?token=${secret}` }));
    expect(withQuery.stdout).toContain(`credentials: OVH endpoint URL "${emulator.url}" must not have a query string or fragment. (endpoint from env OVH_ENDPOINT)`);
    expect([result.code, withQuery.code]).toEqual([1, 1]);
    expect(result.stdout + result.stderr + withQuery.stdout + withQuery.stderr).not.toContain(secret);
  });

  test("fails, naming what is missing, when the credentials are incomplete", async () => {
    const result = await sandbox.run(["doctor"], { OVH_ENDPOINT: emulator.url, OVH_APPLICATION_KEY: "doctorApp0000000" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("FAIL  credentials: Incomplete OVH credentials: applicationKey is set (env OVH_APPLICATION_KEY) but applicationSecret is not set there");
  });

  // Issue 19: a key with CR LF was printed ("ok credentials", then the injected line) before the request failed;
  // a consumer key with LF was retried for 3 s "after the request was sent"; an endpoint with LF sent the call to
  // `/1.0Host:%20evil/auth/time`. Each is now a failed check that names the variable, and no request is sent.
  const PLANTED = "PLANTED-d0c7";
  test.each([
    ["OVH_APPLICATION_KEY with CR LF", () => ({ OVH_APPLICATION_KEY: `${emulator.credentials.applicationKey}\r\nX-Injected: ${PLANTED}` }),
      () => `env OVH_APPLICATION_KEY contains U+000D (carriage return) at position ${emulator.credentials.applicationKey.length + 1}`],
    ["OVH_CONSUMER_KEY with LF", () => ({ OVH_CONSUMER_KEY: `${emulator.credentials.consumerKey}\n${PLANTED}` }),
      () => `env OVH_CONSUMER_KEY contains U+000A (line feed) at position ${emulator.credentials.consumerKey.length + 1}`],
    ["OVH_ENDPOINT with LF", () => ({ OVH_ENDPOINT: `${emulator.url}\nHost: ${PLANTED}` }),
      () => `env OVH_ENDPOINT contains U+000A (line feed) at position ${emulator.url.length + 1}`],
  ])("reports %s as a failed credentials check, sends no request and never prints the value", async (_what, env, named) => {
    const before = emulator.log.length;
    const result = await sandbox.run(["doctor", "--zone", "example.com"], emulatorEnv(emulator, env()));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`FAIL  credentials: Unusable OVH credentials: ${named()}; `);
    expect(result.stdout).not.toContain("ok    credentials");
    expect(result.stdout + result.stderr).not.toContain(PLANTED);
    expect(emulator.log.length).toBe(before);
  });

  test("reports a stack config key with a line break the same way, naming the key", async () => {
    fs.writeFileSync(sandbox.file("Pulumi.yaml"), "name: p\nruntime: nodejs\n");
    sandbox.fakePulumi(JSON.stringify({ "ovh:consumerKey": { value: `ck\n${PLANTED}`, secret: true } }));
    const before = emulator.log.length;
    const result = await sandbox.run(["doctor", "--stack", "dev", "--json"], emulatorEnv(emulator));
    expect(result.code).toBe(1);
    expect(failures(result.stdout)).toEqual([expect.stringMatching(/^credentials: Unusable OVH credentials: Pulumi config ovh:consumerKey contains U\+000A \(line feed\) at position 3; /)]);
    expect(result.stdout + result.stderr).not.toContain(PLANTED);
    expect(emulator.log.length).toBe(before);
  });

  test("reports an ovh.conf value with a carriage return the same way, naming its file, section and key", async () => {
    const c = emulator.credentials;
    const conf = `[default]\nendpoint=${emulator.url}\n[${emulator.url}]\napplication_key=${c.applicationKey}\napplication_secret=${c.applicationSecret}\nconsumer_key=ck\r${PLANTED}\n`;
    fs.writeFileSync(sandbox.file(".ovh.conf"), conf);
    const before = emulator.log.length;
    const result = await sandbox.run(["doctor", "--json"], {});
    expect(result.code).toBe(1);
    expect(failures(result.stdout)).toEqual([
      expect.stringMatching(new RegExp(`^credentials: Unusable OVH credentials: \\S*\\.ovh\\.conf \\[${emulator.url.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\] consumer_key contains U\\+000D \\(carriage return\\) at position 3; `)),
    ]);
    expect(result.stdout + result.stderr).not.toContain(PLANTED);
    expect(emulator.log.length).toBe(before);
  });

  test("warns when exported OVH_* variables lose to the stack config read through the pulumi CLI", async () => {
    fs.writeFileSync(sandbox.file("Pulumi.yaml"), "name: p\nruntime: nodejs\n");
    sandbox.fakePulumi(JSON.stringify({ "ovh:endpoint": { value: emulator.url, secret: false }, "aws:region": { value: "x" } }));
    const result = await sandbox.run(["doctor", "--stack", "dev", "--json"], emulatorEnv(emulator, { OVH_ENDPOINT: "ovh-eu" }));
    expect(sandbox.pulumiCalls().map((c) => c.args)).toEqual([["config", "--json", "--show-secrets", "--stack", "dev"]]);
    const warnings = findings(result.stdout).filter((f) => f.status === "warn").map((f) => f.message);
    expect(warnings).toEqual([
      "OVH_ENDPOINT is set in the environment but Pulumi config ovh:endpoint takes precedence",
      `the keys come from the environment but the endpoint from Pulumi config ovh:endpoint (${emulator.url}): set OVH_ENDPOINT too if these keys belong to another endpoint (the emulator's do)`,
    ]);
    expect(result.code).toBe(0);
  });

  test("warns when keys come from the environment but the endpoint from ovh.conf", async () => {
    fs.writeFileSync(sandbox.file(".ovh.conf"), `[default]\nendpoint=${emulator.url}\n`);
    const result = await sandbox.run(["doctor", "--json"], emulatorEnv(emulator, { OVH_ENDPOINT: undefined }));
    const warnings = findings(result.stdout).filter((f) => f.status === "warn").map((f) => f.message);
    expect(warnings).toEqual([expect.stringMatching(/^the keys come from the environment but the endpoint from .*\.ovh\.conf \[default\] endpoint/)]);
  });

  test("checks an OAuth2 service account by using it: a token, then each zone", async () => {
    const c = emulator.credentials;
    const env = { OVH_ENDPOINT: emulator.url, OVH_CLIENT_ID: c.clientId, OVH_CLIENT_SECRET: c.clientSecret };
    const result = await sandbox.run(["doctor", "--zone", "example.com", "--zone", "nope.example", "--json"], env);
    expect(result.code).toBe(1);
    const lines = findings(result.stdout).filter((f) => f.status !== "info").map((f) => `${f.status} ${f.check}`);
    expect(lines).toEqual(["ok credentials", "ok endpoint", "ok clock", "ok zone example.com", "fail zone nope.example"]);
    expect(result.stdout).toContain(`clientId from env OVH_CLIENT_ID = ${c.clientId}`);
    expect(result.stdout).not.toContain(c.clientSecret);
  });
});
