/**
 * The README's Performance figures are generated: what sits between `<!-- bench:begin -->` and
 * `<!-- bench:end -->` must be exactly what `npm run bench:readme` renders from the committed
 * bench/results.json, so that every figure there comes from one run and none is edited by hand. The script is
 * run as a command, not imported: tests/ and bench/ do not import each other (tests/layout.test.ts).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const BEGIN = "<!-- bench:begin -->";
const END = "<!-- bench:end -->";

function renderedBlock(): string {
  const tsNode = require.resolve("ts-node/dist/bin.js", { paths: [ROOT] });
  return execFileSync(process.execPath, [tsNode, "--transpile-only", "bench/readme.ts", "--print"], { cwd: ROOT, encoding: "utf8" }).trimEnd();
}

function readmeBlock(readme: string): string {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`README.md has no ${BEGIN} ... ${END} block`);
  return readme.slice(begin, end + END.length);
}

describe("the README's Performance figures", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

  it("are a block inside the Performance section", () => {
    const section = readme.slice(readme.indexOf("## Performance\n"));
    const sectionEnd = section.indexOf("\n## ", 1);
    expect(section.slice(0, sectionEnd < 0 ? undefined : sectionEnd)).toContain(readmeBlock(readme));
  });

  it("are what `npm run bench:readme` renders from the committed bench/results.json", () => {
    expect(readmeBlock(readme)).toEqual(renderedBlock());
  });

  it("come from runs of `npm run bench`, `npm run bench:cli` and `npm run bench:zone`", () => {
    const results = JSON.parse(fs.readFileSync(path.join(ROOT, "bench", "results.json"), "utf8")) as Record<string, { meta?: { command?: string } }>;
    expect([results.bench?.meta?.command?.split(" --")[0], results.realCli?.meta?.command?.split(" --")[0], results.zoneReaders?.meta?.command?.split(" --")[0]])
      .toEqual(["npm run bench", "npm run bench:cli", "npm run bench:zone"]);
  });
});
