import { decodeTxt, utf8Length } from "../txt";

/**
 * The most UTF-8 bytes a text target may carry. OVH documents no limit (docs/ovh-api.md §5) and splits long text into
 * 255-byte strings itself, so one string over 255 bytes is fine. 4096 bytes holds a 4096-bit DKIM key
 * (about 740 bytes) several times over and keeps the answer within the 4096-byte EDNS(0) buffer resolvers
 * commonly offer; anything longer is most likely a file pasted by mistake, and fails later and less clearly.
 */
const MAX_TEXT_BYTES = 4096;

/** A reason when the decoded text of `target` is longer than {@link MAX_TEXT_BYTES}. */
export function checkTextLength(fieldType: string, target: string): string[] {
  const bytes = utf8Length(decodeTxt(target));
  if (bytes <= MAX_TEXT_BYTES) return [];
  return [`the ${fieldType} text is ${bytes} bytes of UTF-8; the limit here is ${MAX_TEXT_BYTES} (a 4096-bit DKIM key needs about 740)`];
}

/** `text` cut to `max` characters with an ellipsis, to quote a long value in a message. */
export function excerpt(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max)}...`;
}
