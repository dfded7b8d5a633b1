/**
 * Reading a request body as raw bytes (the signature covers them, docs/ovh-api.md §1), bounded in size,
 * and knowing when the client went away before sending it all.
 */
import type { IncomingMessage } from "node:http";

/** Bodies above this size are refused with a 413 rather than buffered. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The body as received, too large (drained, not kept), or never finished (client gone). */
export type ReadBody = { kind: "body"; bytes: Buffer } | { kind: "too-large" } | { kind: "aborted" };

/** Reads the whole body; resolves once, whatever the client does. */
export function readBody(req: IncomingMessage): Promise<ReadBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? { kind: "too-large" } : { kind: "body", bytes: Buffer.concat(chunks) }));
    // A client that closes mid-body gets no answer: without these the request would wait forever.
    req.on("error", () => resolve({ kind: "aborted" }));
    req.on("close", () => resolve({ kind: "aborted" })); // after "end", this resolve is a no-op
  });
}
