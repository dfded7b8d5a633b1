/**
 * Issue #19: no message carries text read from a secret source. Known secrets are planted in every source the
 * command and the provider read (the environment, ovh.conf, the stack config that `pulumi config --show-secrets`
 * prints, OAuth2), then full runs, most of them failing, are made: doctor (text and --json), export, credentials,
 * and an up through the local engine whose writes fail. Every stdout, stderr, JSON output, engine message,
 * diagnostic and the state file are scanned for each secret, whole and for a fragment of it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { startEmulator, type Emulator } from "../../emulator";
import { LocalEngine } from "../../tools/local-engine/engine";
import { CliSandbox, answerValidationPage, type CliResult } from "./cli-rig";

/** Each secret is unique in its middle, so a truncated echo (the first 200 characters of an output) is found too. */
const SECRETS = {
  envSecret: "AsEnv7Qx2Lm9Vb4Nc8Zr1Tw6Yp3Hk5Jd",
  envConsumer: "CkEnv3Fg8Rt5Wq1Mz7Xc4Vb9Nl2Pk6Hs",
  confSecret: "AsConf9Pl2Ko7Ij4Uh1Yg6Tf3Rd8Es5W",
  confConsumer: "CkConf4Mn7Bv1Cx8Za5Sd2Fg9Hj6Kl3Q",
  stackSecret: "AsStack2Wx9Ec6Rv3Tb8Yn5Um1Ik7Ol4",
  stackConsumer: "CkStack8Qa1Zs4Xd7Cf2Vg5Bh9Nj3Mk6",
  oauthSecret: "OaSecret5Lk8Jh2Gf6Ds9Ap3Qw7Er1Ty",
  wrongSecret: "AsWrong1Zx6Cv9Bn3Mq8Wl4Ek2Rj7Th5",
  unknownConsumer: "CkUnknown6Yu2Io8Pa4Sd1Fg9Hj3Kl7Z",
  readOnlyConsumer: "CkReadOnly3Gh7Jk1Lz5Xc9Vb2Nm6Qw8",
};
const APPS = { env: "envApp0000000001", conf: "confApp000000002", stack: "stackApp00000003" };
const ZONE = "example.com";

/** The secret itself and a 12-character piece of its middle. */
const needles = (secret: string) => [secret, secret.slice(10, 22)];

/** Everything a run showed, by label. */
const seen: { label: string; text: string }[] = [];
function keep(label: string, result: CliResult): CliResult {
  seen.push({ label: `${label} (stdout)`, text: result.stdout }, { label: `${label} (stderr)`, text: result.stderr });
  return result;
}

let emulator: Emulator;
let sandbox: CliSandbox;
beforeAll(async () => {
  emulator = await startEmulator({
    zones: { [ZONE]: [{ subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 0 }] },
    applications: [
      { applicationKey: APPS.env, applicationSecret: SECRETS.envSecret },
      { applicationKey: APPS.conf, applicationSecret: SECRETS.confSecret },
      { applicationKey: APPS.stack, applicationSecret: SECRETS.stackSecret },
    ],
    consumerKeys: [
      { consumerKey: SECRETS.envConsumer, applicationKey: APPS.env },
      { consumerKey: SECRETS.confConsumer, applicationKey: APPS.conf },
      { consumerKey: SECRETS.stackConsumer, applicationKey: APPS.stack },
      { consumerKey: SECRETS.readOnlyConsumer, applicationKey: APPS.stack, rules: [{ method: "GET", path: "/*" }] },
    ],
    oauth2Clients: [{ clientId: "EU.scanclient", clientSecret: SECRETS.oauthSecret }],
    refreshDurationMs: 5,
  });
  sandbox = new CliSandbox();
});
afterAll(async () => {
  await emulator.close();
  sandbox.remove();
});

const env = (overrides: Record<string, string | undefined> = {}) => ({
  OVH_ENDPOINT: emulator.url, OVH_APPLICATION_KEY: APPS.env, OVH_APPLICATION_SECRET: SECRETS.envSecret, OVH_CONSUMER_KEY: SECRETS.envConsumer, ...overrides,
});
const noEnvKeys = { OVH_APPLICATION_KEY: undefined, OVH_APPLICATION_SECRET: undefined, OVH_CONSUMER_KEY: undefined };

/** A fake `pulumi` that prints `stdout` and exits with `code` (for `pulumi config --json --show-secrets`). */
function fakePulumi(stdout: string, code = 0): void {
  fs.writeFileSync(path.join(sandbox.binDir, "pulumi"),
    `#!${process.execPath}\nprocess.stdout.write(${JSON.stringify(stdout)});\nprocess.exitCode = ${code};\n`, { mode: 0o755 });
}
const stackConfig = (secret: string, consumer: string) => JSON.stringify({
  "ovh:endpoint": { value: emulator.url, secret: false },
  "ovh:applicationKey": { value: APPS.stack, secret: false },
  "ovh:applicationSecret": { value: secret, secret: true },
  "ovh:consumerKey": { value: consumer, secret: true },
});

