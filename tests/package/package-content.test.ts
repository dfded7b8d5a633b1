/**
 * What `npm pack` puts in the package (docs/packaging.md): the built provider, sdk, emulator and cli with their
 * type declarations, the docs they cite, README, LICENSE and package.json; no test, tool, benchmark, example,
 * TypeScript source, source map or build info; no citation of a document outside the repository. And the
 * publishing fields that must agree with each other (engines, the lowest @pulumi/pulumi admitted, provenance).
 * Run `npm run build` first: the package is what dist/ holds.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { OUTSIDE_DOCUMENT } from "../cited-documents";

const ROOT = path.resolve(__dirname, "../..");

interface PackageJson {
  license: string;
  engines: { node: string };
  bin: Record<string, string>;
  exports: Record<string, string | { types: string; default: string }>;
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  publishConfig: { access: string; provenance: boolean };
  keywords: string[];
  scripts: Record<string, string>;
}

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as PackageJson;

/** The files `npm pack` would put in the tarball (--ignore-scripts: dist/ is built by `npm test`'s pretest). */
function packedFiles(): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" });
  const [{ files }] = JSON.parse(out) as { files: { path: string }[] }[];
  return files.map((f) => f.path).sort();
}

describe("the packed package", () => {
  const files = packedFiles();

  it("holds LICENSE, README, package.json and each part's JavaScript with its declarations", () => {
    for (const file of ["LICENSE", "README.md", "package.json"]) expect(files).toContain(file);
    for (const part of ["provider/index", "sdk/index", "sdk/testing", "emulator/index", "cli/main"]) {
      expect(files).toContain(`dist/${part}.js`);
      expect(files).toContain(`dist/${part}.d.ts`);
    }
  });

  it("holds every file package.json points at (exports, bin)", () => {
    const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === "string" ? [t] : [t.types, t.default]));
    for (const target of [...targets, ...Object.values(pkg.bin)]) expect(files).toContain(path.posix.normalize(target));
  });

  it("holds no test, tool, benchmark, example, TypeScript source, source map or build info", () => {
    const stray = files.filter((f) =>
      /^(dist\/)?(tests|tools|bench|examples)\//.test(f) ||
      (f.endsWith(".ts") && !f.endsWith(".d.ts")) ||
      /\.(map|tsbuildinfo)$/.test(f) ||
      /\.test\./.test(f));
    expect(stray).toEqual([]);
    expect(files.filter((f) => !/^(dist\/(provider|sdk|emulator|cli)\/|docs\/[a-z-]+\.md$|LICENSE$|README\.md$|package\.json$)/i.test(f))).toEqual([]);
  });

  it("cites no document outside the repository, and ships every docs/ page its files cite", () => {
    const texts = files.map((f) => [f, fs.readFileSync(path.join(ROOT, f), "utf8")] as const);
    expect(texts.filter(([, text]) => OUTSIDE_DOCUMENT.test(text)).map(([f]) => f)).toEqual([]);
    const cited = new Set(texts.flatMap(([, text]) => [...text.matchAll(/\bdocs\/[a-z0-9-]+\.md\b/gi)].map((m) => m[0])));
    expect([...cited].filter((doc) => !files.includes(doc))).toEqual([]);
    expect(cited.size).toBeGreaterThan(0);
  });

  it("carries the Apache License 2.0 text that package.json names", () => {
    expect(pkg.license).toBe("Apache-2.0");
    const license = fs.readFileSync(path.join(ROOT, "LICENSE"), "utf8");
    expect(license.trimStart().startsWith("Apache License\n                           Version 2.0, January 2004")).toBe(true);
    expect(license).toContain("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION");
    expect(license).toContain("END OF TERMS AND CONDITIONS");
  });
});

describe("the publishing fields", () => {
  it("publish publicly with provenance, and check the sources before publishing", () => {
    expect(pkg.publishConfig).toEqual({ access: "public", provenance: true });
    expect(pkg.scripts.prepare).toBe("npm run build");
    expect(pkg.scripts.prepublishOnly).toBe("npm run typecheck && npm run lint");
    expect(pkg.keywords).toEqual(expect.arrayContaining(["pulumi", "ovh", "dns"]));
  });

  it("admit as lowest @pulumi/pulumi the version the tests run (pulumi-lowest), which supports the same Node", () => {
    const lowest = /^npm:@pulumi\/pulumi@(\d+\.\d+\.\d+)$/.exec(pkg.devDependencies["pulumi-lowest"])?.[1];
    expect(pkg.peerDependencies["@pulumi/pulumi"]).toBe(`^${lowest}`);
    const installed = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/pulumi-lowest/package.json"), "utf8")) as PackageJson & { version: string };
    expect(installed.version).toBe(lowest);
    expect(installed.engines.node).toBe(pkg.engines.node);
  });

  it("explain in the README the EBADENGINE warning npm ci prints on Node 20 for the @pulumi/pulumi it pins", () => {
    const pinned = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/@pulumi/pulumi/package.json"), "utf8")) as PackageJson & { version: string };
    expect(pkg.devDependencies["@pulumi/pulumi"]).toBe(pinned.version);
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    // Near the first `npm ci` a user runs, and in Versions with the warning as npm prints it.
    const top = readme.slice(0, readme.indexOf("## Quick start"));
    expect(top).toContain(`On Node 20, \`npm ci\` warns \`EBADENGINE\` about \`@pulumi/pulumi@${pinned.version}\` (it declares Node ${pinned.engines.node.replace(">=", ">= ")})`);
    expect(readme).toContain(`npm warn EBADENGINE   package: '@pulumi/pulumi@${pinned.version}',\nnpm warn EBADENGINE   required: { node: '${pinned.engines.node}' },`);
  });
});
