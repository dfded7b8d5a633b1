/** The parts of an OVH error body, whatever its generation (docs/ovh-api.md §2). */
export interface ParsedErrorBody {
  errorClass?: string;
  errorCode?: string;
  message: string;
  details?: Record<string, unknown>;
}

/** Longest excerpt of a non-JSON body kept in a message. */
const MAX_EXCERPT_CHARS = 300;

/**
 * Reads an error body: the current `{class, message, details}` shape, the legacy
 * `{errorCode, httpCode, message}` one, OAuth2's `{error, error_description}`, or anything else,
 * whose readable text becomes the message (go-ovh does the same for an HTML 503, docs/ovh-api.md §2).
 */
export function parseErrorBody(text: string, status: number): ParsedErrorBody {
  const json = tryParseJson(text);
  if (json !== undefined && typeof json === "object" && json !== null && !Array.isArray(json)) {
    const body = json as Record<string, unknown>;
    const message = firstString(body.message, body.error_description, body.error);
    const errorClass = firstString(body.class, typeof body.error === "string" && body.error_description ? body.error : undefined);
    const details = isRecord(body.details) ? body.details : undefined;
    if (message !== undefined || errorClass !== undefined || firstString(body.errorCode) !== undefined) {
      return {
        errorClass,
        errorCode: firstString(body.errorCode),
        message: message ?? `HTTP ${status}`,
        details,
      };
    }
  }
  if (typeof json === "string" && json) return { message: excerpt(json) };
  const readable = excerpt(text);
  return { message: readable || `HTTP ${status} with an empty body` };
}

/**
 * A readable, bounded excerpt of a body: for HTML the `<title>` (or the text without tags),
 * whitespace collapsed, cut at {@link MAX_EXCERPT_CHARS} with an ellipsis.
 */
export function excerpt(text: string): string {
  let readable = text;
  if (/<\/?[a-z][\s\S]*>/i.test(text)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
    readable = title?.trim() ? title : text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " ");
  }
  readable = readable.replace(/\s+/g, " ").trim();
  return readable.length > MAX_EXCERPT_CHARS ? `${readable.slice(0, MAX_EXCERPT_CHARS)}…` : readable;
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function firstString(...values: unknown[]): string | undefined {
  for (const v of values) if (typeof v === "string" && v !== "") return v;
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
