/**
 * `npx pulumi-ovh-dns` from a project that installed the package: the packed tarball declares the bin, npm links
 * it into node_modules/.bin, and it runs with the package's own dependencies (no @pulumi/pulumi needed to run it).
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { packInto } from "../package/pack";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");

describe("the installed package", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovh-dns-installed-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("runs `npx pulumi-ovh-dns`, from a bin file with a node shebang", async () => {
    const { tarball, files } = await packInto(dir);
    expect(files).toContain("dist/cli/main.js");
    const project = path.join(dir, "project");
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "project", private: true }));
    // As a user installs it: dependencies from npm's cache where it has them, else from the registry.
    await run("npm", ["install", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund", "--legacy-peer-deps", tarball], { cwd: project });
    const bin = path.join(project, "node_modules", ".bin", "pulumi-ovh-dns");
    expect(fs.readFileSync(bin, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
    const version = await run("npx", ["--no-install", "pulumi-ovh-dns", "--version"], { cwd: project });
    expect(version.stdout).toBe(`${(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version}\n`);
    const help = await run("npx", ["--no-install", "pulumi-ovh-dns", "emulator", "--help"], { cwd: project });
    expect(help.stdout).toMatch(/^Usage: pulumi-ovh-dns emulator \[options\]/);
  }, 120_000);
});