/** Undone after each test, failed or not, so one failure does not change the next test's sources. */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((undo) => undo()));

describe("doctor", () => {
  it("with the environment's keys: passes, then fails on a wrong secret and on an unknown consumer key", async () => {
    expect(keep("doctor env", await sandbox.run(["doctor", "--zone", ZONE], env())).code).toBe(0);
    expect(keep("doctor env --json", await sandbox.run(["doctor", "--zone", ZONE, "--json"], env())).code).toBe(0);
    expect(keep("doctor env wrong secret", await sandbox.run(["doctor", "--zone", ZONE, "--json"], env({ OVH_APPLICATION_SECRET: SECRETS.wrongSecret }))).code).not.toBe(0);
    expect(keep("doctor env unknown key", await sandbox.run(["doctor", "--zone", ZONE], env({ OVH_CONSUMER_KEY: SECRETS.unknownConsumer }))).code).not.toBe(0);
  });

  it("with ovh.conf's keys: passes, then fails when the conf holds an unknown consumer key", async () => {
    const conf = (consumer: string) => `[default]\nendpoint=${emulator.url}\n\n[${emulator.url}]\napplication_key=${APPS.conf}\n` +
      `application_secret=${SECRETS.confSecret}\nconsumer_key=${consumer}\n`;
    fs.writeFileSync(sandbox.file("ovh.conf"), conf(SECRETS.confConsumer));
    cleanups.push(() => fs.rmSync(sandbox.file("ovh.conf"), { force: true }));
    expect(keep("doctor ovh.conf", await sandbox.run(["doctor", "--zone", ZONE], { ...noEnvKeys, OVH_ENDPOINT: undefined })).code).toBe(0);
    fs.writeFileSync(sandbox.file("ovh.conf"), conf(SECRETS.unknownConsumer));
    expect(keep("doctor ovh.conf unknown key", await sandbox.run(["doctor", "--zone", ZONE, "--json"], { ...noEnvKeys, OVH_ENDPOINT: undefined })).code).not.toBe(0);
  });

  it("with the stack config: passes, and never echoes `pulumi config --show-secrets` output that is not JSON or comes with a failure", async () => {
    fs.writeFileSync(sandbox.file("Pulumi.yaml"), "name: scan\nruntime: nodejs\n");
    cleanups.push(() => fs.rmSync(sandbox.file("Pulumi.yaml"), { force: true }), () => fs.rmSync(path.join(sandbox.binDir, "pulumi"), { force: true }));
    fakePulumi(stackConfig(SECRETS.stackSecret, SECRETS.stackConsumer));
    expect(keep("doctor stack config", await sandbox.run(["doctor", "--zone", ZONE], noEnvKeys)).code).toBe(0);
    fakePulumi(`warning: not JSON, but the secrets: ${SECRETS.stackSecret} ${SECRETS.stackConsumer}`);
    const notJson = keep("doctor stack config not JSON", await sandbox.run(["doctor", "--zone", ZONE], noEnvKeys));
    expect(notJson.code).not.toBe(0);
    expect(`${notJson.stdout}${notJson.stderr}`).toContain('"pulumi config --json" did not print JSON');
    fakePulumi(stackConfig(SECRETS.stackSecret, SECRETS.stackConsumer), 1);
    const failed = keep("doctor stack config failing", await sandbox.run(["doctor", "--zone", ZONE, "--json"], noEnvKeys));
    expect(failed.code).not.toBe(0);
    expect(`${failed.stdout}${failed.stderr}`).toContain("its output is not shown: it may hold secrets");
  });

  it("with OAuth2: passes, then fails on a wrong client secret", async () => {
    const oauth = (secret: string) => ({ ...noEnvKeys, OVH_ENDPOINT: emulator.url, OVH_CLIENT_ID: "EU.scanclient", OVH_CLIENT_SECRET: secret });
    expect(keep("doctor oauth2", await sandbox.run(["doctor", "--zone", ZONE], oauth(SECRETS.oauthSecret))).code).toBe(0);
    expect(keep("doctor oauth2 wrong secret", await sandbox.run(["doctor", "--zone", ZONE, "--json"], oauth(SECRETS.wrongSecret))).code).not.toBe(0);
  });
});

