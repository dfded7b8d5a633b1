import { credentialValueProblem } from "./credential-values";
import { OvhConfigError } from "./errors";

/** The endpoint aliases every OVH SDK knows (docs/ovh-api.md §6, go-ovh `ovh.go` Endpoints). */
export const ENDPOINTS: Readonly<Record<string, string>> = Object.freeze({
  "ovh-eu": "https://eu.api.ovh.com/1.0",
  "ovh-ca": "https://ca.api.ovh.com/1.0",
  "ovh-us": "https://api.us.ovhcloud.com/1.0",
  "kimsufi-eu": "https://eu.api.kimsufi.com/1.0",
  "kimsufi-ca": "https://ca.api.kimsufi.com/1.0",
  "soyoustart-eu": "https://eu.api.soyoustart.com/1.0",
  "soyoustart-ca": "https://ca.api.soyoustart.com/1.0",
});

/** OAuth2 token URLs per alias; Kimsufi and SoYouStart have none (docs/ovh-api.md §6). */
export const OAUTH2_TOKEN_URLS: Readonly<Record<string, string>> = Object.freeze({
  "ovh-eu": "https://www.ovh.com/auth/oauth2/token",
  "ovh-ca": "https://ca.ovh.com/auth/oauth2/token",
  "ovh-us": "https://us.ovhcloud.com/auth/oauth2/token",
});

/** The endpoint used when none is configured, as in go-ovh and python-ovh. */
export const DEFAULT_ENDPOINT = "ovh-eu";

/**
 * An endpoint as it may be shown in a message, a log or `doctor`'s output: an alias as is; a URL without its
 * user-info (`https://user:pass@host/` -> `https://host/`) and without its query string and fragment
 * (`?token=...`), which may carry a secret. Every place that echoes an endpoint goes through this one function.
 */
