/**
 * The signed-request core for the OVH API: endpoints, credentials, signature, clock, OAuth2,
 * errors, retries, pacing and the client. Knows nothing of DNS or Pulumi.
 */
export { signRequest, type SignatureInput } from "./signature";
export {
  ENDPOINTS,
  OAUTH2_TOKEN_URLS,
  DEFAULT_ENDPOINT,
  displayEndpoint,
  resolveEndpoint,
  isLoopbackHost,
  assertSecureUrl,
  buildQueryString,
  buildRequestUrl,
  type ResolvedEndpoint,
  type QueryParams,
} from "./endpoints";
export type { OvhAuth, ApplicationAuth, OAuth2Auth, AccessTokenAuth } from "./auth";
export {
  resolveCredentials,
  type ResolvedCredentials,
  type ExplicitCredentials,
  type CredentialSources,
  type CredentialField,
} from "./credentials";
export { parseOvhConf, readOvhConfFiles, defaultOvhConfPaths, type OvhConf, type OvhConfFile } from "./ovh-conf";
export {
  OvhError,
  OvhApiError,
  OvhNetworkError,
  OvhResponseError,
  OvhConfigError,
  OvhAuthSetupError,
  type OvhApiErrorFields,
  type OvhNetworkErrorKind,
} from "./errors";
export {
  classifyFailure,
  ovhErrorOutcome,
  mayResend,
  isIdempotentMethod,
  backoffDelayMs,
  MAX_RETRY_AFTER_MS,
  type Applied,
  type CallOutcome,
  type BackoffPolicy,
} from "./outcome";
export { accessRulesFor } from "./error-hints";
export { ServerClock } from "./clock";
export { OAuth2TokenSource, type OAuth2TokenSourceOptions } from "./oauth2";
export {
  DEFAULT_RETRY,
  parseRetryAfterMs,
  type RetryOptions,
  type RetryPolicy,
} from "./retry";
export { Pacer, DEFAULT_MAX_IN_FLIGHT, type PacingOptions } from "./pacer";
export { createHttpTransport, type Transport, type TransportRequest, type HttpTransport } from "./transport";
export type { RawResponse } from "./response";
export {
  OvhClient,
  type OvhClientOptions,
  type OvhRequestOptions,
  type OvhClientStats,
  type OvhLogEvent,
} from "./client";
