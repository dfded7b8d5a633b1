/** `npm pack` of this repository into a folder, as the tests that install the package need it. */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";

const ROOT = path.resolve(__dirname, "../..");

/**
 * Packs the repository into `dir` and returns the tarball's path and the files it holds. dist/ is built by
 * `npm test` (pretest) and jest's global setup; `--ignore-scripts` keeps `prepare` from rebuilding it under
 * other tests.
 */
export async function packInto(dir: string): Promise<{ tarball: string; files: string[] }> {
  const packed = await promisify(execFile)("npm", ["pack", "--ignore-scripts", "--pack-destination", dir, "--json"], { cwd: ROOT });
  const [{ filename, files }] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  return { tarball: path.join(dir, filename), files: files.map((f) => f.path) };
}
