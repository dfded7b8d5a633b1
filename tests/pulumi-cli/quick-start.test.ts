/**
 * The README's Quick start, from an empty folder, through the real Pulumi CLI against the emulator the package
 * ships: its `npm install` lines run as written (the package itself from the packed tarball, as Install says
 * until it is on npm), against the versions npm serves today, then with the oldest the README supports
 * (TypeScript 5.9 and 6 with @types/node 20), then the "TypeScript 7" section's way. And the reason the Quick
 * start pins TypeScript below 7: with an unpinned `typescript`, the second `npm install` stops with ERESOLVE.
 * Installs use npm's cache first (`--prefer-offline`); versions named by a range are resolved by the registry.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { changes, type PulumiWorkspace } from "../../tools/pulumi-cli";
import { readmeBlock } from "../package/readme";
import { packInto } from "../package/pack";
import { installedVersion, LOWEST_PULUMI, OutsideRun } from "./outside";
import { zoneLines } from "./support";

jest.setTimeout(900_000);

const run = promisify(execFile);
const LOWEST = LOWEST_PULUMI;
/** The oldest the README supports: TypeScript 5.9 (with the lowest @pulumi/pulumi) and 6, with @types/node 20. */
const OLDEST: [string, Record<string, string>][] = [["5.9", { "@pulumi/pulumi": `@pulumi/pulumi@${LOWEST}` }], ["6", {}]];

