/**
 * TXT storage quirk (docs/ovh-api.md §5): since ~Oct 2025 OVH wraps TXT targets in double quotes and
 * splits long values into 255-byte quoted strings separated by a space. A target that is
 * already quoted is stored as given (a guess, docs/ovh-api.md §8).
 */

const CHUNK_BYTES = 255;

/** Whether a target already looks like one or more quoted strings: `"a"` or `"a" "b"`. */
function isQuoted(target: string): boolean {
  return /^"(?:[^"\\]|\\.)*"(?:\s+"(?:[^"\\]|\\.)*")*$/.test(target);
}

/** The target as OVH stores a TXT record. */
export function wrapTxt(target: string): string {
  if (isQuoted(target)) return target;
  return splitUtf8(target, CHUNK_BYTES)
    .map((chunk) => `"${chunk}"`)
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
