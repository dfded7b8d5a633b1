import type { OvhAuth } from "./auth";
import type { ServerClock } from "./clock";
import type { OAuth2TokenSource } from "./oauth2";
import { signRequest } from "./signature";

/** Headers for one attempt, and the per-attempt secrets (signature, token) to scrub from errors. */
export interface AuthHeaders {
  headers: Record<string, string>;
  secrets: string[];
  /** The bearer token used, so a 401 can invalidate exactly it. */
  token?: string;
}

/**
 * Builds the authentication headers of one attempt (docs/ovh-api.md §1, §6):
 * - application key: `X-Ovh-Application` on every call; `X-Ovh-Timestamp`, `X-Ovh-Consumer` and
 *   `X-Ovh-Signature` on signed calls, the timestamp taken from the API's clock;
 * - OAuth2 and access token: `Authorization: Bearer` on signed calls, no `X-Ovh-*` (python-ovh).
 */
export async function buildAuthHeaders(
  auth: OvhAuth,
  request: { method: string; url: string; body?: string; signed: boolean },
  deps: { clock?: ServerClock; tokens?: OAuth2TokenSource },
): Promise<AuthHeaders> {
  if (auth.kind === "application") {
    const headers: Record<string, string> = { "X-Ovh-Application": auth.applicationKey };
    if (!request.signed) return { headers, secrets: [] };
    const timestamp = await (deps.clock as ServerClock).timestamp();
    const signature = signRequest({
      applicationSecret: auth.applicationSecret,
      consumerKey: auth.consumerKey,
      method: request.method,
      url: request.url,
      body: request.body ?? "",
      timestamp,
    });
    headers["X-Ovh-Timestamp"] = String(timestamp);
    headers["X-Ovh-Consumer"] = auth.consumerKey;
    headers["X-Ovh-Signature"] = signature;
    return { headers, secrets: [signature] };
  }
  if (!request.signed) return { headers: {}, secrets: [] };
  const token = auth.kind === "oauth2" ? await (deps.tokens as OAuth2TokenSource).getToken() : auth.accessToken;
  return { headers: { Authorization: `Bearer ${token}` }, secrets: [token], token };
}