/** The arguments of each `npm install` line of the README's first sh block after `heading`, comments left out. */
function readmeInstalls(heading: string): string[][] {
  const lines = readmeBlock("sh", heading).split("\n").map((l) => l.replace(/#.*$/, "").trim());
  const installs = lines.filter((l) => l.startsWith("npm install ")).map((l) => l.split(/\s+/).slice(2));
  if (installs.length !== 2) throw new Error(`README, ${heading}: expected two \`npm install\` lines, found ${installs.length}`);
  return installs;
}

/** `npm install <args>` in `dir`, the package's name replaced by the tarball and each `rewrite` applied. */
function npmInstall(dir: string, args: string[], tarball: string, rewrite: Record<string, string>) {
  const resolved = args.map((a) => (a === "pulumi-ovh-dns" ? tarball : rewrite[a] ?? a));
  return run("npm", ["install", ...resolved, "--prefer-offline", "--no-audit", "--no-fund"], { cwd: dir });
}

const major = (version: string) => Number(version.split(".")[0]);

/** The files of the Quick start's empty folder: the Pulumi.yaml it describes, its tsconfig.json and index.ts. */
function quickStartFiles(pulumiYaml = "name: dns\nruntime: nodejs\n"): Record<string, string> {
  return {
    "Pulumi.yaml": pulumiYaml,
    "tsconfig.json": readmeBlock("json", "## Quick start"),
    "index.ts": readmeBlock("ts", "## Quick start"),
  };
}

describe("the README's Quick start, from an empty folder, through the real CLI", () => {
  let dir: string;
  let tarball: string;
  const outside = new OutsideRun();

  /** How each test's folder is made: its files, the README's installs, and how they are rewritten. */
  const recipes = new Map<string, { files: Record<string, string>; installs: string[][]; rewrite?: Record<string, string> }>();
  /** The folders being made, started in beforeAll (npm's waits overlap) or by the first test that needs one. */
  const folders = new Map<string, Promise<string>>();

  /** Starts making the folder of `name`. */
  function prepare(name: string): Promise<string> {
    const { files, installs, rewrite = {} } = recipes.get(name)!;
    const made = (async () => {
      const at = path.join(dir, name);
      fs.mkdirSync(at);
      for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(at, file), text);
      for (const args of installs) await npmInstall(at, args, tarball, rewrite);
      return at;
    })();
    made.catch(() => undefined); // awaited (and reported) by its test
    folders.set(name, made);
    return made;
  }
  const folder = (name: string) => folders.get(name) ?? prepare(name);

  /** `pulumi up`, then what the Quick start declares: the record in the zone and the two outputs. */
  async function upAndCheck(ws: PulumiWorkspace): Promise<void> {
    await ws.up();
    expect(zoneLines(outside.emulator!)).toEqual(["@ NS dns200.anycast.me. 0", "www A 203.0.113.10 3600"]);
    expect(await ws.outputs()).toEqual({ wwwName: "www.example.com", domains: ["example.com"] });
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovh-dns-quick-start-"));
    ({ tarball } = await packInto(dir));
    const quickStart = readmeInstalls("## Quick start");
    recipes.set("as-written", { files: quickStartFiles(), installs: quickStart });
    for (const [ts, rewrite] of OLDEST) {
      recipes.set(`ts-${ts}`, { files: quickStartFiles(), installs: quickStart, rewrite: { "typescript@6": `typescript@${ts}`, "@types/node": "@types/node@20", ...rewrite } });
    }
    recipes.set("ts-7", { files: quickStartFiles(readmeBlock("yaml", "### TypeScript 7")), installs: readmeInstalls("### TypeScript 7") });
    recipes.set("unpinned", { files: {}, installs: [quickStart[0]], rewrite: { "typescript@6": "typescript" } });
    // QUICK_START_CASES=as-written (tools/node-versions/run.sh, which runs that test only) installs just that one.
    const cases = process.env.QUICK_START_CASES?.split(",") ?? [...recipes.keys()];
    for (const name of cases) prepare(name);
  });
  afterEach(() => outside.stop());
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("as written, with what npm serves today (TypeScript 6, the current @types/node): preview, up, a preview with no change", async () => {
    const at = await folder("as-written");
    expect(major(installedVersion(at, "typescript"))).toBe(6);
    expect(major(installedVersion(at, "@types/node"))).toBeGreaterThan(20);
    // What the README's Versions table says npm picks: on Node 20 the last release that admits it, else a newer.
    const pulumiMinor = Number(installedVersion(at, "@pulumi/pulumi").split(".")[1]);
    if (major(process.versions.node) === 20) expect(installedVersion(at, "@pulumi/pulumi")).toBe(LOWEST);
    else expect(pulumiMinor).toBeGreaterThan(Number(LOWEST.split(".")[1]));
    const ws = await outside.start(at, { typeCheck: true });
    const preview = await ws.preview();
    expect(preview.code).toBe(0);
    expect(changes(preview)).toEqual([`create dns-${ws.stack}`, "create www"]);
    await upAndCheck(ws);
    const again = await ws.preview();
    expect(again.code).toBe(0);
    expect(changes(again)).toEqual([]);
  });

  it.each(OLDEST)("with TypeScript %s and @types/node 20, type-checked by the CLI: up", async (ts, rewrite: Record<string, string>) => {
    const at = await folder(`ts-${ts}`);
    expect(installedVersion(at, "typescript").startsWith(`${ts}.`)).toBe(true);
    expect(major(installedVersion(at, "@types/node"))).toBe(20);
    if (rewrite["@pulumi/pulumi"]) expect(installedVersion(at, "@pulumi/pulumi")).toBe(LOWEST);
    await upAndCheck(await outside.start(at, { typeCheck: true }));
  });

  it("with TypeScript 7 as its section says (alias, Pulumi.yaml, `npx tsc` first): preview, up, a preview with no change", async () => {
    const at = await folder("ts-7");
    expect(major(installedVersion(at, "typescript7"))).toBe(7);
    expect(fs.existsSync(path.join(at, "node_modules", "typescript"))).toBe(false);
    expect(major(installedVersion(at, "@types/node"))).toBeGreaterThan(20);
    await run("npx", ["tsc"], { cwd: at });
    expect(fs.existsSync(path.join(at, "index.js"))).toBe(true);
    // The CLI must run index.js as it is: with TypeScript loaded, it would fall back to its bundled 3.8.
    const ws = await outside.start(at, { typeCheck: true });
    const preview = await ws.preview();
    expect(preview.code).toBe(0);
    expect(preview.stdout + preview.stderr).not.toMatch(/warning/i);
    expect(changes(preview)).toEqual([`create dns-${ws.stack}`, "create www"]);
    await upAndCheck(ws);
    const again = await ws.preview();
    expect(changes(again)).toEqual([]);
  });

  it("with an unpinned `typescript` (7), the second install stops with the ERESOLVE the Quick start explains", async () => {
    const [, second] = readmeInstalls("## Quick start");
    const at = await folder("unpinned");
    expect(major(installedVersion(at, "typescript"))).toBe(7);
    const failed = await npmInstall(at, second, tarball, {}).then(() => undefined, (e: { stderr: string }) => e.stderr);
    expect(failed).toContain("ERESOLVE");
    expect(failed).toContain('peerOptional typescript@">= 3.8.3 < 7" from @pulumi/pulumi');
  });
});
