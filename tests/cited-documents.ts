/**
 * What the layout and package tests look for in the text of a file: names of documents that are kept outside
 * the repository (a reader of the repository or of the package cannot open them), and citations of this
 * repository's own pages, `docs/<name>.md` with an optional section such as `§5` or `§B.12`.
 */

/**
 * The reference material that is not in the repository: its file names, with or without `.md` and a section
 * (`SPEC §5`, `ANCHORS (c) 9`), and any path into the folder it sits in. Upper-case whole words only, so the
 * everyday word "spec" (an import specifier, `RecordSpec`) is not caught.
 */
export const OUTSIDE_DOCUMENT = /\b(?:SPEC|ANCHORS|DYNAMIC-PROVIDERS)\b|\.\.\/shared\//;

/** One citation of a docs/ page: the page and, when given, the section right after it. */
export interface DocCitation {
  doc: string;
  section?: string;
}

const CITATION = /\bdocs\/[a-z0-9-]+\.md\b((?: §[A-Z0-9]+(?:\.[0-9]+)?(?:(?:-|, )§[A-Z0-9]+(?:\.[0-9]+)?)*)?)/gi;

/** Every `docs/<name>.md` the text cites, with each section of a `§1-§3, §6` list after it. */
export function docCitations(text: string): DocCitation[] {
  return [...text.matchAll(CITATION)].flatMap((m) => {
    const doc = m[0].slice(0, m[0].length - m[1].length);
    const sections = m[1].match(/§[A-Z0-9]+(?:\.[0-9]+)?/gi) ?? [];
    return sections.length === 0 ? [{ doc }] : sections.map((section) => ({ doc, section }));
  });
}

/** Whether `docText` has `section` as a heading (`## §5 ...`) or as a numbered point (`- **§B.12 ...`). */
export function hasSection(docText: string, section: string): boolean {
  const escaped = section.replace(/\./g, "\\.");
  return new RegExp(`^(?:#+ |- \\*\\*)${escaped} `, "m").test(docText);
}
