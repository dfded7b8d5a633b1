/**
 * The files the command writes (cli/safe-write.ts) cannot be redirected by a symlink planted in their directory
 * (issue #19): the planted-symlink attacks on `credentials --ovh-conf` and `export -o`, through the real bin
 * against the emulator, and the writer's own rules.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { writeFileSafely } from "../../cli/safe-write";
import { CliSandbox, answerValidationPage, emulatorEnv } from "./cli-rig";

let sandbox: CliSandbox;
beforeEach(() => (sandbox = new CliSandbox()));
afterEach(() => sandbox.remove());

/** A victim file another user owns in spirit: its text must never change. */
function victim(): string {
  const file = sandbox.file("victim");
  fs.writeFileSync(file, "victim's own text\n", { mode: 0o600 });
  return file;
}

const entries = () => fs.readdirSync(sandbox.dir).sort();

describe("writeFileSafely", () => {
  it("writes a new file with the mode asked, through a private directory it removes", () => {
    writeFileSafely(sandbox.file("out"), "text\n", { mode: 0o600, flag: "--output" });
    expect(fs.readFileSync(sandbox.file("out"), "utf8")).toBe("text\n");
    expect(fs.lstatSync(sandbox.file("out")).mode & 0o777).toBe(0o600);
    expect(entries()).toEqual(["bin", "out"]);
  });

  it("refuses an existing name unless asked to replace it, and replaces a regular file atomically when asked", () => {
    fs.writeFileSync(sandbox.file("out"), "old\n");
    expect(() => writeFileSafely(sandbox.file("out"), "new\n", { flag: "--output" })).toThrow(/--output .*out appeared while writing it: nothing was written/);
    expect(fs.readFileSync(sandbox.file("out"), "utf8")).toBe("old\n");
    writeFileSafely(sandbox.file("out"), "new\n", { flag: "--output", replace: true });
    expect(fs.readFileSync(sandbox.file("out"), "utf8")).toBe("new\n");
    expect(entries()).toEqual(["bin", "out"]);
  });

  it("refuses a target that is a symbolic link, dangling or not, and leaves the link and what it points to as they were", () => {
    const file = victim();
    fs.symlinkSync(file, sandbox.file("link"));
    fs.symlinkSync(sandbox.file("nowhere"), sandbox.file("dangling"));
    for (const [name, replace] of [["link", true], ["link", false], ["dangling", true], ["dangling", false]] as const) {
      expect(() => writeFileSafely(sandbox.file(name), "attacker\n", { flag: "--ovh-conf", replace })).toThrow(
        `--ovh-conf ${sandbox.file(name)} is a symbolic link (to ${name === "link" ? file : sandbox.file("nowhere")}): nothing was written; ` +
          "the command never writes through a link. Give the path of the file itself, or remove the link",
      );
    }
    expect(fs.readFileSync(file, "utf8")).toBe("victim's own text\n");
    expect(fs.existsSync(sandbox.file("nowhere"))).toBe(false);
    expect(fs.readlinkSync(sandbox.file("link"))).toBe(file);
    expect(entries()).toEqual(["bin", "dangling", "link", "victim"]);
  });

  it("refuses a directory or another special file as the target", () => {
    fs.mkdirSync(sandbox.file("dir"));
    expect(() => writeFileSafely(sandbox.file("dir"), "x", { flag: "--output", replace: true })).toThrow(/--output .*dir is not a regular file: nothing was written/);
  });

  it("is not redirected by symlinks planted at the names the old writer used (<path>.<pid>.tmp)", () => {
    const file = victim();
    for (let pid = process.pid - 5; pid <= process.pid + 5; pid++) fs.symlinkSync(file, sandbox.file(`ovh.conf.${pid}.tmp`));
    writeFileSafely(sandbox.file("ovh.conf"), "[default]\nendpoint=ovh-eu\n", { mode: 0o600, replace: true, flag: "--ovh-conf" });
    expect(fs.readFileSync(file, "utf8")).toBe("victim's own text\n");
    expect(fs.lstatSync(sandbox.file("ovh.conf")).isFile()).toBe(true);
    expect(fs.readFileSync(sandbox.file("ovh.conf"), "utf8")).toBe("[default]\nendpoint=ovh-eu\n");
  });
});

describe("the command's file writes against planted symlinks", () => {
  let emulator: Emulator;
  beforeAll(async () => (emulator = await startEmulator({ zones: { "example.com": [{ subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 0 }] } })));
  afterAll(() => emulator.close());

  test("credentials --ovh-conf: symlinks planted at <ovh.conf>.<pid>.tmp after the start do not receive the credentials, and ovh.conf is a file", async () => {
    const file = victim();
    const running = sandbox.start(["credentials", "--zone", "example.com", "--ovh-conf", "ovh.conf", "--interval", "1"], emulatorEnv(emulator, { OVH_CONSUMER_KEY: undefined }));
    const url = (await running.line(/credentialToken=/)).trim();
    // The command is waiting for the validation: plant the old writer's temporary name for its pid.
    fs.symlinkSync(file, sandbox.file(`ovh.conf.${running.child.pid}.tmp`));
    expect(await answerValidationPage(url, "validate")).toBe(303);
    const result = await running.done;
    expect(result.code).toBe(0);
    expect(fs.readFileSync(file, "utf8")).toBe("victim's own text\n");
    expect(fs.lstatSync(sandbox.file("ovh.conf")).isFile()).toBe(true);
    expect(fs.lstatSync(sandbox.file("ovh.conf")).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(sandbox.file("ovh.conf"), "utf8")).toMatch(new RegExp(`^\\[default\\]\nendpoint=${emulator.url}\n\n\\[${emulator.url}\\]\napplication_key=`));
  });

  test("credentials --ovh-conf through a symbolic link is refused before any key is requested", async () => {
    const file = victim();
    fs.symlinkSync(file, sandbox.file("ovh.conf"));
    const before = emulator.log.length;
    const result = await sandbox.run(["credentials", "--zone", "example.com", "--ovh-conf", "ovh.conf"], emulatorEnv(emulator, { OVH_CONSUMER_KEY: undefined }));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`--ovh-conf ovh.conf is a symbolic link (to ${file}): nothing was written`);
    expect(emulator.log.slice(before).filter((r) => r.path.includes("/auth/credential"))).toEqual([]);
    expect(fs.readFileSync(file, "utf8")).toBe("victim's own text\n");
  });

  test.each([[[] as string[]], [["--force"]]])("export -o through a dangling symbolic link creates nothing, with %j", async (extra) => {
    fs.symlinkSync(sandbox.file("created-by-attacker"), sandbox.file("zone.yaml"));
    const result = await sandbox.run(["export", "example.com", "--format", "yaml", "-o", "zone.yaml", ...extra], emulatorEnv(emulator));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`--output zone.yaml is a symbolic link (to ${sandbox.file("created-by-attacker")}): nothing was written`);
    expect(fs.existsSync(sandbox.file("created-by-attacker"))).toBe(false);
    expect(entries()).toEqual(["bin", "zone.yaml"]);
  });

  test("export -o writes the file itself, leaving no temporary name behind", async () => {
    const result = await sandbox.run(["export", "example.com", "--format", "bind", "-o", "zone.db"], emulatorEnv(emulator));
    expect(result.code).toBe(0);
    expect(fs.readFileSync(sandbox.file("zone.db"), "utf8")).toContain("www");
    expect(entries()).toEqual(["bin", "zone.db"]);
    expect(path.isAbsolute(sandbox.file("zone.db"))).toBe(true);
  });
});
