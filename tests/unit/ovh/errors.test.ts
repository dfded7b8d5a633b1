import { accessRulesFor } from "../../../provider/ovh/error-hints";
import {
  OvhApiError,
  OvhConfigError,
  OvhNetworkError,
  OvhResponseError,
} from "../../../provider/ovh/errors";
import { ovhErrorOutcome } from "../../../provider/ovh/outcome";
import { createApiError, readResponse } from "../../../provider/ovh/response";

const QID = "EU.ext-3.63ac85b6.10528.27b4f1fc-7be3-4da2-bdd0-ce044c421e61";
const ctx = { method: "POST", path: "/domain/zone/example.com/record", endpoint: "ovh-eu" };

function apiError(status: number, body: unknown, headers: Record<string, string> = {}, c = ctx): OvhApiError {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return createApiError({ status, headers, body: text }, c);
}

describe("OvhApiError from a response", () => {
  it("reads a current {class, message} body and the query id whatever the header case", () => {
    const err = apiError(404, { class: "Client::NotFound", message: "This service does not exist" }, { "X-Ovh-QueryID": QID });
    expect(err).toMatchObject({
      name: "OvhApiError",
      status: 404,
      errorClass: "Client::NotFound",
      errorCode: undefined,
      apiMessage: "This service does not exist",
      queryId: QID,
      method: "POST",
      path: "/domain/zone/example.com/record",
      hint: undefined,
    });
    expect(err.message).toBe(
      `OVH API error 404 Client::NotFound on POST /domain/zone/example.com/record: This service does not exist (query id ${QID})`,
    );
    expect(apiError(404, { message: "x" }, { "x-ovh-queryid": "FR.ws-8.5860f657.4632.0180" }).queryId).toBe("FR.ws-8.5860f657.4632.0180");
  });

  it("reads a legacy {errorCode, httpCode, message} body", () => {
    const err = apiError(400, { errorCode: "INVALID_SIGNATURE", httpCode: "400 Bad Request", message: "Invalid signature" });
    expect(err.errorCode).toBe("INVALID_SIGNATURE");
    expect(err.errorClass).toBeUndefined();
    expect(err.apiMessage).toBe("Invalid signature");
  });

  it("uses the title of an HTML body as the message", () => {
    const html = "<html><head><title>503 Service Unavailable</title></head><body><h1>No server is available</h1></body></html>";
    const err = apiError(503, html);
    expect(err.apiMessage).toBe("503 Service Unavailable");
    expect(err.errorClass).toBeUndefined();
  });

  it("strips tags from HTML without a title and truncates long raw text at 300 characters", () => {
    expect(apiError(502, "<h1>Bad   gateway</h1>\n<p>upstream</p>").apiMessage).toBe("Bad gateway upstream");
    const long = apiError(500, "x".repeat(1000)).apiMessage;
    expect(long).toBe(`${"x".repeat(300)}…`);
  });

  it("says the body was empty rather than printing nothing", () => {
    expect(apiError(502, "").apiMessage).toBe("HTTP 502 with an empty body");
  });

  it("reads OAuth2 {error, error_description} bodies", () => {
    const err = apiError(401, { error: "invalid_client", error_description: "ovhcloud oauth2 client does not exists" });
    expect(err.errorClass).toBe("invalid_client");
    expect(err.apiMessage).toBe("ovhcloud oauth2 client does not exists");
    expect(err.hint).toBe("Check clientId and clientSecret, and that the endpoint matches the region of the OAuth2 service account.");
  });

  it("keeps details", () => {
    const details = { unauthorizedActionsByAuthentication: "", unauthorizedActionsByIAM: "dnsZone:apiovh:record/create" };
    expect(apiError(403, { class: "Client::Forbidden", message: "User not granted for this request", details }).details).toEqual(details);
  });
});

