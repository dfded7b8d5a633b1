import { decodeTxt } from "../txt";
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
  validate: (target) => [...checkNotEmpty(target), ...checkTextLength("TXT", target)],
  canonical: (target) => decodeTxt(target),
};

/**
 * An empty text (`""`, or only empty quoted strings) is refused: OVH answers `{'target': ['Invalid input.']}` (docs/ovh-api.md
 * §5 TXT), and a blank target is refused before any type's rule (validate.ts).
 */
function checkNotEmpty(target: string): string[] {
  if (decodeTxt(target) !== "") return [];
  return [`the TXT text is empty (${target.trim()}); OVH refuses an empty TXT ("{'target': ['Invalid input.']}"): give it some text, or remove the record`];
}