export function displayEndpoint(endpoint: string): string {
  const text = endpoint.trim();
  const bare = text.replace(/^(.*?:\/\/)?[^/?#]*@/s, "$1").replace(/[?#].*$/s, "");
  if (!text.includes("://")) return bare;
  try {
    const url = new URL(text);
    // `new URL("https://host")` reads the path as "/": keep the endpoint as written.
    return `${url.protocol}//${url.host}${url.pathname === "/" && !bare.endsWith("/") ? "" : url.pathname}`;
  } catch {
    return bare;
  }
}

/** An endpoint alias or URL, resolved. */
export interface ResolvedEndpoint {
  /** The alias (`ovh-eu`) or the URL as configured. */
  name: string;
  /** API base URL without trailing slash, e.g. `https://eu.api.ovh.com/1.0`. */
  baseUrl: string;
  /** OAuth2 token URL; undefined where OVH offers no OAuth2 (Kimsufi, SoYouStart). */
  tokenUrl?: string;
}

/**
 * Resolves an alias (`ovh-eu`...) or a base URL (`http://127.0.0.1:8080/1.0`). Like go-ovh, any
 * value containing `/` is a URL. For a URL the token URL is `<origin>/auth/oauth2/token`, which is
 * where the local emulator serves it. Throws {@link OvhConfigError} for an unknown alias, an
 * insecure URL, or a control character or space in it (never echoing it).
 */
export function resolveEndpoint(nameOrUrl: string): ResolvedEndpoint {
  // Before the URL parser, which drops tabs and line breaks: `/1.0\nHost: evil` would become the path `/1.0Host:%20evil`.
  const problem = credentialValueProblem("endpoint", nameOrUrl);
  if (problem !== undefined) throw new OvhConfigError(`OVH endpoint ${problem}.`);
  const name = nameOrUrl.trim();
  if (!name.includes("/")) {
    // Own properties only: `constructor` or `toString` must not resolve to a function of Object.prototype.
    const baseUrl = Object.hasOwn(ENDPOINTS, name) ? ENDPOINTS[name] : undefined;
    if (baseUrl === undefined) {
      throw new OvhConfigError(
        `Unknown OVH endpoint "${displayEndpoint(name)}": use one of ${Object.keys(ENDPOINTS).join(", ")}, or a base URL such as https://eu.api.ovh.com/1.0.`,
      );
    }
    return { name, baseUrl, tokenUrl: Object.hasOwn(OAUTH2_TOKEN_URLS, name) ? OAUTH2_TOKEN_URLS[name] : undefined };
  }
  let url: URL;
  try {
    url = new URL(name);
  } catch {
    // No `cause`: the URL parser's error carries the whole input, user-info and query string included.
    throw new OvhConfigError(`OVH endpoint "${displayEndpoint(name)}" is neither a known alias nor a valid URL.`);
  }
  if (url.search || url.hash) {
    throw new OvhConfigError(`OVH endpoint URL "${displayEndpoint(name)}" must not have a query string or fragment.`);
  }
  assertSecureUrl(url.href);
  const baseUrl = url.href.replace(/\/+$/, "");
  return { name, baseUrl, tokenUrl: `${url.origin}/auth/oauth2/token` };
}

/** True for 127.0.0.0/8, ::1 and localhost: the only hosts plain http may reach. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Refuses any URL that is not https, except plain http to a loopback host (the local emulator):
 * headers carry a consumer key, signatures and bearer tokens. Throws {@link OvhConfigError}.
 */
export function assertSecureUrl(href: string): void {
  const url = new URL(href);
  if (url.protocol === "https:") return;
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return;
  throw new OvhConfigError(
    `Refusing to send OVH API requests to ${url.protocol}//${url.host}: credentials may only travel over https ` +
      `(plain http is allowed only to a loopback host: 127.0.0.0/8, ::1, localhost). Use an https URL.`,
  );
}

/** Query parameters: kept in the given order; `undefined` values are left out. */
export type QueryParams = Record<string, string | number | boolean | undefined>;

/**
 * Builds the query string exactly as it is sent and signed: keys in the given order, keys and
 * values through `encodeURIComponent`, booleans as `true`/`false` (python-ovh). Returns `""` or
 * `"?a=1&b=2"`.
 */
export function buildQueryString(query: QueryParams | undefined): string {
  if (!query) return "";
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    parts.push(`${encodeQueryPart(key)}=${encodeQueryPart(String(value))}`);
  }
  return parts.length ? `?${parts.join("&")}` : "";
}

/**
 * `encodeURIComponent`, plus `'`: the WHATWG URL parser percent-encodes `'` in the query of an http(s) URL, so
 * leaving it bare would make the URL on the wire differ from the URL signed.
 */
function encodeQueryPart(text: string): string {
  return encodeURIComponent(text).replace(/'/g, "%27");
}

/**
 * Joins the base URL, the path and the query into the URL that is both sent and signed. Paths
 * starting `/v1` or `/v2` drop the `/1.0` suffix of the base, as all three SDKs do (docs/ovh-api.md §1).
 */
export function buildRequestUrl(baseUrl: string, path: string, query?: QueryParams): string {
  if (!path.startsWith("/")) {
    throw new OvhConfigError(`OVH API path "${path}" must start with "/".`);
  }
  let base = baseUrl.replace(/\/+$/, "");
  if (/^\/v[12](\/|$|\?)/.test(path)) base = base.replace(/\/1\.0$/, "");
  const url = base + path + buildQueryString(query);
  // The transport sends `new URL(url)`, which percent-encodes spaces, non-ASCII and braces and resolves `..`:
  // the signature covers the URL as written, so a path the parser would rewrite is refused before it is sent
  // (otherwise: a misleading "Invalid signature", or a call to another resource).
  const sent = new URL(url).href;
  if (sent !== url) {
    throw new OvhConfigError(
      `OVH API path "${path}" would be sent as "${sent.slice(base.length)}": encode each path segment with ` +
        "encodeURIComponent (and never use \".\" or \"..\" segments).",
    );
  }
  return url;
}
