import { decodeTxt, isAmbiguousTxt, readTxt, txtReadings } from "../txt";
import { checkTextLength } from "./text-limits";
import type { RecordType } from "./record-type";

/**
 * TXT: any text, kept exactly as written (case and spaces are data). OVH returns it quoted and split into
 * 255-byte strings, so it is compared decoded (docs/other-tools.md §C.2, §B.15).
 */
export const TXT: RecordType = {
  fieldType: "TXT",
  format: "text",
  example: "google-site-verification=abc123",
  normalise: (target) => target,
  validate: (target) => [...checkNotEmpty(target), ...checkUnambiguous(target), ...checkTextLength("TXT", target)],
  canonical: (target) => readTxt(target),
  readings: (target) => txtReadings(target),
};

/**
 * An empty text (`""`, or only empty quoted strings) is refused: OVH answers `{'target': ['Invalid input.']}` (docs/ovh-api.md
 * §5 TXT), and a blank target is refused before any type's rule (validate.ts).
 */
function checkNotEmpty(target: string): string[] {
  if (decodeTxt(target) !== "") return [];
  return [`the TXT text is empty (${target.trim()}); OVH refuses an empty TXT ("{'target': ['Invalid input.']}"): give it some text, or remove the record`];
}

/** A target wrapped in quotes that are not well-formed quoted strings has no one reading (txt.ts `isAmbiguousTxt`). */
function checkUnambiguous(target: string): string[] {
  if (!isAmbiguousTxt(target)) return [];
  const text = target.trim();
  return [
    `the TXT target ${text.length > 60 ? `${text.slice(0, 60)}...` : text} starts and ends with a double quote but is not quoted strings, so it reads two ways; ` +
      `write the text without the outer quotes (${text.slice(1, -1).slice(0, 40)}), or quoted with its inner quotes escaped as \\"`,
  ];
}