describe("export and credentials", () => {
  it("export: a zone, its JSON, an unknown zone, a wrong secret", async () => {
    expect(keep("export", await sandbox.run(["export", ZONE], env())).code).toBe(0);
    expect(keep("export --json", await sandbox.run(["export", ZONE, "--json"], env())).code).toBe(0);
    expect(keep("export unknown zone", await sandbox.run(["export", "unknown.example"], env())).code).not.toBe(0);
    expect(keep("export wrong secret", await sandbox.run(["export", ZONE, "--format", "yaml"], env({ OVH_APPLICATION_SECRET: SECRETS.wrongSecret }))).code).not.toBe(0);
  });

  it("credentials: a refused validation, and a wrong application secret", async () => {
    const running = sandbox.start(["credentials", "--zone", ZONE, "--ovh-conf", "new.conf", "--interval", "1", "--timeout", "2"], env({ OVH_CONSUMER_KEY: undefined }));
    const url = (await running.line(/credentialToken=/)).trim();
    await answerValidationPage(url, "refuse");
    expect(keep("credentials refused", await running.done).code).not.toBe(0);
    const wrong = await sandbox.run(["credentials", "--zone", ZONE, "--ovh-conf", "new.conf", "--interval", "1", "--timeout", "2"], env({ OVH_CONSUMER_KEY: undefined, OVH_APPLICATION_SECRET: SECRETS.wrongSecret }));
    expect(keep("credentials wrong secret", wrong).code).not.toBe(0);
  }, 30_000);
});

describe("an up through the local engine", () => {
  it("whose record write is refused (a key without the rule), with the keys in the stack config (secrets) and in the environment", async () => {
    const dir = fs.mkdtempSync(path.join(sandbox.dir, "stack-"));
    const recordsFile = path.join(dir, "records.yaml");
    fs.writeFileSync(recordsFile, stringify({ zoneName: ZONE, records: { api: { subDomain: "api", fieldType: "A", target: "203.0.113.20" } } }));
    const engine = new LocalEngine({
      programDir: path.resolve(__dirname, "../scenarios/records-program"),
      stack: "scan",
      statePath: path.join(dir, "state.json"),
      config: {
        recordsFile, "ovh:endpoint": emulator.url, "ovh:applicationKey": APPS.stack,
        "ovh:applicationSecret": SECRETS.stackSecret, "ovh:consumerKey": SECRETS.readOnlyConsumer,
      },
      secretKeys: ["ovh:applicationSecret", "ovh:consumerKey"],
      env: { OVH_APPLICATION_SECRET: SECRETS.envSecret, OVH_CONSUMER_KEY: SECRETS.envConsumer },
    });
    const failed = await engine.up();
    expect(failed.ok).toBe(false);
    seen.push({ label: "up: error", text: failed.error ?? "" }, { label: "up: printed", text: failed.printed },
      { label: "up: diagnostics", text: failed.diagnostics.join("\n") }, { label: "up: provider calls", text: JSON.stringify(failed.providerCalls) },
      { label: "up: state file", text: fs.existsSync(path.join(dir, "state.json")) ? fs.readFileSync(path.join(dir, "state.json"), "utf8") : "" });
    const wrong = new LocalEngine({
      programDir: path.resolve(__dirname, "../scenarios/records-program"), stack: "scan-wrong", statePath: path.join(dir, "wrong.json"),
      config: { recordsFile, "ovh:endpoint": emulator.url, "ovh:applicationKey": APPS.stack, "ovh:applicationSecret": SECRETS.wrongSecret, "ovh:consumerKey": SECRETS.stackConsumer },
      secretKeys: ["ovh:applicationSecret", "ovh:consumerKey"],
    });
    const refused = await wrong.up();
    expect(refused.ok).toBe(false);
    seen.push({ label: "up wrong secret: error", text: refused.error ?? "" }, { label: "up wrong secret: printed", text: refused.printed },
      { label: "up wrong secret: diagnostics", text: refused.diagnostics.join("\n") });
  }, 120_000);
});

describe("the scan", () => {
  it("finds no planted secret, whole or in part, in anything the runs showed", () => {
    const leaks = seen.flatMap(({ label, text }) =>
      Object.entries(SECRETS).flatMap(([name, secret]) => (needles(secret).some((n) => text.includes(n)) ? [`${name} in ${label}`] : [])));
    expect(leaks).toEqual([]);
    // Every run was scanned, and the failures are there to be scanned.
    expect(seen.length).toBe(42);
    expect(seen.filter((s) => /not granted|Invalid signature|invalid_client|not validated|does not exist|not print JSON/.test(s.text)).length).toBeGreaterThan(5);
  });

  it("and the emulator's request log holds none of the secrets (it names consumer keys and client ids by design)", () => {
    const log = JSON.stringify(emulator.log);
    const secrets = [SECRETS.envSecret, SECRETS.confSecret, SECRETS.stackSecret, SECRETS.oauthSecret, SECRETS.wrongSecret];
    expect(secrets.filter((s) => needles(s).some((n) => log.includes(n)))).toEqual([]);
  });
});
