/**
 * What a route handler answers, before the server writes it: a status, an optional JSON or
 * HTML body, extra headers, and whether the call changed state (for faults and the log).
 */

/** A handler's answer. */
export interface Reply {
  /** HTTP status. */
  status: number;
  /** Body: JSON value (`null` included), HTML or plain text, or none (204). */
  body?: { kind: "json"; value: unknown } | { kind: "html"; text: string } | { kind: "text"; text: string };
  /** Extra headers. */
  headers?: Record<string, string>;
  /** Whether the call changed emulator state. */
  changed?: boolean;
}

/** A JSON answer. */
export function json(value: unknown, status = 200, changed = false): Reply {
  return { status, body: { kind: "json", value }, changed };
}

/** A body-less answer (204 by default). */
export function empty(status = 204, changed = false): Reply {
  return { status, changed };
}

/** An HTML page (the credential validation page). */
export function html(text: string, status = 200, changed = false): Reply {
  return { status, body: { kind: "html", text }, changed };
}

/** A plain-text page (the zones page at `/`). */
export function text(body: string, status = 200): Reply {
  return { status, body: { kind: "text", text: body } };
}
