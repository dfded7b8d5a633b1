/**
 * The layout rules of docs/ARCHITECTURE.md, checked on the files git tracks: nothing outside tests/ imports
 * tests/ (the local engine and the plugin-host client are tools/, used by tests, bench and cli alike), tests/
 * and bench/ do not import each other (the soak both run is tools/soak), and no file cites a document that is
 * not in the repository.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter((f) => f && fs.existsSync(path.join(ROOT, f)));
const IMPORT = /(?:from|import|require\()\s*["'](\.{1,2}\/[^"']*)["']/g;

/** `file imports spec` for every relative import of a tracked .ts file under `from` that lands in folder `to`. */
function importsInto(from: (file: string) => boolean, to: string): string[] {
  const offenders: string[] = [];
  for (const file of tracked.filter((f) => f.endsWith(".ts") && from(f))) {
    for (const [, spec] of fs.readFileSync(path.join(ROOT, file), "utf8").matchAll(IMPORT)) {
      const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec));
      if (target === to || target.startsWith(`${to}${path.sep}`)) offenders.push(`${file} imports ${spec}`);
    }
  }
  return offenders;
}

it("nothing outside tests/ imports from tests/", () => {
  expect(importsInto((f) => !f.startsWith("tests/"), "tests")).toEqual([]);
});

// What both need (the soak, the shared stack) lives in tools/soak: a benchmark must not run test code, and a
// test must not break because a benchmark's figures or layout changed.
it("tests/ and bench/ do not import each other", () => {
  expect([...importsInto((f) => f.startsWith("tests/"), "bench"), ...importsInto((f) => f.startsWith("bench/"), "tests")]).toEqual([]);
});

it("no file cites a document that is not in the repository", () => {
  const outside = /\b(SPEC|ANCHORS|DYNAMIC-PROVIDERS)\.md\b|\.\.\/shared\//;
  const offenders = tracked
    .filter((f) => /\.(ts|md|js|json|yaml|yml|sh)$/.test(f) && f !== "tests/layout.test.ts")
    .filter((f) => outside.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
  expect(offenders).toEqual([]);
});
