/**
 * Every example copied out of the repository, as the README's "Copying an example out" says: the folder copied
 * to a temporary one, its `file:../..` dependency changed with the README's `npm pkg set` line (to the packed
 * tarball, as Install says until the package is on npm), `npm install`, then `pulumi up` through the real CLI
 * against the emulator the package ships (`verification` with its token and `zone-services` with its DynHost
 * password set as secrets first, as their comments say). Installs run at once in beforeAll, npm's cache first
 * (`--prefer-offline`).
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { readmeBlock } from "../package/readme";
import { packInto } from "../package/pack";
import { OutsideRun } from "./outside";
import { EXAMPLES, zoneLines } from "./support";

jest.setTimeout(900_000);

const run = promisify(execFile);
/** The TypeScript examples: those with a package.json (examples/yaml is a Pulumi YAML program of the plugin, tests/pulumi-cli/yaml.test.ts). */
const NAMES = fs.readdirSync(EXAMPLES).filter((e) => fs.existsSync(path.join(EXAMPLES, e, "package.json"))).sort();
/** The token examples/verification is given (by the service it proves the domain to). */
const TOKEN = "k3n8q2x7w1m4p9z6c5v0b2n7m1q8w3e4";
/** The password of examples/zone-services' DynHost login. */
const DYNHOST_PASSWORD = "copied-router-3b8d51";

/** The README's `npm pkg set` line, the tarball put in place of its placeholder path. */
function pkgSetArgs(tarball: string): string[] {
  const line = readmeBlock("sh", "### Copying an example out").split("\n").map((l) => l.replace(/#.*$/, "").trim()).find((l) => l.startsWith("npm pkg set "));
  if (line === undefined) throw new Error("README, Copying an example out: no `npm pkg set` line");
  const args = line.split(/\s+/).slice(1);
  const set = args.findIndex((a) => a.startsWith("dependencies.pulumi-ovh-dns=file:"));
  if (set < 0) throw new Error(`README, Copying an example out: the line sets no file: dependency: ${line}`);
  args[set] = `dependencies.pulumi-ovh-dns=file:${tarball}`;
  return args;
}

/** What a user copies: not a local install, state or stack config. */
function copiedFile(src: string): boolean {
  const base = path.basename(src);
  return base !== "node_modules" && base !== ".state" && !/^Pulumi\..+\.yaml$/.test(base);
}

describe("each example copied out of the repository", () => {
  let dir: string;
  const copies = new Map<string, Promise<string>>();
  const outside = new OutsideRun();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovh-dns-examples-copied-"));
    const { tarball } = await packInto(dir);
    for (const name of NAMES) {
      const copy = (async () => {
        const at = path.join(dir, name);
        fs.cpSync(path.join(EXAMPLES, name), at, { recursive: true, filter: copiedFile });
        await run("npm", pkgSetArgs(tarball), { cwd: at });
        await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: at });
        return at;
      })();
      copy.catch(() => undefined); // awaited (and reported) by its test
      copies.set(name, copy);
    }
  });
  afterEach(() => outside.stop());
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The copy of `name`, checked to hold the package installed from the tarball inside it, not from here. */
  async function copied(name: string): Promise<string> {
    const at = await copies.get(name)!;
    const manifest = JSON.parse(fs.readFileSync(path.join(at, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(manifest.dependencies["pulumi-ovh-dns"]).toMatch(/^file:.*\.tgz$/);
    expect(fs.realpathSync(path.join(at, "node_modules", "pulumi-ovh-dns")).startsWith(at)).toBe(true);
    return at;
  }

  it.each(NAMES)("%s: installs, then `pulumi up` runs through the real CLI against the emulator", async (name) => {
    const at = await copied(name);
    const ws = await outside.start(at);
    if (name === "verification") await ws.setConfig("verificationToken", TOKEN, true);
    if (name === "zone-services") await ws.setConfig("dynhostPassword", DYNHOST_PASSWORD, true);
    const up = await ws.run(["up", "--yes", "--skip-preview"]);
    expect([up.code, up.stderr]).toEqual([0, ""]);
    if (name === "data-sources") {
      expect((await ws.outputs()).zones).toEqual(["example.com"]);
    } else if (name === "verification") {
      // Published before its step returned (waitUntilPublished), and the token encrypted in the state.
      expect(outside.emulator!.zone("example.com").published.map((r) => `${r.subDomain} ${r.fieldType} ${r.target}`))
        .toContain(`_verification TXT "verification=${TOKEN}"`);
      expect(ws.stateFileText()).not.toContain(TOKEN);
    } else if (name === "zone-services") {
      const zone = outside.emulator!.zone("example.com");
      expect([zone.redirections.length, zone.dnssec, zone.dynHostLogins.map((l) => l.login)]).toEqual([1, "enabled", ["example.com-router"]]);
      expect(ws.stateFileText()).not.toContain(DYNHOST_PASSWORD);
    } else {
      expect(zoneLines(outside.emulator!).length).toBeGreaterThan(2);
    }
  });
});
