/**
 * The HTTP server: reads each body as raw bytes (the signature covers them, docs/ovh-api.md §1), adds
 * latency, runs the pipeline, logs, persists, and writes or drops the answer. Listens on
 * 127.0.0.1 only, and tracks sockets and timers so `close()` leaves no handle open.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { header } from "./auth/authenticate";
import { ApiError } from "./errors";
import type { FaultInjector } from "./faults";
import { answerClientError, errorReply, newQueryId, writeReply } from "./http-response";
import { LateApplies } from "./late-apply";
import { MAX_BODY_BYTES, readBody } from "./read-body";
import { InFlightRefreshes, refreshedZone } from "./zones/in-flight-refreshes";
import { saveState } from "./persistence";
import { processCall, type CallResult } from "./pipeline";
import type { RateLimiter } from "./rate-limit";
import type { RequestLog } from "./request-log";
import type { EmulatorState } from "./state";

/** The emulator's HTTP server. */
export class EmulatorServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Calls dropped by a late-apply fault, waiting to be applied. */
  readonly lateApplies = new LateApplies();
  private readonly refreshes = new InFlightRefreshes();
  private closed = false;

  constructor(
    private readonly state: EmulatorState,
    private readonly log: RequestLog,
    private readonly faults: FaultInjector,
    private readonly limiter: RateLimiter | undefined,
  ) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => {
        // Last resort (e.g. the state file cannot be written): still an OVH-shaped 500.
        if (!res.headersSent) {
          const reply = errorReply(new ApiError(500, "Internal server error"), this.state.options.errorFormat);
          writeReply(res, reply, newQueryId(this.state.options.now()));
        }
      });
    });
    this.server.on("clientError", (err: NodeJS.ErrnoException, socket: Duplex) => answerClientError(err, socket, this.state.options.errorFormat));
    this.server.on("connection", (socket: Socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  /** Listens on 127.0.0.1 and returns the port. */
  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => {
        this.server.off("error", reject);
        const address = this.server.address();
        resolve(typeof address === "object" && address !== null ? address.port : port);
      });
    });
  }

  /**
   * Stops listening, destroys open (keep-alive) sockets and cancels pending latency timers
   * and late applies (a late apply still pending at close is never applied).
   */
  close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.lateApplies.cancelAll();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = this.state.options.now();
    const body = await readBody(req);
    if (body.kind === "aborted") {
      req.socket.destroy(); // the client left mid-request: nothing to answer, nothing applied
      return;
    }
    // A refresh runs from the moment its request is received until it is answered.
    const refreshed = refreshedZone(req.method, req.url ?? "/");
    const ticket = refreshed === undefined ? undefined : this.refreshes.begin(refreshed);
    try {
      await this.answer(req, res, at, body.kind === "body" ? body.bytes : undefined, ticket?.overlapped);
    } finally {
      ticket?.end();
    }
  }

  private async answer(req: IncomingMessage, res: ServerResponse, at: number, body: Buffer | undefined, refreshOverlapped?: boolean): Promise<void> {
    await this.delay(this.faults.latencyMs);
    if (this.closed) {
      req.socket.destroy(); // closing: answer nothing, change nothing
      return;
    }
    const method = req.method ?? "GET";
    const result: CallResult =
      body === undefined
        ? tooLarge(req.url ?? "/", this.state)
        : processCall({ method, rawTarget: req.url ?? "/", headers: req.headers, body, refreshOverlapped }, this.state, this.faults, this.limiter);
    if (result.applied) this.persist();
    const entry = this.log.add({
      method,
      path: result.path,
      query: Object.fromEntries(result.query),
      status: result.reply?.status ?? 0,
      outcome: result.outcome,
      applied: result.applied,
      applicationKey: result.principal?.kind === "consumerKey" ? result.principal.applicationKey : header(req.headers, "x-ovh-application"),
      consumerKey: result.principal?.kind === "consumerKey" ? result.principal.consumerKey : header(req.headers, "x-ovh-consumer"),
      clientId: result.principal?.kind === "oauth2" ? result.principal.clientId : undefined,
      at,
    });
    if (result.reply === undefined) {
      req.socket.destroy(); // reset, lost response or late apply: the client sees the connection drop
      const later = result.later;
      if (later !== undefined) {
        this.lateApplies.schedule(this.faults.lateApplyDelayMs, () => {
          const reply = later();
          Object.assign(entry, { applied: reply.changed === true, appliedAt: this.state.options.now(), lateStatus: reply.status });
          if (reply.changed === true) this.persist();
        });
      }
      return;
    }
    writeReply(res, result.reply, newQueryId(at));
  }

  private persist(): void {
    if (this.state.options.stateFile !== undefined) saveState(this.state.options.stateFile, this.state.zones);
  }

  private delay(ms: number): Promise<void> {
    if (ms <= 0 || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

function tooLarge(rawTarget: string, state: EmulatorState): CallResult {
  const err = new ApiError(413, `Request body larger than ${MAX_BODY_BYTES} bytes`);
  return { reply: errorReply(err, state.options.errorFormat), outcome: "error", applied: false, path: rawTarget.split("?")[0], query: new URLSearchParams() };
}
