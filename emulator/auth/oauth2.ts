/**
 * OAuth2 client-credentials grant (docs/ovh-api.md §6): `POST /auth/oauth2/token` with HTTP Basic (or
 * form) client authentication, answering `{access_token, token_type, expires_in, scope}` or
 * an RFC 6749 error body. Tokens are opaque random strings kept in memory.
 */
import { randomKey, type CredentialStore } from "./credential-store";
import { json, type Reply } from "../reply";

/** An issued access token. */
interface IssuedToken {
  clientId: string;
  expiresAt: number;
}

/** Issues and checks bearer tokens. */
export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly credentials: CredentialStore,
    private readonly lifetimeSeconds: number,
  ) {}

  /** Handles a token request; `body` is the raw form body. */
  handleTokenRequest(authorization: string | undefined, body: string, now: number): Reply {
    const form = new URLSearchParams(body);
    const basic = parseBasic(authorization);
    const clientId = basic?.id ?? form.get("client_id") ?? undefined;
    const clientSecret = basic?.secret ?? form.get("client_secret") ?? undefined;
    if (clientId === undefined || clientSecret === undefined) {
      return oauthError(401, "invalid_client", "client authentication is required");
    }
    const client = this.credentials.client(clientId);
    if (client === undefined) {
      return oauthError(401, "invalid_client", "ovhcloud oauth2 client does not exists");
    }
    if (client.clientSecret !== clientSecret) {
      return oauthError(401, "invalid_client", "invalid client credentials");
    }
    if (form.get("grant_type") !== "client_credentials") {
      return oauthError(400, "unsupported_grant_type", "only grant_type=client_credentials is supported");
    }
    const scope = form.get("scope") ?? "all";
    if (scope !== "all") return oauthError(400, "invalid_scope", `unsupported scope "${scope}", use "all"`);
    const token = randomKey(48);
    this.tokens.set(token, { clientId, expiresAt: now + this.lifetimeSeconds * 1000 });
    const reply = json({ access_token: token, token_type: "Bearer", expires_in: this.lifetimeSeconds, scope: "all" });
    return { ...reply, headers: { "Cache-Control": "no-store" } };
  }

  /** The client a live token belongs to, or undefined for an unknown or expired token. */
  clientOf(token: string, now: number): string | undefined {
    const issued = this.tokens.get(token);
    if (issued === undefined) return undefined;
    if (now >= issued.expiresAt) {
      this.tokens.delete(token);
      return undefined;
    }
    return issued.clientId;
  }
}

/** RFC 6749 §2.3.1: id and secret are form-urlencoded before base64. */
function parseBasic(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  try {
    return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

function formDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, " "));
}

function oauthError(status: number, error: string, description: string): Reply {
  return json({ error, error_description: description }, status);
}