describe("hints for the common auth errors", () => {
  it("INVALID_KEY: check the application key and the endpoint", () => {
    const err = apiError(403, { errorCode: "INVALID_KEY", httpCode: "403 Forbidden", message: "This application key is invalid" });
    expect(err.hint).toBe(
      'Check applicationKey, and that the endpoint (currently "ovh-eu") is the region where the application was created (ovh-eu, ovh-ca, ovh-us...).',
    );
    expect(err.message).toContain(err.hint);
  });

  it("NOT_CREDENTIAL: how to get and validate a consumer key", () => {
    const err = apiError(403, { class: "Client::Forbidden", message: "This credential does not exist" });
    expect(err.hint).toBe(
      'The consumer key is unknown for this application and endpoint. Get a new one with POST /auth/credential (body {"accessRules":[...]}, header X-Ovh-Application), open the validationUrl it returns and log in to validate it, then set it as consumerKey.',
    );
  });

  it("INVALID_CREDENTIAL: says the key is not validated, expired or revoked", () => {
    const err = apiError(403, { errorCode: "INVALID_CREDENTIAL", message: "This credential is not valid" });
    expect(err.hint).toMatch(/^The consumer key exists but is not validated, has expired or was revoked\. Get a new one with POST \/auth\/credential/);
  });

  it("not granted: names the access rule to add, for this zone and for every zone", () => {
    const err = apiError(403, { class: "Client::Forbidden", message: "This call has not been granted" });
    expect(err.hint).toBe(
      "The consumer key's access rules do not cover this call: add the rule POST /domain/zone/example.com/record (or POST /domain/zone/*/record for every zone) when requesting a consumer key (POST /auth/credential), then use the new key.",
    );
    const refresh = apiError(403, { errorCode: "NOT_GRANTED_CALL", message: "This call has not been granted" }, {}, {
      method: "POST",
      path: "/domain/zone/example.com/refresh",
      endpoint: "ovh-eu",
    });
    expect(refresh.message).toContain("POST /domain/zone/*/refresh");
  });

  it("IAM denial: names the missing actions", () => {
    const err = apiError(403, {
      class: "Client::Forbidden",
      message: "User not granted for this request",
      details: { unauthorizedActionsByAuthentication: "", unauthorizedActionsByIAM: "dnsZone:apiovh:record/create,dnsZone:apiovh:refresh" },
    });
    expect(err.hint).toBe(
      "Your OAuth2 service account lacks the IAM action(s) dnsZone:apiovh:record/create, dnsZone:apiovh:refresh: add them to one of its IAM policies, on this resource.",
    );
  });

  it("Query out of time: points at the clock", () => {
    expect(apiError(400, { class: "Client::BadRequest", message: "Query out of time" }).hint).toBe(
      "The request timestamp was outside the API's tolerance: check the machine's clock and that no proxy delays requests (the client already corrects its clock with GET /auth/time).",
    );
  });

  it("Invalid signature: points at a secret/consumer key mismatch", () => {
    expect(apiError(400, { class: "Client::BadRequest", message: "Invalid signature" }).hint).toBe(
      "The signature did not match: applicationSecret does not belong to applicationKey, or consumerKey was issued to another application, or a proxy rewrote the URL or body.",
    );
  });

  it("turns record ids into wildcards in access rules", () => {
    expect(accessRulesFor("put", "/domain/zone/example.com/record/5390038375")).toEqual([
      "PUT /domain/zone/example.com/record/*",
      "PUT /domain/zone/*/record/*",
    ]);
    expect(accessRulesFor("GET", "/domain/zone")).toEqual(["GET /domain/zone"]);
  });
});

describe("readResponse", () => {
  const get = { method: "GET", path: "/x" };
  it("returns undefined for 204 and for an empty 200, parsed JSON otherwise", () => {
    expect(readResponse({ status: 204, headers: {}, body: "" }, get)).toBeUndefined();
    expect(readResponse({ status: 200, headers: {}, body: "" }, get)).toBeUndefined();
    expect(readResponse({ status: 200, headers: {}, body: "null" }, get)).toBeNull();
    expect(readResponse({ status: 200, headers: {}, body: "[5390038375]" }, get)).toEqual([5390038375]);
  });

  it("throws OvhResponseError for a 2xx body that is not JSON", () => {
    const read = () => readResponse({ status: 200, headers: { "X-Ovh-QueryID": "q1" }, body: "<html>oops</html>" }, get);
    expect(read).toThrow(OvhResponseError);
    expect(read).toThrow("OVH API returned 200 on GET /x with a body that is not JSON: oops (query id q1)");
  });
});

describe("ovhErrorOutcome", () => {
  const api = (status: number) => apiError(status, { message: "m" });
  const net = (mayHaveBeenApplied: boolean) =>
    new OvhNetworkError({ method: "POST", path: "/p", kind: "reset", mayHaveBeenApplied, reason: "socket hang up" });

  it.each([
    [400, "not-applied"],
    [403, "not-applied"],
    [404, "not-applied"],
    [409, "not-applied"],
    [429, "not-applied"],
    [408, "unknown"],
    [500, "unknown"],
    [503, "unknown"],
  ])("classifies an API error %d as %s", (status, outcome) => {
    expect(ovhErrorOutcome(api(status))).toBe(outcome);
  });

  it("classifies network errors by whether the request may have been sent", () => {
    expect(ovhErrorOutcome(net(false))).toBe("not-applied");
    expect(ovhErrorOutcome(net(true))).toBe("unknown");
  });

  it("classifies an unreadable 2xx as applied, config errors as not applied, the rest as unknown", () => {
    expect(ovhErrorOutcome(new OvhResponseError({ status: 200, method: "POST", path: "/p", excerpt: "x" }))).toBe("applied-error");
    expect(ovhErrorOutcome(new OvhConfigError("bad"))).toBe("not-applied");
    expect(ovhErrorOutcome(new TypeError("boom"))).toBe("unknown");
  });

  it("describes network errors with the method, path and whether the request was sent", () => {
    expect(net(true).message).toBe("OVH API network error on POST /p: socket hang up (after the request was sent)");
    expect(net(false).message).toBe("OVH API network error on POST /p: socket hang up (before the request was sent)");
  });
});
