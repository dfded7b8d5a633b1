/**
 * The examples and the README's Quick start type-check with TypeScript 5.9 (`typescript`) and 6
 * (`typescript6`, an npm alias of typescript@6.0.3), each under its own tsconfig: the examples' (module and
 * moduleResolution `nodenext`), and for the Quick start both the one the README gives and the one
 * `pulumi new typescript` writes (tests/package/fixtures/pulumi-new-typescript). The package resolves through
 * node_modules' self-link to the built dist/ (`npm run build` first), as a user's install resolves it.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { readmeBlock } from "./readme";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const EXAMPLES = fs.readdirSync(path.join(ROOT, "examples")).filter((e) => fs.existsSync(path.join(ROOT, "examples", e, "tsconfig.json")));
const COMPILERS = [["5.9", "typescript"], ["6", "typescript6"]] as const;

/** `tsc -p <project> --noEmit` with the compiler of package `compiler`; its diagnostics, "" when it passed. */
async function typeCheck(compiler: string, project: string): Promise<string> {
  try {
    await run(process.execPath, [path.join(ROOT, "node_modules", compiler, "bin", "tsc"), "-p", project, "--noEmit"], { cwd: ROOT });
    return "";
  } catch (e) {
    return (e as { stdout: string }).stdout || String(e);
  }
}

/** A folder with the Quick start's index.ts and `tsconfig` (plus `files`), resolving packages from this repository. */
function quickStart(tsconfig: Record<string, unknown>, files: string[] = []): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovh-dns-quick-start-"));
  fs.writeFileSync(path.join(dir, "index.ts"), readmeBlock("ts", "## Quick start"));
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ ...tsconfig, files: ["index.ts", ...files] }));
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}

/** A tsconfig's text, read as tsc reads it (comments allowed). */
function parseTsconfig(text: string): Record<string, unknown> {
  return JSON.parse(text.replace(/^\s*\/\/.*$/gm, "")) as Record<string, unknown>;
}

const exampleTsconfig = (example: string) => parseTsconfig(fs.readFileSync(path.join(ROOT, "examples", example, "tsconfig.json"), "utf8"));
const TEMPLATE = parseTsconfig(fs.readFileSync(path.join(__dirname, "fixtures/pulumi-new-typescript/tsconfig.json"), "utf8"));

// One compiler run per tsconfig and compiler (each run takes seconds): the examples share one tsconfig, the one
// the README gives, so their programs and the Quick start's are checked together under it.
it("the examples and the README's Quick start share one tsconfig", () => {
  for (const example of EXAMPLES) expect(exampleTsconfig(example)).toEqual({ ...parseTsconfig(readmeBlock("json", "## Quick start")), files: ["index.ts"] });
});

describe.each(COMPILERS)("TypeScript %s", (version, compiler) => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it(`is the compiler of package ${compiler}`, () => {
    const installed = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", compiler, "package.json"), "utf8")) as { version: string };
    expect(installed.version.startsWith(`${version}.`)).toBe(true);
  });

  it(`type-checks every example (${EXAMPLES.join(", ")}) and the Quick start under their tsconfig`, async () => {
    const programs = EXAMPLES.map((example) => path.join(ROOT, "examples", example, "index.ts"));
    const dir = quickStart(exampleTsconfig(EXAMPLES[0]), programs);
    dirs.push(dir);
    expect(await typeCheck(compiler, dir)).toBe("");
  });

  it("type-checks the Quick start under the tsconfig of `pulumi new typescript`", async () => {
    const dir = quickStart(TEMPLATE);
    dirs.push(dir);
    expect(await typeCheck(compiler, dir)).toBe("");
  });
});
