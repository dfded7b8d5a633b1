/**
 * Writes answers with the headers the real API sends on every response (docs/ovh-api.md §2):
 * `X-Ovh-QueryID`, `Content-Type: application/json; charset=utf-8`, `Cache-Control`, CORS.
 */
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { ApiError, errorBody, httpCodeOf, type ErrorFormat } from "./errors";
import type { Reply } from "./reply";

let querySeq = 0;

/** A query id shaped like `EU.ext-3.63ac85b6.10528.27b4f1fc-...` (docs/ovh-api.md §2). */
export function newQueryId(nowMs: number): string {
  querySeq += 1;
  return `EU.ext-3.${Math.floor(nowMs / 1000).toString(16)}.${querySeq}.${randomUUID()}`;
}

/** The reply for an error, in the configured body format. */
export function errorReply(err: ApiError, format: ErrorFormat): Reply {
  return { status: err.status, body: { kind: "json", value: errorBody(err, format) }, headers: err.headers };
}

/** Writes a reply. */
export function writeReply(res: ServerResponse, reply: Reply, queryId: string): void {
  const headers: Record<string, string> = {
    "X-Ovh-QueryID": queryId,
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-cache, no-store",
    "Access-Control-Allow-Origin": "*",
    ...reply.headers,
  };
  let payload: Buffer | undefined;
  if (reply.body?.kind === "json") {
    payload = Buffer.from(JSON.stringify(reply.body.value), "utf8");
  } else if (reply.body?.kind === "html") {
    headers["Content-Type"] = "text/html; charset=utf-8";
    payload = Buffer.from(reply.body.text, "utf8");
  } else if (reply.body?.kind === "text") {
    headers["Content-Type"] = "text/plain; charset=utf-8";
    headers["X-Content-Type-Options"] = "nosniff";
    payload = Buffer.from(reply.body.text, "utf8");
  }
  if (payload !== undefined) headers["Content-Length"] = String(payload.length);
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/**
 * Answers a request Node's HTTP parser refused (malformed request line, headers over 16 KiB,
 * a request that took too long to arrive) with an OVH-shaped 4xx, then closes the connection,
 * instead of Node's bare `400 Bad Request` (docs/ovh-api-emulator.md, "Hardening").
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex, format: ErrorFormat): void {
  if (err.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, message] =
    err.code === "HPE_HEADER_OVERFLOW"
      ? [431, "Request headers too large"]
      : err.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "The request took too long to arrive"]
        : [400, "Malformed HTTP request"];
  const payload = JSON.stringify(errorBody(new ApiError(status, message), format));
  socket.end(
    `HTTP/1.1 ${status} ${httpCodeOf(status).slice(4)}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`,
  );
}
