import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ensureFreshDist, staleSources } from "./build-dist";

/** A throwaway project with the repository's build layout: tsconfig.build.json, lib/*.ts, dist/lib/*.js. */
function project(): { root: string; write: (file: string, text: string, ageSeconds?: number) => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "build-dist-"));
  const write = (file: string, text: string, ageSeconds = 0) => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    const when = new Date(Date.now() - ageSeconds * 1000);
    fs.utimesSync(full, when, when);
  };
  write("tsconfig.build.json", JSON.stringify({
    compilerOptions: { outDir: "dist", rootDir: ".", module: "commonjs", target: "ES2022", strict: true, types: [] },
    include: ["lib"],
    exclude: ["dist", "**/*.test.ts", "lib/skipped.ts"],
  }));
  return { root, write };
}

describe("the jest global setup's view of dist/", () => {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach((r) => fs.rmSync(r, { recursive: true, force: true })));
  const fresh = () => {
    const p = project();
    roots.push(p.root);
    return p;
  };

  it("finds a source with no compiled output and one edited after its output, and nothing else", () => {
    const { root, write } = fresh();
    write("lib/current.ts", "export const a = 1;\n", 60);
    write("dist/lib/current.js", "exports.a = 1;\n", 30);
    write("lib/edited.ts", "export const b = 2;\n", 10);
    write("dist/lib/edited.js", "exports.b = 1;\n", 30);
    write("lib/new.ts", "export const c = 3;\n");
    write("lib/new.test.ts", "it('x', () => {});\n");
    write("lib/skipped.ts", "export const d = 4;\n");
    expect(staleSources(root).sort()).toEqual(["lib/edited.ts", "lib/new.ts"]);
  });

  it("rebuilds a stale dist/ so that the next look finds nothing stale", () => {
    const { root, write } = fresh();
    write("lib/value.ts", "export const value: number = 2;\n");
    expect(ensureFreshDist(root)).toEqual(["lib/value.ts"]);
    expect(fs.readFileSync(path.join(root, "dist/lib/value.js"), "utf8")).toContain("exports.value = 2");
    expect(staleSources(root)).toEqual([]);
  });

  it("stops the run with the compiler's message when the rebuild fails", () => {
    const { root, write } = fresh();
    write("lib/broken.ts", "export const value: number = 'two';\n");
    expect(() => ensureFreshDist(root)).toThrow(/dist\/ is older than 1 source file\(s\) \(lib\/broken.ts\) and rebuilding it failed.*\n.*TS2322/);
  });
});
