/**
 * The error hierarchy of the OVH client. No error ever carries an application secret, a consumer
 * key, a client secret, a token or a signature: messages are built from source names and from the
 * API's own answer, which the client scrubs of its secrets before building them (see `redact.ts`).
 */

/** Base class of every error thrown by `provider/ovh`. */
export class OvhError extends Error {
  override readonly name: string = "OvhError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The configuration is unusable (unknown endpoint, half-set credentials, two auth methods...). */
export class OvhConfigError extends OvhError {
  override readonly name: string = "OvhConfigError";
}

/** The fields of an {@link OvhApiError}. */
export interface OvhApiErrorFields {
  /** HTTP status code. */
  status: number;
  /** OVH error class, e.g. `Client::Forbidden` (current bodies). */
  errorClass?: string;
  /** Legacy OVH error code, e.g. `INVALID_SIGNATURE`. */
  errorCode?: string;
  /** The API's own message (or a readable excerpt of a non-JSON body). */
  apiMessage: string;
  /** `X-Ovh-QueryID` of the response: quote it to OVH support. */
  queryId?: string;
  /** HTTP method of the failed call. */
  method: string;
  /** API path of the failed call, e.g. `/domain/zone/example.com/record`. */
  path: string;
  /** The `details` object of the body, e.g. `unauthorizedActionsByIAM`. */
  details?: Record<string, unknown>;
  /** What to do about it, for the common authentication and permission errors. */
  hint?: string;
  /** The wait the server asked for with `Retry-After`, in milliseconds. */
  retryAfterMs?: number;
  /** The underlying error, if any (e.g. a JSON parse failure). */
  cause?: unknown;
}

/** The OVH API answered with a non-2xx status. */
export class OvhApiError extends OvhError implements OvhApiErrorFields {
  override readonly name: string = "OvhApiError";
  readonly status: number;
  readonly errorClass?: string;
  readonly errorCode?: string;
  readonly apiMessage: string;
  readonly queryId?: string;
  readonly method: string;
  readonly path: string;
  readonly details?: Record<string, unknown>;
  readonly hint?: string;
  readonly retryAfterMs?: number;

  constructor(fields: OvhApiErrorFields) {
    super(formatApiErrorMessage(fields), { cause: fields.cause });
    this.status = fields.status;
    this.errorClass = fields.errorClass;
    this.errorCode = fields.errorCode;
    this.apiMessage = fields.apiMessage;
    this.queryId = fields.queryId;
    this.method = fields.method;
    this.path = fields.path;
    this.details = fields.details;
    this.hint = fields.hint;
    this.retryAfterMs = fields.retryAfterMs;
  }
}

/**
 * Formats `OVH API error 403 Client::Forbidden on POST /domain/zone/x/record: <message>.
 * <hint> (query id <id>)`, in the spirit of go-ovh's `APIError.Error()` (docs/other-tools.md §B.8).
 */
function formatApiErrorMessage(f: OvhApiErrorFields): string {
  const kind = [f.errorClass, f.errorCode].filter(Boolean).join(" / ");
  let text = `OVH API error ${f.status}${kind ? ` ${kind}` : ""} on ${f.method} ${f.path}: ${f.apiMessage}`;
  if (f.hint) text += `. ${f.hint}`;
  if (f.queryId) text += ` (query id ${f.queryId})`;
  return text;
}

/** How a network failure happened. */
export type OvhNetworkErrorKind = "refused" | "dns" | "timeout" | "reset" | "tls" | "other";

/** The fields of an {@link OvhNetworkError}. */
export interface OvhNetworkErrorFields {
  method: string;
  path: string;
  kind: OvhNetworkErrorKind;
  /** Node's error code, e.g. `ECONNRESET`. */
  code?: string;
  /**
   * `false` when the connection failed before the request was written (refused, DNS, TLS
   * handshake): the server certainly did nothing. `true` once the request may have reached it.
   */
  mayHaveBeenApplied: boolean;
  /** Short description, e.g. `timed out after 30000 ms`. */
  reason: string;
  cause?: unknown;
}

/** The request failed below HTTP: refused, reset, timed out, DNS... */
export class OvhNetworkError extends OvhError {
  override readonly name: string = "OvhNetworkError";
  readonly method: string;
  readonly path: string;
  readonly kind: OvhNetworkErrorKind;
  readonly code?: string;
  readonly mayHaveBeenApplied: boolean;

  constructor(f: OvhNetworkErrorFields) {
    const when = f.mayHaveBeenApplied ? "after the request was sent" : "before the request was sent";
    super(`OVH API network error on ${f.method} ${f.path}: ${f.reason} (${when})`, { cause: f.cause });
    this.method = f.method;
    this.path = f.path;
    this.kind = f.kind;
    this.code = f.code;
    this.mayHaveBeenApplied = f.mayHaveBeenApplied;
  }
}

/** A 2xx response whose body could not be read as JSON: the call was applied, its result is lost. */
export class OvhResponseError extends OvhError {
  override readonly name: string = "OvhResponseError";
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly queryId?: string;

  constructor(f: { status: number; method: string; path: string; queryId?: string; excerpt: string; cause?: unknown }) {
    super(
      `OVH API returned ${f.status} on ${f.method} ${f.path} with a body that is not JSON: ${f.excerpt}` +
        (f.queryId ? ` (query id ${f.queryId})` : ""),
      { cause: f.cause },
    );
    this.status = f.status;
    this.method = f.method;
    this.path = f.path;
    this.queryId = f.queryId;
  }
}

/**
 * The call was never sent because its authentication could not be prepared: the API's clock
 * (`GET /auth/time`) or an OAuth2 token could not be obtained. `cause` holds that failure.
 */
export class OvhAuthSetupError extends OvhError {
  override readonly name: string = "OvhAuthSetupError";
  readonly method: string;
  readonly path: string;
  /** Whether trying the whole call again may help (a transient token-endpoint failure). */
  readonly retryable: boolean;

  constructor(f: { method: string; path: string; step: string; retryable: boolean; cause: unknown }) {
    const reason = f.cause instanceof Error ? f.cause.message : String(f.cause);
    super(`${f.method} ${f.path} was not sent: could not ${f.step}: ${reason}`, { cause: f.cause });
    this.method = f.method;
    this.path = f.path;
    this.retryable = f.retryable;
  }
}
