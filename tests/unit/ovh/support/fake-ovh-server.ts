import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the fake server received it. */
export interface RecordedRequest {
  method: string;
  /** Raw request target, path and query exactly as received. */
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** What the fake server does with a request. */
export type FakeReply =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** Destroys the connection after reading the request: a reset once the request was written. */
  | { reset: true }
  /** Never answers (until the server closes). */
  | { hang: true };

/** Decides the reply to a request; may wait (e.g. to hold requests in flight). */
export type FakeHandler = (req: RecordedRequest, index: number) => FakeReply | Promise<FakeReply>;

/** A tiny OVH-like server on 127.0.0.1, port 0, recording every request. */
export interface FakeServer {
  /** Base URL, e.g. `http://127.0.0.1:43123/1.0`. */
  baseUrl: string;
  origin: string;
  requests: RecordedRequest[];
  /** Requests whose path (query excluded) equals `path`, optionally with this method. */
  count(path: string, method?: string): number;
  close(): Promise<void>;
}

/** Starts the server; `body` values that are not strings are sent as JSON. */
export async function startFakeServer(handler: FakeHandler): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(recorded);
      Promise.resolve(handler(recorded, requests.length - 1)).then((reply) => answer(req, res, reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}/1.0`,
    requests,
    count: (path, method) => requests.filter((r) => r.url.split("?")[0] === path && (!method || r.method === method)).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(req: IncomingMessage, res: ServerResponse, reply: FakeReply): void {
  if ("reset" in reply) {
    req.socket.destroy();
    return;
  }
  if ("hang" in reply) return;
  const text = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body !== undefined && typeof reply.body !== "string") headers["Content-Type"] = "application/json; charset=utf-8";
  res.writeHead(reply.status, headers);
  res.end(text);
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Test credentials with a fixed secret set, for any base URL. */
export const TEST_KEYS = {
  applicationKey: "TDPKJdwZwAQPwKX2",
  applicationSecret: "9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk",
  consumerKey: "5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY",
};
