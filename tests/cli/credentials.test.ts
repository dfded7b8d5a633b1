/**
 * `credentials` against the emulator: the consumer key is requested with least-privilege rules, validated on
 * the emulator's validation page as a user would, and stored where asked; refusals, timeouts and a wrong
 * secret end with exit 1 and nothing stored.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import { startEmulator, type Emulator } from "../../emulator";
import { BIN, CliSandbox, answerValidationPage, emulatorEnv } from "./cli-rig";

const ZONE_RULES = (z: string) => [
  { method: "GET", path: `/domain/zone/${z}` },
  { method: "GET", path: `/domain/zone/${z}/*` },
  { method: "POST", path: `/domain/zone/${z}/record` },
  { method: "PUT", path: `/domain/zone/${z}/record/*` },
  { method: "DELETE", path: `/domain/zone/${z}/record/*` },
  { method: "POST", path: `/domain/zone/${z}/refresh` },
];
const ACCOUNT_RULES = [
  { method: "GET", path: "/domain" },
  { method: "GET", path: "/domain/zone" },
];

describe("pulumi-ovh-dns credentials", () => {
  let emulator: Emulator;
  let sandbox: CliSandbox;
  /** The application key and secret only: the consumer key is what the command asks for. */
  let appEnv: Record<string, string | undefined>;
  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": [], "example.net": [] } });
    appEnv = emulatorEnv(emulator, { OVH_CONSUMER_KEY: undefined });
  });
  beforeEach(() => (sandbox = new CliSandbox()));
  afterEach(() => sandbox.remove());
  afterAll(() => emulator.close());

  /** Starts the command, validates the key once its URL is printed, and waits for the end. */
  async function validated(args: string[], env = appEnv) {
    const running = sandbox.start(args, env);
    const url = (await running.line(/credentialToken=/)).trim();
    expect(await answerValidationPage(url, "validate")).toBe(303);
    return running.done;
  }

  test("asks for the provider's rules on each --zone, waits for validation, and writes ovh.conf with mode 0600, keeping other sections", async () => {
    fs.writeFileSync(sandbox.file("ovh.conf"), "# mine\n[default]\nendpoint=ovh-eu\n\n[ovh-eu]\napplication_key=keep\nconsumer_key=keep-too\n");
    const result = await validated(["credentials", "--zone", "example.com", "--zone", "Example.NET.", "--ovh-conf", "ovh.conf", "--interval", "1"]);
    expect(result.stdout).toBe(""); // nothing to print: the key went to ovh.conf; the rest is for the user, on stderr
    expect(result.code).toBe(0);
    const conf = fs.readFileSync(sandbox.file("ovh.conf"), "utf8");
    const ck = /consumer_key=(\w{32})/.exec(conf)?.[1] as string;
    expect(conf).toBe(
      `# mine\n[default]\nendpoint=${emulator.url}\n\n[ovh-eu]\napplication_key=keep\nconsumer_key=keep-too\n\n[${emulator.url}]\n` +
        `application_key=${appEnv.OVH_APPLICATION_KEY}\napplication_secret=${appEnv.OVH_APPLICATION_SECRET}\nconsumer_key=${ck}\n`,
    );
    expect(fs.statSync(sandbox.file("ovh.conf")).mode & 0o777).toBe(0o600);
    expect(result.stderr).toContain(`Validated. The key carries 14 rule(s):`);
    expect(result.stderr).toContain(`stored in ovh.conf [${emulator.url}] (mode 0600)`);
    for (const secret of [ck, appEnv.OVH_APPLICATION_SECRET as string]) expect(result.stderr).not.toContain(secret);
    // The key works with exactly the rules asked for: doctor reads them back from /auth/currentCredential.
    const doctor = await sandbox.run(["doctor", "--zone", "example.com", "--zone", "example.net", "--json"], {});
    expect(doctor.code).toBe(0);
    expect(JSON.parse(doctor.stdout).findings.filter((f: { status: string }) => f.status === "fail")).toEqual([]);
  }, 30_000);

  test("--with-redirections adds exactly ZoneRedirection's write rules, which doctor --with-redirections then finds granted", async () => {
    const result = await validated(["credentials", "--zone", "example.com", "--with-redirections", "--ovh-conf", "ovh.conf", "--interval", "1"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Validated. The key carries 11 rule(s):");
    for (const rule of ["POST /domain/zone/example.com/redirection\n", "PUT /domain/zone/example.com/redirection/*\n", "DELETE /domain/zone/example.com/redirection/*\n"]) {
      expect(result.stderr).toContain(`    ${rule}`);
    }
    const doctor = await sandbox.run(["doctor", "--zone", "example.com", "--with-redirections", "--json"], {});
    expect([doctor.code, JSON.parse(doctor.stdout).findings.filter((f: { status: string }) => f.status === "fail")]).toEqual([0, []]);
    // A key asked for without the flag has no redirection write rule, and doctor --with-redirections names each.
    const plain = await validated(["credentials", "--zone", "example.com", "--ovh-conf", "plain.conf", "--interval", "1"]);
    expect(plain.stderr).toContain("Validated. The key carries 8 rule(s):");
    fs.renameSync(sandbox.file("plain.conf"), sandbox.file("ovh.conf"));
    const lacking = await sandbox.run(["doctor", "--zone", "example.com", "--with-redirections", "--json"], {});
    expect(lacking.code).toBe(1);
    expect(JSON.parse(lacking.stdout).findings.filter((f: { status: string }) => f.status === "fail").map((f: { message: string }) => f.message)).toEqual(
      [["POST", "/redirection", "create"], ["PUT", "/redirection/*", "update"], ["DELETE", "/redirection/*", "delete"]].map(([method, path, verb]) =>
        `missing rule ${method} /domain/zone/example.com${path} (needed to ${verb} a redirection): request a key with \`pulumi-ovh-dns credentials --zone example.com --with-redirections\``),
    );
  }, 30_000);

  test("--with-dnssec adds exactly ZoneDnssec's enable and disable rules, which doctor --with-dnssec then finds granted; its IAM policy the dnssec actions", async () => {
    const result = await validated(["credentials", "--zone", "example.com", "--with-dnssec", "--ovh-conf", "ovh.conf", "--interval", "1"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Validated. The key carries 10 rule(s):");
    for (const rule of ["POST /domain/zone/example.com/dnssec\n", "DELETE /domain/zone/example.com/dnssec\n"]) expect(result.stderr).toContain(`    ${rule}`);
    const doctor = await sandbox.run(["doctor", "--zone", "example.com", "--with-dnssec", "--json"], {});
    expect([doctor.code, JSON.parse(doctor.stdout).findings.filter((f: { status: string }) => f.status === "fail")]).toEqual([0, []]);
    // A key for records alone lacks both, and doctor --with-dnssec names each with the flag to ask for.
    const plain = await validated(["credentials", "--zone", "example.com", "--ovh-conf", "plain.conf", "--interval", "1"]);
    fs.renameSync(sandbox.file("plain.conf"), sandbox.file("ovh.conf"));
    const lacking = await sandbox.run(["doctor", "--zone", "example.com", "--with-dnssec", "--json"], {});
    expect([plain.code, lacking.code]).toEqual([0, 1]);
    expect(JSON.parse(lacking.stdout).findings.filter((f: { status: string }) => f.status === "fail").map((f: { message: string }) => f.message)).toEqual(
      [["POST", "enable"], ["DELETE", "disable"]].map(([method, verb]) =>
        `missing rule ${method} /domain/zone/example.com/dnssec (needed to ${verb} DNSSEC): request a key with \`pulumi-ovh-dns credentials --zone example.com --with-dnssec\``),
    );
    const c = emulator.credentials;
    const policy = await sandbox.run(["credentials", "--zone", "example.com", "--with-dnssec", "--print-exports", "--json"], {
      OVH_ENDPOINT: "ovh-eu",
      OVH_CLIENT_ID: c.clientId,
      OVH_CLIENT_SECRET: c.clientSecret,
    });
    expect(JSON.parse(policy.stdout).permissions.allow.map((a: { action: string }) => a.action.replace("dnsZone:apiovh:", ""))).toEqual(
      ["get", "record/get", "record/create", "record/edit", "record/delete", "refresh", "dnssec/get", "dnssec/create", "dnssec/delete"]);
  });

  test("--with-soa adds exactly ZoneSoa's PUT rule, which doctor --with-soa then finds granted; without it doctor names it", async () => {
    const result = await validated(["credentials", "--zone", "example.com", "--with-soa", "--ovh-conf", "ovh.conf", "--interval", "1"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Validated. The key carries 9 rule(s):");
    expect(result.stderr).toContain("    PUT /domain/zone/example.com/soa\n");
    const doctor = await sandbox.run(["doctor", "--zone", "example.com", "--with-soa", "--json"], {});
    expect([doctor.code, JSON.parse(doctor.stdout).findings.filter((f: { status: string }) => f.status === "fail")]).toEqual([0, []]);
    // --read-only --with-soa asks for nothing more: the SOA's GET is in GET <zone>/*.
    const readOnly = await validated(["credentials", "--zone", "example.com", "--read-only", "--with-soa", "--ovh-conf", "read.conf", "--interval", "1"]);
    expect(readOnly.stderr).toContain("Validated. The key carries 4 rule(s):");
    expect(readOnly.stderr).not.toContain("/soa");
    const plain = await validated(["credentials", "--zone", "example.com", "--ovh-conf", "plain.conf", "--interval", "1"]);
    fs.renameSync(sandbox.file("plain.conf"), sandbox.file("ovh.conf"));
    const lacking = await sandbox.run(["doctor", "--zone", "example.com", "--with-soa", "--json"], {});
    expect([plain.code, lacking.code]).toEqual([0, 1]);
    expect(JSON.parse(lacking.stdout).findings.filter((f: { status: string }) => f.status === "fail").map((f: { message: string }) => f.message)).toEqual([
      "missing rule PUT /domain/zone/example.com/soa (needed to change the zone's SOA (ZoneSoa)): request a key with `pulumi-ovh-dns credentials --zone example.com --with-soa`",
    ]);
    // The same key passes doctor without the flag, and with --read-only --with-soa (the SOA's GET is granted).
    for (const flags of [[], ["--read-only", "--with-soa"]]) {
      expect((await sandbox.run(["doctor", "--zone", "example.com", ...flags, "--json"], {})).code).toBe(0);
    }
  }, 30_000);

  test("--pulumi-config runs `pulumi config set`, secrets on stdin and never on the command line", async () => {
    sandbox.fakePulumi();
    const result = await validated(["credentials", "--all-zones", "--read-only", "--pulumi-config", "--stack", "dev", "--interval", "1"]);
    expect(result.code).toBe(0);
    const calls = sandbox.pulumiCalls();
    const ck = calls[3].stdin;
    expect(calls).toEqual([
      { args: ["config", "set", "--stack", "dev", "ovh:endpoint"], stdin: emulator.url },
      { args: ["config", "set", "--stack", "dev", "ovh:applicationKey"], stdin: appEnv.OVH_APPLICATION_KEY },
      { args: ["config", "set", "--secret", "--stack", "dev", "ovh:applicationSecret"], stdin: appEnv.OVH_APPLICATION_SECRET },
      { args: ["config", "set", "--secret", "--stack", "dev", "ovh:consumerKey"], stdin: expect.stringMatching(/^\w{32}$/) },
    ]);
    expect(result.stdout + result.stderr).not.toContain(ck);
    expect(result.stderr).toContain("    GET /domain/zone/*/*\n");
    expect(result.stderr).not.toMatch(/(POST|PUT|DELETE) \/domain/);
  }, 30_000);

  test("--print-exports prints the consumer key (asked for), never the application secret; --json gives the rules", async () => {
    const result = await validated(["credentials", "--zone", "example.com", "--print-exports", "--json", "--interval", "1"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toEqual({
      validated: true,
      rules: [...ACCOUNT_RULES, ...ZONE_RULES("example.com")],
      expiration: null,
      stored: [],
      consumerKey: expect.stringMatching(/^\w{32}$/),
    });
    expect(result.stdout + result.stderr).not.toContain(appEnv.OVH_APPLICATION_SECRET);
    const plain = await validated(["credentials", "--zone", "example.com", "--print-exports", "--interval", "1"]);
    expect(plain.stdout).toMatch(new RegExp(`^export OVH_CONSUMER_KEY=\\w{32}$`, "m"));
    expect(plain.stdout).toContain(`export OVH_ENDPOINT=${emulator.url}\n`);
  }, 30_000);

  test("--print-exports > file: the URL and the progress reach the user on stderr, the file holds only the export lines", async () => {
    const out = sandbox.file("exports.sh");
    const fd = fs.openSync(out, "w");
    const child = spawn(process.execPath, [BIN, "credentials", "--zone", "example.com", "--print-exports", "--interval", "1", "--timeout", "5"], {
      cwd: sandbox.dir,
      env: sandbox.env(appEnv),
      stdio: ["ignore", fd, "pipe"],
    });
    fs.closeSync(fd);
    let stderr = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr?.on("data", (c: Buffer) => {
        stderr += c.toString("utf8");
        const found = /^\s*(\S*credentialToken=\S*)$/m.exec(stderr);
        if (found) resolve(found[1]);
      });
      child.on("close", () => reject(new Error(`exited before printing the URL on stderr:\n${stderr}`)));
    });
    expect(await answerValidationPage(url, "validate")).toBe(303);
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(stderr).toContain("Open this URL");
    expect(stderr).toContain("Validated. The key carries 8 rule(s):");
    const lines = fs.readFileSync(out, "utf8").trimEnd().split("\n");
    expect(lines.map((l) => l.replace(/=.*/, ""))).toEqual([
      "export OVH_ENDPOINT",
      "export OVH_APPLICATION_KEY",
      "export OVH_CONSUMER_KEY",
      "# OVH_APPLICATION_SECRET: the one you already have (not printed)",
    ]);
  }, 30_000);

  test("a request refused by the API (unknown application key) exits 1 and stores nothing", async () => {
    sandbox.fakePulumi();
    emulator.clearLog();
    const result = await sandbox.run(["credentials", "--zone", "example.com", "--pulumi-config"], { ...appEnv, OVH_APPLICATION_KEY: "unknownAppKey000" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("This application key is invalid");
    expect(result.stderr).toContain("Check applicationKey");
    expect(sandbox.pulumiCalls()).toEqual([]);
    expect(emulator.log.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(["POST /auth/credential 403"]);
  });

  test("a key left unvalidated times out with exit 1 and nothing stored", async () => {
    const running = sandbox.start(["credentials", "--zone", "example.com", "--ovh-conf", "ovh.conf", "--interval", "1", "--timeout", "2"], appEnv);
    await running.line(/credentialToken=/);
    const result = await running.done;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: the consumer key was not validated within 2 s");
    expect(fs.existsSync(sandbox.file("ovh.conf"))).toBe(false);
  }, 30_000);

  test("a key refused on the validation page is never taken as valid: timeout, exit 1, nothing stored", async () => {
    const running = sandbox.start(["credentials", "--zone", "example.com", "--ovh-conf", "ovh.conf", "--interval", "1", "--timeout", "3"], appEnv);
    const url = (await running.line(/credentialToken=/)).trim();
    expect(await answerValidationPage(url, "refuse")).toBe(200);
    const result = await running.done;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("(it is pending, or was refused on the validation page)");
    expect(fs.existsSync(sandbox.file("ovh.conf"))).toBe(false);
  }, 30_000);

  test("a wrong application secret stops the wait at once (Invalid signature) instead of polling to the timeout", async () => {
    const running = sandbox.start(["credentials", "--zone", "example.com", "--print-exports", "--interval", "1", "--timeout", "600"], {
      ...appEnv,
      OVH_APPLICATION_SECRET: "x".repeat(32),
    });
    const url = (await running.line(/credentialToken=/)).trim();
    await answerValidationPage(url, "validate");
    const result = await running.done;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Invalid signature");
    expect(result.stdout).not.toMatch(/export OVH_CONSUMER_KEY/);
  }, 30_000);

  test("Ctrl-C while waiting exits 1 and stores nothing", async () => {
    const running = sandbox.start(["credentials", "--zone", "example.com", "--ovh-conf", "ovh.conf", "--interval", "1"], appEnv);
    await running.line(/Waiting for the validation/);
    running.child.kill("SIGINT");
    const result = await running.done;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("interrupted before the consumer key was validated; nothing was stored");
    expect(fs.existsSync(sandbox.file("ovh.conf"))).toBe(false);
  }, 30_000);

  test("--pulumi-config without a pulumi CLI fails before asking for a key", async () => {
    emulator.clearLog();
    const result = await sandbox.run(["credentials", "--zone", "example.com", "--pulumi-config"], appEnv);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--pulumi-config needs the pulumi CLI on the PATH");
    expect(emulator.count({ method: "POST" })).toBe(0);
  });

  test("no application key anywhere: exit 1 saying where to create one", async () => {
    const result = await sandbox.run(["credentials", "--zone", "example.com", "--print-exports"], { OVH_ENDPOINT: emulator.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no application key found: create an application at https://eu.api.ovh.com/createApp/");
  });

  test("an OAuth2 service account gets the IAM policy to attach, and no key is requested", async () => {
    emulator.clearLog();
    const c = emulator.credentials;
    const result = await sandbox.run(["credentials", "--zone", "example.com", "--print-exports", "--json"], {
      OVH_ENDPOINT: "ovh-ca",
      OVH_CLIENT_ID: c.clientId,
      OVH_CLIENT_SECRET: c.clientSecret,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      name: "pulumi-ovh-dns",
      description: "pulumi-ovh-dns access to example.com",
      identities: [`urn:v1:ca:identity:credential:<account>/oauth2-${c.clientId}`],
      resources: [{ urn: "urn:v1:ca:resource:dnsZone:example.com" }],
      permissions: {
        allow: ["get", "record/get", "record/create", "record/edit", "record/delete", "refresh"].map((a) => ({ action: `dnsZone:apiovh:${a}` })),
      },
    });
    expect(result.stdout).not.toContain(c.clientSecret);
    expect(emulator.log).toEqual([]);
    // Without --json the note goes to stderr: stdout is still the policy alone.
    const plain = await sandbox.run(["credentials", "--zone", "example.com", "--print-exports"], {
      OVH_ENDPOINT: "ovh-ca",
      OVH_CLIENT_ID: c.clientId,
      OVH_CLIENT_SECRET: c.clientSecret,
    });
    expect(JSON.parse(plain.stdout)).toEqual(JSON.parse(result.stdout));
    expect(plain.stderr).toContain("not limited by consumer-key rules but by IAM policies");
    const redirections = await sandbox.run(["credentials", "--zone", "example.com", "--with-redirections", "--print-exports", "--json"], {
      OVH_ENDPOINT: "ovh-ca",
      OVH_CLIENT_ID: c.clientId,
      OVH_CLIENT_SECRET: c.clientSecret,
    });
    expect(JSON.parse(redirections.stdout).permissions.allow.map((a: { action: string }) => a.action.replace("dnsZone:apiovh:", ""))).toEqual(
      ["get", "record/get", "record/create", "record/edit", "record/delete", "refresh", "redirection/get", "redirection/create", "redirection/edit", "redirection/delete"]);
    const soa = await sandbox.run(["credentials", "--zone", "example.com", "--with-soa", "--print-exports", "--json"], {
      OVH_ENDPOINT: "ovh-ca",
      OVH_CLIENT_ID: c.clientId,
      OVH_CLIENT_SECRET: c.clientSecret,
    });
    expect(JSON.parse(soa.stdout).permissions.allow.map((a: { action: string }) => a.action.replace("dnsZone:apiovh:", ""))).toEqual(
      ["get", "record/get", "record/create", "record/edit", "record/delete", "refresh", "soa/get", "soa/edit"]);
    const soaReadOnly = await sandbox.run(["credentials", "--zone", "example.com", "--read-only", "--with-soa", "--print-exports", "--json"], {
      OVH_ENDPOINT: "ovh-ca",
      OVH_CLIENT_ID: c.clientId,
      OVH_CLIENT_SECRET: c.clientSecret,
    });
    expect(JSON.parse(soaReadOnly.stdout).permissions.allow.map((a: { action: string }) => a.action.replace("dnsZone:apiovh:", ""))).toEqual(["get", "record/get", "soa/get"]);
  });
});
