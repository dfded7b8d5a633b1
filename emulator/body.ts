/** Request-body decoding. The raw bytes are kept apart for the signature (docs/ovh-api.md §1). */
import { badRequest } from "./errors";

/** Parses a JSON body; an empty body is `{}` (node-ovh sends none when there are no params). */
export function parseJsonBody(raw: Buffer): unknown {
  const text = raw.toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest("Invalid JSON received in the request body");
  }
}

/** Refuses a body on a route that takes none (`POST .../refresh`, `POST .../dnssec`): `{}` and nothing pass. */
export function refuseBody(raw: Buffer): void {
  const text = raw.toString("utf8").trim();
  if (text !== "" && text !== "{}") throw badRequest("This call takes no body parameters");
}

/** A body that must be a JSON object, or 400. */
export function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("Body must be a JSON object");
  return body as Record<string, unknown>;
}

/** 400 naming every key of `object` outside `allowed`. */
export function rejectUnknown(object: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(object).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw badRequest(`Unknown parameter(s) in body: ${unknown.join(", ")}`);
}
