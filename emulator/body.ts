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
