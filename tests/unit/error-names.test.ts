/**
 * One way to name errors: every Error subclass of provider/, sdk/, cli/, emulator/ and tools/ sets `name` as a class
 * field, `override readonly name: string = "<its class name>"` (provider/records/errors.ts says why), and
 * nothing sets it another way (`this.name =`, `X.prototype.name =`).
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const AREAS = ["provider", "sdk", "cli", "emulator", "tools"];

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(rel);
    return entry.name.endsWith(".ts") ? [rel] : [];
  });
}

const files = AREAS.flatMap(sources).map((file) => ({ file, text: fs.readFileSync(path.join(ROOT, file), "utf8") }));
const CLASS = /class (\w+)(?:<[^>{]*>)? extends (\w+)(?:<[^>{]*>)?[^{]*\{/g;
const classes = files.flatMap(({ file, text }) =>
  [...text.matchAll(CLASS)].map((m) => ({ file, name: m[1], base: m[2], body: text.slice((m.index ?? 0) + m[0].length) })));

/** Classes that derive from Error, through any number of this repository's classes. */
function errorClasses() {
  const errors = new Set(["Error"]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const c of classes.filter((k) => errors.has(k.base) && !errors.has(k.name))) {
      errors.add(c.name);
      grown = true;
    }
  }
  return classes.filter((c) => errors.has(c.base));
}

describe("error names", () => {
  const found = errorClasses();

  test("finds the error classes of every area", () => {
    const names = found.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["ZoneRecordError", "OvhApiError", "ZoneDeclarationError", "UsageError", "ApiError"]));
  });

  test("every Error subclass sets its own name as its first field", () => {
    const wrong = found
      .filter((c) => !c.body.trimStart().startsWith(`override readonly name: string = "${c.name}";`))
      .map((c) => `${c.file}: ${c.name}`);
    expect(wrong).toEqual([]);
  });

  test("nothing sets an error's name another way", () => {
    const other = files.filter(({ text }) => /\bthis\.name\s*=|\.prototype\.name\s*=/.test(text)).map(({ file }) => file);
    expect(other).toEqual([]);
  });
});
