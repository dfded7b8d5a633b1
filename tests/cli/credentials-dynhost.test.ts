/**
 * `credentials --with-dynhost` and `doctor --with-dynhost` against the emulator: exactly the write rules of
 * DynHostRecord and DynHostLogin are asked for (reading is in `GET <zone>/*`), the key validated as a user would,
 * doctor finds them granted, and names each one a key without the flag lacks; with `--oauth2`, the IAM actions.
 */
import * as fs from "node:fs";
import { startEmulator, type Emulator } from "../../emulator";
import { CliSandbox, answerValidationPage, emulatorEnv } from "./cli-rig";

const DYNHOST_WRITES: [string, string, string][] = [
  ["POST", "/dynHost/record", "create a DynHost record"],
  ["PUT", "/dynHost/record/*", "update a DynHost record"],
  ["DELETE", "/dynHost/record/*", "delete a DynHost record"],
  ["POST", "/dynHost/login", "create a DynHost login"],
  ["PUT", "/dynHost/login/*", "change a DynHost login's sub-domain"],
  ["POST", "/dynHost/login/*/changePassword", "change a DynHost login's password"],
  ["DELETE", "/dynHost/login/*", "delete a DynHost login"],
];

describe("pulumi-ovh-dns credentials and doctor --with-dynhost", () => {
  let emulator: Emulator;
  let sandbox: CliSandbox;
  let appEnv: Record<string, string | undefined>;
  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": [] } });
    appEnv = emulatorEnv(emulator, { OVH_CONSUMER_KEY: undefined });
  });
  beforeEach(() => (sandbox = new CliSandbox()));
  afterEach(() => sandbox.remove());
  afterAll(() => emulator.close());

  async function validated(args: string[]) {
    const running = sandbox.start(args, appEnv);
    const url = (await running.line(/credentialToken=/)).trim();
    expect(await answerValidationPage(url, "validate")).toBe(303);
    return running.done;
  }

  test("asks for exactly the DynHost write rules, which doctor --with-dynhost then finds granted; a key without them is named", async () => {
    const result = await validated(["credentials", "--zone", "example.com", "--with-dynhost", "--ovh-conf", "ovh.conf", "--interval", "1"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Validated. The key carries 15 rule(s):");
    for (const [method, path] of DYNHOST_WRITES) expect(result.stderr).toContain(`    ${method} /domain/zone/example.com${path}\n`);
    const doctor = await sandbox.run(["doctor", "--zone", "example.com", "--with-dynhost", "--json"], {});
    expect([doctor.code, JSON.parse(doctor.stdout).findings.filter((f: { status: string }) => f.status === "fail")]).toEqual([0, []]);
    const plain = await validated(["credentials", "--zone", "example.com", "--ovh-conf", "plain.conf", "--interval", "1"]);
    expect(plain.stderr).toContain("Validated. The key carries 8 rule(s):");
    fs.renameSync(sandbox.file("plain.conf"), sandbox.file("ovh.conf"));
    const lacking = await sandbox.run(["doctor", "--zone", "example.com", "--with-dynhost", "--json"], {});
    expect(lacking.code).toBe(1);
    expect(JSON.parse(lacking.stdout).findings.filter((f: { status: string }) => f.status === "fail").map((f: { message: string }) => f.message)).toEqual(
      DYNHOST_WRITES.map(([method, path, purpose]) => `missing rule ${method} /domain/zone/example.com${path} (needed to ${purpose}): ` +
        "request a key with `pulumi-ovh-dns credentials --zone example.com --with-dynhost`"),
    );
  }, 30_000);

  test("an OAuth2 service account with --with-dynhost gets the IAM actions of the DynHost routes, reads and writes; --read-only the reads", async () => {
    const c = emulator.credentials;
    const env = { OVH_ENDPOINT: "ovh-ca", OVH_CLIENT_ID: c.clientId, OVH_CLIENT_SECRET: c.clientSecret };
    const actions = async (extra: string[]) => {
      const out = await sandbox.run(["credentials", "--zone", "example.com", "--with-dynhost", ...extra, "--print-exports", "--json"], env);
      expect(out.code).toBe(0);
      return (JSON.parse(out.stdout).permissions.allow as { action: string }[]).map((a) => a.action.replace("dnsZone:apiovh:", "")).filter((a) => a.startsWith("dynHost/"));
    };
    expect(await actions([])).toEqual(["dynHost/record/get", "dynHost/login/get", "dynHost/record/create", "dynHost/record/edit", "dynHost/record/delete",
      "dynHost/login/create", "dynHost/login/edit", "dynHost/login/delete", "dynHost/login/changePassword"]);
    expect(await actions(["--read-only"])).toEqual(["dynHost/record/get", "dynHost/login/get"]);
  });
});
