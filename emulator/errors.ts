/**
 * OVH-shaped API errors and their JSON bodies (docs/ovh-api.md §2).
 *
 * Two generations of error bodies exist: the current `{class, message}` and the legacy
 * `{errorCode, httpCode, message}` still seen on some auth errors. Which one the emulator
 * writes is configurable because docs/ovh-api.md §8 leaves it open.
 */

/** Which error-body generation to emit (docs/ovh-api.md §2). */
export type ErrorFormat = "current" | "legacy" | "both";

const REASON: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  413: "Payload Too Large",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

const CLASS: Record<number, string> = {
  400: "Client::BadRequest",
  401: "Client::Unauthorized",
  403: "Client::Forbidden",
  404: "Client::NotFound",
  405: "Client::MethodNotAllowed",
  408: "Client::RequestTimeout",
  409: "Client::Conflict",
  413: "Client::RequestEntityTooLarge",
  429: "Client::TooManyRequests",
  431: "Client::RequestHeaderFieldsTooLarge",
  500: "Server::InternalServerError",
  503: "Server::ServiceUnavailable",
};

/** An error the emulator answers with an OVH-shaped body instead of a crash. */
export class ApiError extends Error {
  override readonly name: string = "ApiError";
  /** HTTP status. */
  readonly status: number;
  /** Legacy OVH error code (INVALID_SIGNATURE, ...), only on the errors that had one. */
  readonly errorCode?: string;
  /** Extra `details` object, as IAM denials carry (docs/ovh-api.md §2). */
  readonly details?: Record<string, string>;
  /** Extra response headers (e.g. Retry-After). */
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    message: string,
    extra: { errorCode?: string; details?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.errorCode = extra.errorCode;
    this.details = extra.details;
    this.headers = extra.headers ?? {};
  }

  /** The OVH error class for this status, e.g. `Client::BadRequest`. */
  get errorClass(): string {
    return CLASS[this.status] ?? (this.status >= 500 ? "Server::InternalServerError" : "Client::BadRequest");
  }
}

/** `"400 Bad Request"`: the legacy `httpCode` field. */
export function httpCodeOf(status: number): string {
  return `${status} ${REASON[status] ?? "Error"}`;
}

/**
 * The JSON body for an error in the chosen format. The legacy generation only carried
 * `errorCode`/`httpCode` on errors that had a code (auth errors); others were `{message}` alone.
 */
export function errorBody(err: ApiError, format: ErrorFormat): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (format !== "legacy") body.class = err.errorClass;
  if (format !== "current" && err.errorCode !== undefined) {
    body.errorCode = err.errorCode;
    body.httpCode = httpCodeOf(err.status);
  }
  body.message = err.message;
  if (err.details !== undefined) body.details = err.details;
  return body;
}

/** 400 Client::BadRequest with a message a person can act on. */
export function badRequest(message: string): ApiError {
  return new ApiError(400, message);
}

/** 404 for an unknown route (docs/ovh-api.md §2: "Got an invalid (or empty) URL"). */
export function invalidUrl(): ApiError {
  return new ApiError(404, "Got an invalid (or empty) URL");
}

/** 404 for an unknown zone (docs/ovh-api.md §2). */
export function serviceNotFound(): ApiError {
  return new ApiError(404, "This service does not exist");
}

/** 404 for an unknown record id (docs/ovh-api.md §2). */
export function objectNotFound(id: string | number): ApiError {
  return new ApiError(404, `The requested object (id = ${id}) does not exist`);
}
