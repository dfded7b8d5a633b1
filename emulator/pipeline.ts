/**
 * One request, start to end: route, faults, authentication, rate limit, handler, then the
 * after-apply faults. Every failure becomes an OVH-shaped answer; nothing here throws.
 */
import type { IncomingHttpHeaders } from "node:http";
import { authenticate, header } from "./auth/authenticate";
import { authorize } from "./auth/authorize";
import { ApiError, invalidUrl } from "./errors";
import type { FaultInjector, FaultKind } from "./faults";
import { errorReply } from "./http-response";
import type { RateLimiter } from "./rate-limit";
import type { Reply } from "./reply";
import type { Outcome } from "./request-log";
import { matchRoute, parseTarget } from "./router";
import { showValidationPage, submitValidation } from "./routes/validation-page";
import { showZonesPage } from "./routes/zones-page";
import type { EmulatorState, Principal } from "./state";

/** A request as received. */
export interface IncomingCall {
  method: string;
  rawTarget: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** A zone refresh only: another refresh of the zone was running when this one arrived. */
  refreshOverlapped?: boolean;
}

/** What to do with the connection, and what to log. */
export interface CallResult {
  /** The answer, or undefined when the connection must be destroyed without one. */
  reply?: Reply;
  outcome: Outcome;
  applied: boolean;
  path: string;
  query: URLSearchParams;
  principal?: Principal;
  /**
   * Late-apply fault: the call, authenticated, to run once the connection has been dropped.
   * It returns the reply the client would have had; nothing is sent.
   */
  later?: () => Reply;
}

/** Runs the whole pipeline for one call. */
export function processCall(
  call: IncomingCall,
  state: EmulatorState,
  faults: FaultInjector,
  limiter: RateLimiter | undefined,
): CallResult {
  const { path, query, underApi } = parseTarget(call.rawTarget);
  const now = state.options.now();
  const result: CallResult = { outcome: "ok", applied: false, path, query };
  try {
    if (!underApi) return finish(result, originRoute(call, path, query, state, now));
    const { route, params } = matchRoute(call.method, path);
    const fault = faults.draw(call.method, path);
    if (fault === "reset") return { ...result, outcome: "fault:reset" };
    if (fault === "5xx") return fail(result, faults.serverError(), state, "fault:5xx");
    if (fault === "429") return fail(result, faults.tooManyRequests(), state, "fault:429");
    const principal = authenticate(call, route, state, now);
    result.principal = principal;
    authorize(principal, route, call.method, path);
    if (principal !== undefined && limiter !== undefined) {
      try {
        limiter.take(principalKey(principal), now);
      } catch (err) {
        return fail(result, err as ApiError, state, "rate-limited");
      }
    }
    const run = (at: number) => route.handle({ params, query, body: call.body, headers: call.headers, principal, now: at, state, refreshOverlapped: call.refreshOverlapped });
    if (fault === "late-apply") return { ...result, outcome: "fault:late-apply", later: () => runLater(run, state) };
    return afterApply(finish(result, run(now)), fault, state);
  } catch (err) {
    if (err instanceof ApiError) return fail(result, err, state, "error");
    // A bug in the emulator still answers like OVH's own 500, never a dropped connection.
    return fail(result, new ApiError(500, "Internal server error"), state, "error");
  }
}

/** Routes outside the API prefix: the OAuth2 token endpoint, the validation page and the zones page. */
function originRoute(call: IncomingCall, path: string, query: URLSearchParams, state: EmulatorState, now: number): Reply {
  if (path === "/auth/oauth2/token" && call.method === "POST") {
    return state.tokens.handleTokenRequest(header(call.headers, "authorization"), call.body.toString("utf8"), now);
  }
  if (path === "/auth" || path === "/auth/") {
    if (call.method === "GET") return showValidationPage(state, query);
    if (call.method === "POST") return submitValidation(state, call.body.toString("utf8"));
  }
  if (path === "/" && call.method === "GET") return showZonesPage(state);
  throw invalidUrl();
}

function finish(result: CallResult, reply: Reply): CallResult {
  return { ...result, reply, applied: reply.changed === true, outcome: reply.status >= 400 ? "error" : "ok" };
}

function fail(result: CallResult, err: ApiError, state: EmulatorState, outcome: Outcome): CallResult {
  return { ...result, reply: errorReply(err, state.options.errorFormat), outcome };
}

/** Faults that strike once the handler has run (and maybe changed state). */
function afterApply(result: CallResult, fault: FaultKind | undefined, state: EmulatorState): CallResult {
  if (fault === "lost") return { ...result, reply: undefined, outcome: "fault:lost" };
  if (fault === "5xx-after-apply") {
    return { ...result, reply: errorReply(new ApiError(500, "Internal server error"), state.options.errorFormat), outcome: "fault:5xx-after-apply" };
  }
  return result;
}

/** Runs a late-applied call on the clock of its apply; errors become the reply it would have had. */
function runLater(run: (at: number) => Reply, state: EmulatorState): Reply {
  try {
    return run(state.options.now());
  } catch (err) {
    const error = err instanceof ApiError ? err : new ApiError(500, "Internal server error");
    return errorReply(error, state.options.errorFormat);
  }
}

function principalKey(principal: Principal): string {
  return principal.kind === "consumerKey" ? `ck:${principal.consumerKey}` : `oauth2:${principal.clientId}`;
}
