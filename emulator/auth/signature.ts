/**
 * OVH request signature (docs/ovh-api.md §1), written independently of the provider's signer so that
 * a bug in one is caught by the other.
 */
import { createHash, timingSafeEqual } from "node:crypto";

/** What goes into an OVH `$1$` signature. */
export interface SignatureInput {
  /** Application secret (AS). */
  applicationSecret: string;
  /** Consumer key (CK). */
  consumerKey: string;
  /** Upper-case HTTP verb. */
  method: string;
  /** The absolute URL the client signed, query string included. */
  url: string;
  /** The exact body bytes as received (empty for no body). */
  body: Buffer | string;
  /** The `X-Ovh-Timestamp` header exactly as sent. */
  timestamp: string;
}

/**
 * `"$1$" + sha1hex(AS+"+"+CK+"+"+METHOD+"+"+URL+"+"+BODY+"+"+TS)`. The body is hashed as raw
 * bytes, never re-serialised: SDKs escape non-ASCII differently (docs/ovh-api.md §1).
 */
export function computeSignature(input: SignatureInput): string {
  const hash = createHash("sha1");
  hash.update(`${input.applicationSecret}+${input.consumerKey}+${input.method}+${input.url}+`, "utf8");
  hash.update(typeof input.body === "string" ? Buffer.from(input.body, "utf8") : input.body);
  hash.update(`+${input.timestamp}`, "utf8");
  return `$1$${hash.digest("hex")}`;
}

/**
 * The URLs a client may legitimately have signed for one request: the configured public
 * origin plus the raw target; the origin the client addressed (Host header); and node-ovh's
 * quirk, `https://` + host without port (docs/ovh-api.md §1).
 */
export function candidateUrls(publicOrigin: string, hostHeader: string | undefined, rawTarget: string): string[] {
  const urls = [publicOrigin + rawTarget];
  if (hostHeader !== undefined && hostHeader !== "") {
    urls.push(`http://${hostHeader}${rawTarget}`);
    urls.push(`https://${stripPort(hostHeader)}${rawTarget}`);
  }
  urls.push(`https://${stripPort(new URL(publicOrigin).host)}${rawTarget}`);
  return [...new Set(urls)];
}

/** `"127.0.0.1:8080"` -> `"127.0.0.1"`, `"[::1]:80"` -> `"[::1]"`. */
function stripPort(host: string): string {
  const match = /^(\[[^\]]*\]|[^:]*)(:\d+)?$/.exec(host);
  return match ? match[1] : host;
}

/** Constant-time comparison of a received signature with an expected one. */
function signaturesMatch(received: string, expected: string): boolean {
  const a = Buffer.from(received, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when `received` is a valid signature of the request under any candidate URL. */
export function verifySignature(
  received: string,
  base: Omit<SignatureInput, "url">,
  urls: readonly string[],
): boolean {
  return urls.some((url) => signaturesMatch(received, computeSignature({ ...base, url })));
}
