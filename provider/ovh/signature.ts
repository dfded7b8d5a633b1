import { createHash } from "node:crypto";

/** What goes into an OVH request signature (docs/ovh-api.md §1). */
export interface SignatureInput {
  /** The application secret (AS). */
  applicationSecret: string;
  /** The consumer key (CK). */
  consumerKey: string;
  /** HTTP method; upper-cased before hashing. */
  method: string;
  /** The full absolute URL as sent, query string included. */
  url: string;
  /** The exact body bytes sent, or `""` when there is no body. */
  body: string;
  /** The Unix timestamp (seconds) sent in `X-Ovh-Timestamp`. */
  timestamp: number | string;
}

/**
 * Computes `X-Ovh-Signature` for a request:
 * `"$1$" + sha1hex(AS + "+" + CK + "+" + METHOD + "+" + URL + "+" + BODY + "+" + TSTAMP)`.
 *
 * The URL and body must be exactly what goes on the wire: the server hashes the raw bytes it
 * receives, never a re-serialisation (docs/ovh-api.md §1, go-ovh `ovh.go` NewRequest).
 */
export function signRequest(input: SignatureInput): string {
  const preHash = [
    input.applicationSecret,
    input.consumerKey,
    input.method.toUpperCase(),
    input.url,
    input.body,
    String(input.timestamp),
  ].join("+");
  return "$1$" + createHash("sha1").update(preHash, "utf8").digest("hex");
}
