/**
 * The layout rules of docs/ARCHITECTURE.md, checked on the files git tracks: nothing outside tests/ imports
 * tests/ (the local engine and the plugin-host client are tools/, used by tests, bench and cli alike), tests/
 * and bench/ do not import each other (the soak both run is tools/soak), no file cites a document that is
 * not in the repository, and every docs/ page and section cited exists.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { docCitations, hasSection, OUTSIDE_DOCUMENT } from "./cited-documents";

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

/** Tracked text files, but for the one that defines what an outside document is. */
const texts = tracked
  .filter((f) => /\.(ts|md|js|mjs|json|yaml|yml|sh)$/.test(f) && f !== "tests/cited-documents.ts")
  .map((f) => [f, fs.readFileSync(path.join(ROOT, f), "utf8")] as const);

// The reference material of the project's authors stays outside the repository: a reader (of the repository or
// of the shipped .d.ts) cannot open it, so code and docs cite docs/ovh-api.md and the other pages instead.
it("no file cites a document that is not in the repository", () => {
  expect(texts.filter(([, text]) => OUTSIDE_DOCUMENT.test(text)).map(([f]) => f)).toEqual([]);
});

it("every docs/ page cited exists, and so does every section cited in it", () => {
  const missing = texts.flatMap(([file, text]) => docCitations(text).flatMap(({ doc, section }) => {
    const page = path.join(ROOT, doc);
    if (!fs.existsSync(page)) return [`${file} cites ${doc}`];
    if (section !== undefined && !hasSection(fs.readFileSync(page, "utf8"), section)) return [`${file} cites ${doc} ${section}`];
    return [];
  }));
  expect(missing).toEqual([]);
  expect(texts.some(([, text]) => docCitations(text).some((c) => c.section !== undefined))).toBe(true);
});
