/**
 * The README's code blocks, read by the tests that run what the README tells a user to write (so that the two
 * cannot drift apart).
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** The README's code block of `lang` that follows `after` (the Quick start's program and tsconfig). */
export function readmeBlock(lang: string, after: string): string {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const from = readme.indexOf(after);
  const block = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(readme.slice(from));
  if (from < 0 || !block) throw new Error(`README: no \`\`\`${lang} block after "${after}"`);
  return block[1];
}
