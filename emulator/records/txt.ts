/**
 * TXT storage quirk (docs/ovh-api.md §5): since ~Oct 2025 OVH wraps TXT targets in double quotes and
 * splits long values into 255-byte quoted strings separated by a space. A target that is
 * already quoted is stored as given (a guess, docs/ovh-api.md §8). How a `"` or `\` inside the text is
 * stored is not public (docs/ovh-api.md §5 "TXT holding a double quote"): escaped as in a zone file
 * (`"say \"hi\""`, the default) or left as it is (`"say "hi""`), by the option `txtQuoting`.
 */

/** How a `"` or `\` in a TXT text OVH wraps is stored (a guess either way, docs/ovh-api.md §8). */
export type TxtQuoting = "escape" | "verbatim";

const CHUNK_BYTES = 255;

/** Whether a target already looks like one or more quoted strings: `"a"` or `"a" "b"`. */
function isQuoted(target: string): boolean {
  return /^"(?:[^"\\]|\\.)*"(?:\s+"(?:[^"\\]|\\.)*")*$/.test(target);
}

/** The target as OVH stores a TXT record. */
export function wrapTxt(target: string, quoting: TxtQuoting = "escape"): string {
  if (isQuoted(target)) return target;
  const escape = (chunk: string) => (quoting === "escape" ? chunk.replace(/["\\]/g, (c) => `\\${c}`) : chunk);
  return splitUtf8(target, CHUNK_BYTES)
    .map((chunk) => `"${escape(chunk)}"`)
    .join(" ");
}

/** Splits on byte boundaries without cutting a UTF-8 character in two. */
function splitUtf8(text: string, maxBytes: number): string[] {
  const chunks: string[] = [];
  let current = "";
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, "utf8");
    if (bytes + size > maxBytes) {
      chunks.push(current);
      current = "";
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  chunks.push(current);
  return chunks;
}
