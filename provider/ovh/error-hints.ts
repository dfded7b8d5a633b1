import { displayEndpoint } from "./endpoints";

/** What a hint is computed from. */
export interface HintInput {
  status: number;
  errorClass?: string;
  errorCode?: string;
  message: string;
  details?: Record<string, unknown>;
  method: string;
  /** API path without the query string. */
  path: string;
  /** Endpoint name as configured (`ovh-eu`, a URL...), to name it in the hint. */
  endpoint?: string;
}

/**
 * Says what to do about the common authentication and permission errors (docs/ovh-api.md §2 catalogue). Those
 * are the errors users hit first and OVH's own messages do not say how to fix them. Returns
 * undefined when there is nothing useful to add.
 */
export function hintForApiError(e: HintInput): string | undefined {
  const code = e.errorCode ?? "";
  const msg = e.message.toLowerCase();
  const iam = iamActions(e.details);
  if (iam) {
    return `Your OAuth2 service account lacks the IAM action(s) ${iam}: add them to one of its IAM policies, on this resource.`;
  }
  if (code === "INVALID_KEY" || msg.includes("application key is invalid")) {
    const where = e.endpoint ? ` (currently "${displayEndpoint(e.endpoint)}")` : "";
    return `Check applicationKey, and that the endpoint${where} is the region where the application was created (ovh-eu, ovh-ca, ovh-us...).`;
  }
  if (code === "NOT_CREDENTIAL" || code === "INVALID_CREDENTIAL" || msg.includes("this credential")) {
    const state = code === "INVALID_CREDENTIAL" || msg.includes("not valid")
      ? "The consumer key exists but is not validated, has expired or was revoked."
      : "The consumer key is unknown for this application and endpoint.";
    return `${state} Get a new one with POST /auth/credential (body {"accessRules":[...]}, header X-Ovh-Application), ` +
      `open the validationUrl it returns and log in to validate it, then set it as consumerKey.`;
  }
  if (code === "NOT_GRANTED_CALL" || msg.includes("has not been granted")) {
    return `The consumer key's access rules do not cover this call: add the rule ${accessRules(e.method, e.path)} ` +
      `when requesting a consumer key (POST /auth/credential), then use the new key.`;
  }
  if (code === "QUERY_TIME_OUT" || msg.includes("query out of time")) {
    return `The request timestamp was outside the API's tolerance: check the machine's clock and that no proxy delays requests ` +
      `(the client already corrects its clock with GET /auth/time).`;
  }
  if (code === "INVALID_SIGNATURE" || msg.includes("invalid signature")) {
    return `The signature did not match: applicationSecret does not belong to applicationKey, or consumerKey was issued to ` +
      `another application, or a proxy rewrote the URL or body.`;
  }
  if (e.status === 401 && msg.includes("login")) {
    return `The call needs authentication: configure applicationKey/applicationSecret/consumerKey or clientId/clientSecret.`;
  }
  if (e.errorClass === "invalid_client") {
    return `Check clientId and clientSecret, and that the endpoint matches the region of the OAuth2 service account.`;
  }
  return undefined;
}

/** `"dnsZone:apiovh:record/create"` from go-ovh's `details.unauthorizedActionsByIAM` (docs/ovh-api.md §2). */
function iamActions(details: Record<string, unknown> | undefined): string | undefined {
  const v = details?.unauthorizedActionsByIAM;
  if (Array.isArray(v)) return v.filter((x) => typeof x === "string").join(", ") || undefined;
  return typeof v === "string" && v.trim() ? v.split(",").map((s) => s.trim()).join(", ") : undefined;
}

/**
 * Access rules that would grant the call: the exact path with numeric ids as `*`, then, under
 * `/domain/zone/<zone>`, the same for every zone. Rules use `*` globs matching `/` too (docs/ovh-api.md §3).
 */
export function accessRulesFor(method: string, path: string): string[] {
  const exact = path.split("/").map((s) => (/^\d+$/.test(s) ? "*" : s)).join("/");
  const rules = [exact];
  const anyZone = exact.replace(/^\/domain\/zone\/[^/]+/, "/domain/zone/*");
  if (anyZone !== exact) rules.push(anyZone);
  return rules.map((p) => `${method.toUpperCase()} ${p}`);
}

function accessRules(method: string, path: string): string {
  const [exact, anyZone] = accessRulesFor(method, path);
  return anyZone ? `${exact} (or ${anyZone} for every zone)` : exact;
}
