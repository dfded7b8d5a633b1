/**
 * The layout rules of docs/ARCHITECTURE.md, checked on the files git tracks: nothing outside tests/ imports
 * tests/ (the local engine and the plugin-host client are tools/, used by tests, bench and cli alike), and no
 * file cites a document that is not in the repository.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter((f) => f && fs.existsSync(path.join(ROOT, f)));
const IMPORT = /(?:from|import|require\()\s*["'](\.{1,2}\/[^"']*)["']/g;

it("nothing outside tests/ imports from tests/", () => {
  const offenders: string[] = [];
  for (const file of tracked.filter((f) => f.endsWith(".ts") && !f.startsWith("tests/"))) {
    for (const [, spec] of fs.readFileSync(path.join(ROOT, file), "utf8").matchAll(IMPORT)) {
      const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec));
      if (target === "tests" || target.startsWith(`tests${path.sep}`)) offenders.push(`${file} imports ${spec}`);
    }
  }
  expect(offenders).toEqual([]);
});

it("no file cites a document that is not in the repository", () => {
  const outside = /\b(SPEC|ANCHORS|DYNAMIC-PROVIDERS)\.md\b|\.\.\/shared\//;
  const offenders = tracked
    .filter((f) => /\.(ts|md|js|json|yaml|yml|sh)$/.test(f) && f !== "tests/layout.test.ts")
    .filter((f) => outside.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
  expect(offenders).toEqual([]);
});
