/**
 * Who is calling (docs/ovh-api.md §1-§3, §6): an OVH signed request (AK + CK + timestamp + signature)
 * or an OAuth2 bearer token. Each failure is the status, class and legacy code the real API
 * answers with.
 */
import type { IncomingHttpHeaders } from "node:http";
import { ApiError } from "../errors";
import type { EmulatorState, Principal, Route } from "../state";
import { candidateUrls, verifySignature } from "./signature";

/** The parts of a request authentication looks at. */
export interface AuthRequest {
  method: string;
  /** The request target exactly as received (path and query). */
  rawTarget: string;
  headers: IncomingHttpHeaders;
  /** The exact body bytes as received. */
  body: Buffer;
}

const LOGIN_FIRST = (): ApiError => new ApiError(401, "You must login first");
const INVALID_KEY = (): ApiError => new ApiError(403, "This application key is invalid", { errorCode: "INVALID_KEY" });

/** Authenticates a request for a route; `undefined` for routes needing no principal. */
export function authenticate(request: AuthRequest, route: Route, state: EmulatorState, now: number): Principal | undefined {
  if (route.auth === "none") return undefined;
  const applicationKey = header(request.headers, "x-ovh-application");
  if (route.auth === "application") {
    if (applicationKey === undefined || state.credentials.applicationSecret(applicationKey) === undefined) {
      throw INVALID_KEY();
    }
    return undefined;
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(header(request.headers, "authorization") ?? "");
  if (bearer) return authenticateBearer(bearer[1], state, now);
  return authenticateSigned(request, applicationKey, state, now);
}

function authenticateBearer(token: string, state: EmulatorState, now: number): Principal {
  const clientId = state.tokens.clientOf(token, now);
  const client = clientId === undefined ? undefined : state.credentials.client(clientId);
  if (client === undefined) throw new ApiError(401, "Invalid or expired access token");
  return { kind: "oauth2", clientId: client.clientId, allowedActions: client.allowedActions };
}

function authenticateSigned(
  request: AuthRequest,
  applicationKey: string | undefined,
  state: EmulatorState,
  now: number,
): Principal {
  if (applicationKey === undefined) throw LOGIN_FIRST();
  const applicationSecret = state.credentials.applicationSecret(applicationKey);
  if (applicationSecret === undefined) throw INVALID_KEY();
  const consumerKey = header(request.headers, "x-ovh-consumer");
  const timestamp = header(request.headers, "x-ovh-timestamp");
  const signature = header(request.headers, "x-ovh-signature");
  if (consumerKey === undefined || timestamp === undefined || signature === undefined) throw LOGIN_FIRST();
  const credential = state.credentials.credential(consumerKey);
  if (credential === undefined || credential.applicationKey !== applicationKey) {
    throw new ApiError(403, "This credential does not exist", { errorCode: "NOT_CREDENTIAL" });
  }
  const tolerance = state.options.clockToleranceSeconds;
  if (!/^\d+$/.test(timestamp) || Math.abs(Number(timestamp) - now / 1000) > tolerance) {
    throw new ApiError(400, "Query out of time", { errorCode: "QUERY_TIME_OUT" });
  }
  const urls = candidateUrls(state.publicOrigin, header(request.headers, "host"), request.rawTarget);
  const base = { applicationSecret, consumerKey, method: request.method, body: request.body, timestamp };
  if (!verifySignature(signature, base, urls)) {
    throw new ApiError(400, "Invalid signature", { errorCode: "INVALID_SIGNATURE" });
  }
  if (state.credentials.effectiveState(credential, now) !== "validated") {
    throw new ApiError(403, "This credential is not valid", { errorCode: "INVALID_CREDENTIAL" });
  }
  credential.lastUseAt = now;
  return { kind: "consumerKey", applicationKey, consumerKey, credential };
}

/** A single header value; repeated headers keep the first. */
export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
