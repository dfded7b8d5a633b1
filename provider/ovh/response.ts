import { excerpt, parseErrorBody } from "./error-body";
import { hintForApiError } from "./error-hints";
import { OvhApiError, OvhResponseError } from "./errors";
import { redactDeep } from "./redact";
import { parseRetryAfterMs } from "./retry";

/** A raw HTTP response, as a transport returns it. */
export interface RawResponse {
  status: number;
  /** Header names in any case; values as Node gives them. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Who asked, to put in errors and hints. */
export interface ResponseContext {
  method: string;
  /** API path without query string, e.g. `/domain/zone/example.com/record`. */
  path: string;
  /** Endpoint name as configured, named in some hints. */
  endpoint?: string;
  /** Scrubs the client's secrets from server-provided text. */
  redact?: (text: string) => string;
  /** Local time in milliseconds, to read a `Retry-After` date (default `Date.now`). */
  now?: () => number;
}

/** Reads a header whatever the case of its name (`X-Ovh-QueryID`, `x-ovh-queryid`...). */
export function readHeader(headers: RawResponse["headers"], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/**
 * Turns a response into its value: `undefined` for 204 or an empty body (refresh and DELETE
 * answer 204 since 2023, docs/ovh-api.md §4), parsed JSON otherwise. Throws {@link OvhApiError} for a
 * non-2xx status and {@link OvhResponseError} for a 2xx body that is not JSON.
 */
export function readResponse<T>(raw: RawResponse, ctx: ResponseContext): T {
  if (raw.status < 200 || raw.status >= 300) throw createApiError(raw, ctx);
  if (raw.status === 204 || raw.body.trim() === "") return undefined as T;
  try {
    return JSON.parse(raw.body) as T;
  } catch (parseError) {
    // Redact first, then cut: a secret straddling the cut would otherwise survive in part. The parse error
    // quotes the body too, so it is rebuilt from the redacted text.
    const redact = ctx.redact ?? ((t: string) => t);
    const cause = new SyntaxError(redact(parseError instanceof Error ? parseError.message : String(parseError)));
    throw new OvhResponseError({
      status: raw.status,
      method: ctx.method,
      path: ctx.path,
      queryId: readHeader(raw.headers, "x-ovh-queryid"),
      excerpt: excerpt(redact(raw.body)),
      cause,
    });
  }
}

/** Builds the {@link OvhApiError} for a non-2xx response, hint included. */
export function createApiError(raw: RawResponse, ctx: ResponseContext): OvhApiError {
  const redact = ctx.redact ?? ((t: string) => t);
  // Redact the whole body before it is parsed and cut into an excerpt (see readResponse).
  const parsed = redactDeep(parseErrorBody(redact(raw.body), raw.status), redact);
  const hint = hintForApiError({ ...parsed, status: raw.status, method: ctx.method, path: ctx.path, endpoint: ctx.endpoint });
  return new OvhApiError({
    status: raw.status,
    errorClass: parsed.errorClass,
    errorCode: parsed.errorCode,
    apiMessage: parsed.message,
    details: parsed.details,
    queryId: readHeader(raw.headers, "x-ovh-queryid"),
    method: ctx.method,
    path: ctx.path,
    hint,
    retryAfterMs: parseRetryAfterMs(readHeader(raw.headers, "retry-after"), (ctx.now ?? Date.now)()),
  });
}
