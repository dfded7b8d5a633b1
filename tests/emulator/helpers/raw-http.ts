/**
 * A raw HTTP/1.1 client for the fuzz: sends bytes exactly as given (malformed ones included),
 * in chunks with pauses, and reports what came back within a bound: a status, a close without
 * an answer, or a hang.
 */
import { connect } from "node:net";

/** One piece of a request, sent after waiting `pauseMs`. */
export interface Chunk {
  bytes: Buffer;
  pauseMs?: number;
}

/** What the server did. */
export type RawOutcome =
  | { kind: "answered"; status: number; headers: string; body: string }
  | { kind: "closed" }
  | { kind: "hang" };

/** Sends `chunks` to 127.0.0.1:`port`; `abort` closes the socket after the last chunk. */
export function sendRaw(port: number, chunks: Chunk[], boundMs: number, abort = false): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let received = Buffer.alloc(0);
    let done = false;
    const finish = (outcome: RawOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish(parse(received) ?? { kind: "hang" }), boundMs);
    socket.on("data", (data: Buffer) => {
      received = Buffer.concat([received, data]);
      const complete = parse(received, true);
      if (complete !== undefined) finish(complete);
    });
    socket.on("error", () => undefined); // a reset shows up as "close"
    socket.on("close", () => finish(parse(received) ?? { kind: "closed" }));
    socket.on("connect", () => void writeAll(chunks, socket, abort));
  });

  async function writeAll(chunks: Chunk[], socket: ReturnType<typeof connect>, abort: boolean): Promise<void> {
    for (const chunk of chunks) {
      if (chunk.pauseMs) await new Promise((r) => setTimeout(r, chunk.pauseMs));
      if (socket.destroyed) return;
      socket.write(chunk.bytes);
    }
    if (abort) socket.destroy();
  }
}

/** A whole response in `data`, or undefined; `strict` waits for the full Content-Length. */
function parse(data: Buffer, strict = false): RawOutcome | undefined {
  const end = data.indexOf("\r\n\r\n");
  if (end < 0) return undefined;
  const head = data.subarray(0, end).toString("latin1");
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(head);
  if (status === null) return undefined;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  const body = data.subarray(end + 4);
  if (strict && length !== null && body.length < Number(length[1])) return undefined;
  if (strict && length === null && !/^HTTP\/1\.[01] (204|304)/.test(head)) return undefined;
  return { kind: "answered", status: Number(status[1]), headers: head, body: body.toString("utf8") };
}
