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
  validate: (target) => checkTextLength("TXT", target),
  canonical: (target) => decodeTxt(target),
};
