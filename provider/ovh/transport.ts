import * as http from "node:http";
import * as https from "node:https";
import type { Socket } from "node:net";
import { assertSecureUrl } from "./endpoints";
import { OvhConfigError, OvhNetworkError, type OvhNetworkErrorKind } from "./errors";
import type { RawResponse } from "./response";

/** One HTTP exchange, as the client hands it to a transport. */
export interface TransportRequest {
  method: string;
  /** Absolute URL, exactly as signed. */
  url: string;
  headers: Record<string, string>;
  /** The exact body bytes (already serialised once), or undefined for none. */
  body?: string;
  /** Time allowed for the whole exchange, response body included. */
  timeoutMs: number;
  /** API path, for error messages. */
  path: string;
}

/**
 * Sends one request. Must resolve with any HTTP status, and reject with {@link OvhNetworkError}
 * (other errors are treated as "may have been applied").
 */
export type Transport = (request: TransportRequest) => Promise<RawResponse>;

/** A transport over node:http/node:https with keep-alive agents. */
export interface HttpTransport {
  send: Transport;
  /** Closes pooled connections. */
  close(): void;
}

class TimeoutMarker extends Error {
  override readonly name: string = "TimeoutMarker";
}

const BEFORE_SENDING = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);

/**
 * Creates the default transport. Keep-alive agents save a TCP and TLS handshake per call; the
 * agent honours the server's `Keep-Alive: timeout` hint so that idle sockets are dropped before
 * the server closes them. Plain http is refused except to loopback hosts (see `assertSecureUrl`).
 */
export function createHttpTransport(options: { maxSockets?: number } = {}): HttpTransport {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? Infinity };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  const send: Transport = async (req) => {
    assertSecureUrl(req.url);
    const url = new URL(req.url);
    const secure = url.protocol === "https:";
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined) headers["Content-Length"] = Buffer.byteLength(req.body);
    checkHeaders(req, headers);
    return new Promise<RawResponse>((resolve, reject) => {
      // Set once the connection is up: from then on the request may reach the server.
      let connected = false;
      let request: http.ClientRequest;
      try {
        request = (secure ? https : http).request(url, { method: req.method, headers, agent: secure ? agents.https : agents.http });
      } catch (err) {
        // Thrown while building the request: nothing was written to any socket.
        return reject(notSent(req, (err as Error).message, err));
      }
      const timer = setTimeout(() => request.destroy(new TimeoutMarker()), req.timeoutMs);
      const fail = (err: unknown) => {
        clearTimeout(timer);
        reject(toNetworkError(err, req, connected));
      };
      request.on("socket", (socket: Socket) => {
        if (!socket.connecting) connected = true;
        else socket.once(secure ? "secureConnect" : "connect", () => (connected = true));
      });
      request.on("error", fail);
      request.on("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", fail);
        res.on("end", () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") });
        });
      });
      request.end(req.body);
    });
  };
  return {
    send,
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/**
 * Refuses a header Node would refuse (a line break or another control character in a value: issue #19), before
 * anything is sent. Node throws it from `http.request` as a plain TypeError, which the client read as a network
 * failure "after the request was sent", retrying it for seconds. The value is never quoted: it may be a secret.
 */
function checkHeaders(req: TransportRequest, headers: Record<string, string | number>): void {
  for (const [name, value] of Object.entries(headers)) {
    try {
      http.validateHeaderName(name);
      http.validateHeaderValue(name, String(value));
    } catch (err) {
      throw notSent(req, `the ${name} header holds a character HTTP does not allow (a line break or another control character); ` +
        "its value comes from the credentials or the configuration: fix it there", err);
    }
  }
}

/** A request that was never sent and would fail the same way again: not applied, not retried. */
function notSent(req: TransportRequest, reason: string, cause: unknown): OvhConfigError {
  return new OvhConfigError(`${req.method} ${req.path} was not sent: ${reason}`, { cause });
}

function toNetworkError(err: unknown, req: TransportRequest, connected: boolean): OvhNetworkError {
  const code = (err as NodeJS.ErrnoException).code;
  const kind = networkErrorKind(err, code);
  const mayHaveBeenApplied = connected && kind !== "refused" && kind !== "dns" && !(code && BEFORE_SENDING.has(code));
  const reason = err instanceof TimeoutMarker ? `timed out after ${req.timeoutMs} ms` : `${(err as Error).message}`;
  return new OvhNetworkError({ method: req.method, path: req.path, kind, code, mayHaveBeenApplied, reason, cause: err });
}

function networkErrorKind(err: unknown, code: string | undefined): OvhNetworkErrorKind {
  if (err instanceof TimeoutMarker) return "timeout";
  if (code === "ECONNREFUSED") return "refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "dns";
  if (code === "ECONNRESET" || code === "EPIPE" || code === "ECONNABORTED") return "reset";
  if (code && (code.startsWith("ERR_TLS") || code.startsWith("ERR_SSL") || code.includes("CERT") || code === "EPROTO")) return "tls";
  if (code === "ETIMEDOUT") return "timeout";
  return "other";
}
