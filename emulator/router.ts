/**
 * Maps a request target to a route. The API lives under `/1.0`, with `/v1` as an alias
 * (docs/ovh-api.md §6); a trailing slash is accepted (docs/ovh-api.md §1: `GET /1.0/domain/` works).
 */
import { ApiError, invalidUrl } from "./errors";
import { authRoutes } from "./routes/auth-routes";
import { dynHostRoutes } from "./routes/dynhost-routes";
import { recordRoutes } from "./routes/record-routes";
import { dnssecRoutes } from "./routes/dnssec-routes";
import { redirectionRoutes } from "./routes/redirection-routes";
import { soaRoutes } from "./routes/soa-routes";
import { zoneRoutes } from "./routes/zone-routes";
import type { Route } from "./state";

/** Every API route. */
const ROUTES: readonly Route[] = [...authRoutes, ...zoneRoutes, ...recordRoutes, ...redirectionRoutes, ...soaRoutes, ...dnssecRoutes, ...dynHostRoutes];

/** A request target split into its API path and query. */
export interface ParsedTarget {
  /** Path without the API prefix, without the query and without a trailing slash. */
  path: string;
  query: URLSearchParams;
  /** Whether the path was under `/1.0` or `/v1`. */
  underApi: boolean;
}

/** Splits a raw request target (`/1.0/domain/zone?x=y`). */
export function parseTarget(rawTarget: string): ParsedTarget {
  const queryAt = rawTarget.indexOf("?");
  const rawPath = queryAt < 0 ? rawTarget : rawTarget.slice(0, queryAt);
  const query = new URLSearchParams(queryAt < 0 ? "" : rawTarget.slice(queryAt + 1));
  const prefix = /^\/(?:1\.0|v1)(?=\/|$)/.exec(rawPath);
  const rest = prefix ? rawPath.slice(prefix[0].length) : rawPath;
  const path = rest.length > 1 && rest.endsWith("/") ? rest.slice(0, -1) : rest;
  return { path, query, underApi: prefix !== null };
}

/** The matched route and its decoded path parameters. */
export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/**
 * Finds the route for a method and API path: 404 "Got an invalid (or empty) URL" when no
 * pattern matches, 405 when the path exists under another method.
 */
export function matchRoute(method: string, path: string): RouteMatch {
  const segments = path.split("/").slice(1);
  let pathExists = false;
  for (const route of ROUTES) {
    const params = matchPattern(route.pattern, segments);
    if (params === undefined) continue;
    pathExists = true;
    if (route.method === method) return { route, params };
  }
  if (pathExists) throw new ApiError(405, `Method ${method} is not allowed on ${path}`);
  throw invalidUrl();
}

function matchPattern(pattern: string, segments: string[]): Record<string, string> | undefined {
  const parts = pattern.split("/").slice(1);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.startsWith("{")) {
      const value = decodeSegment(segments[i]);
      if (value === undefined || value === "") return undefined;
      params[part.slice(1, -1)] = value;
    } else if (part !== segments[i]) {
      return undefined;
    }
  }
  return params;
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
