/** `/auth/time`, `/auth/credential`, `/auth/currentCredential` (docs/ovh-api.md §3). */
import { RULE_METHODS, type AccessRule } from "../auth/access-rules";
import { randomKey } from "../auth/credential-store";
import { parseJsonBody } from "../body";
import { ApiError, badRequest } from "../errors";
import { json } from "../reply";
import type { HandlerContext, Route } from "../state";

const CREDENTIAL_FIELDS = ["accessRules", "redirection", "allowedIPs"];
/** A redirection longer than this is refused (a guess: the real limit is unknown; browsers take ~2,000). */
const MAX_REDIRECTION = 2048;

/** The /auth routes. None is subject to access rules ("all /auth calls are granted", docs/ovh-api.md §3). */
export const authRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/auth/time",
    auth: "none",
    rules: false,
    // A bare JSON integer of epoch seconds (docs/ovh-api.md §3).
    handle: (ctx) => json(Math.floor(ctx.now / 1000)),
  },
  { method: "POST", pattern: "/auth/credential", auth: "application", rules: false, handle: requestCredential },
  { method: "GET", pattern: "/auth/currentCredential", auth: "signed", rules: false, handle: currentCredential },
];

function requestCredential(ctx: HandlerContext): ReturnType<Route["handle"]> {
  const body = parseJsonBody(ctx.body);
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("Body must be a JSON object");
  const object = body as Record<string, unknown>;
  const unknown = Object.keys(object).filter((key) => !CREDENTIAL_FIELDS.includes(key));
  if (unknown.length > 0) throw badRequest(`Unknown parameter(s) in body: ${unknown.join(", ")}`);
  const rules = parseRules(object.accessRules);
  const redirection = checkRedirection(object.redirection ?? null);
  const allowedIPs = object.allowedIPs ?? null;
  if (allowedIPs !== null && !(Array.isArray(allowedIPs) && allowedIPs.every((ip) => typeof ip === "string"))) {
    throw badRequest("Body parameter allowedIPs isn't formated correctly");
  }
  const applicationKey = String(ctx.headers["x-ovh-application"]);
  const { credentials, options, publicOrigin } = ctx.state;
  const stored = credentials.addCredential(
    {
      consumerKey: randomKey(32),
      applicationKey,
      rules,
      state: options.autoValidateCredentials ? "validated" : "pendingValidation",
    },
    ctx.now,
  );
  stored.validationToken = randomKey(64);
  stored.redirection = redirection;
  stored.allowedIPs = allowedIPs as string[] | null;
  return json(
    {
      validationUrl: `${publicOrigin}/auth/?credentialToken=${stored.validationToken}`,
      consumerKey: stored.consumerKey,
      state: stored.state,
    },
    200,
    true,
  );
}

/**
 * The validation page answers with `Location: <redirection>`, so it must be a valid header
 * value: printable Latin-1, no CR, LF or NUL. Checked here, before the key exists, so the page
 * never fails after validating it (docs/ovh-api-emulator.md, "Hardening").
 */
function checkRedirection(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== "string") throw badRequest("Body parameter redirection isn't formated correctly: expected a URL string or null");
  if (!/^[\x20-\x7e\xa0-\xff]*$/.test(value)) {
    throw badRequest(
      "Body parameter redirection isn't formated correctly: it must be a URL of printable characters (no CR, LF, NUL, control or non-Latin-1 character; percent-encode them)",
    );
  }
  if (value.length > MAX_REDIRECTION) {
    throw badRequest(`Body parameter redirection isn't formated correctly: ${value.length} characters, at most ${MAX_REDIRECTION}`);
  }
  return value;
}

function parseRules(value: unknown): AccessRule[] {
  const malformed = badRequest("Body parameter accessRules isn't formated correctly");
  if (!Array.isArray(value) || value.length === 0) throw malformed;
  return value.map((rule: unknown) => {
    if (typeof rule !== "object" || rule === null) throw malformed;
    const { method, path } = rule as Record<string, unknown>;
    if (!(RULE_METHODS as readonly unknown[]).includes(method)) throw malformed;
    if (typeof path !== "string" || !path.startsWith("/")) throw malformed;
    return { method: method as string, path };
  });
}

function currentCredential(ctx: HandlerContext): ReturnType<Route["handle"]> {
  const principal = ctx.principal;
  if (principal?.kind !== "consumerKey") {
    // A guess: the real answer for an OAuth2 token is unknown; a consumer key is what this describes.
    throw new ApiError(403, "This call is only available with a consumer key");
  }
  const { credential } = principal;
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  return json({
    allowedIPs: credential.allowedIPs ?? null,
    applicationId: ctx.state.credentials.applicationId(credential.applicationKey),
    creation: iso(credential.createdAt),
    credentialId: credential.credentialId,
    expiration: iso(credential.expiresAt),
    lastUse: iso(credential.lastUseAt),
    ovhSupport: false,
    rules: credential.rules,
    status: ctx.state.credentials.effectiveState(credential, ctx.now),
  });
}
