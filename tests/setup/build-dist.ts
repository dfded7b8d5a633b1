/**
 * Jest global setup: the suites that drive Pulumi's plugin host, the local engine or the real CLI load the
 * provider from `dist/` (through the package's self-link), while in-process suites run the TypeScript sources.
 * Without this, `npx jest <file>` after an edit would test the edit in one place and stale code in the other.
 * Every source file of the build is compared with its compiled `.js`; if any is newer or missing, `dist/` is
 * rebuilt (incrementally) before any test runs, and a build error stops the run with the compiler's output.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const BUILD_CONFIG = "tsconfig.build.json";

/** What the build compiles, read from tsconfig.build.json so the two cannot drift apart. */
function buildConfig(root: string): { include: string[]; excluded: (file: string) => boolean } {
  const config = JSON.parse(fs.readFileSync(path.join(root, BUILD_CONFIG), "utf8")) as { include: string[]; exclude?: string[] };
  const paths = (config.exclude ?? []).filter((entry) => !entry.includes("*"));
  return { include: config.include, excluded: (file) => paths.some((p) => file === p || file.startsWith(`${p}/`)) };
}

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Source files whose compiled `.js` is missing or older than the source, as paths relative to the root. */
export function staleSources(root = ROOT): string[] {
  const { include, excluded } = buildConfig(root);
  return include
    .flatMap((dir) => sourceFiles(path.join(root, dir)))
    .filter((source) => !excluded(path.relative(root, source)))
    .filter((source) => {
      const compiled = path.join(root, "dist", path.relative(root, source)).replace(/\.ts$/, ".js");
      return !fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < fs.statSync(source).mtimeMs;
    })
    .map((source) => path.relative(root, source));
}

/** Rebuilds `root`'s dist/ when a source is newer than its output; returns the stale files it found. */
export function ensureFreshDist(root = ROOT): string[] {
  const stale = staleSources(root);
  if (stale.length === 0) return stale;
  const started = Date.now();
  try {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", BUILD_CONFIG], { cwd: root, encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    const output = (error as { stdout?: string }).stdout ?? String(error);
    throw new Error(`dist/ is older than ${stale.length} source file(s) (${stale.slice(0, 3).join(", ")}) and rebuilding it failed; fix the build (npm run build):\n${output}`);
  }
  // tsc does not rewrite an output whose content did not change; mark those as built so the next run is quiet.
  const now = new Date();
  for (const source of stale) {
    const compiled = path.join(root, "dist", source).replace(/\.ts$/, ".js");
    if (fs.existsSync(compiled)) fs.utimesSync(compiled, now, now);
  }
  process.stdout.write(`\njest global setup: dist/ was older than ${stale.length} source file(s); rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return stale;
}

export default function buildDist(): void {
  ensureFreshDist();
}
