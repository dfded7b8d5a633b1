/**
 * An endpoint is never echoed with the parts that may hold a secret: user-info (`https://user:pass@host/`) and
 * the query string or fragment (`?token=...`). One function, `displayEndpoint`, is used wherever an endpoint is
 * shown; here through it, the endpoint errors, the API error hints and the credential errors.
 * (`doctor`'s output: tests/cli/doctor.test.ts.)
 */
import { displayEndpoint, resolveEndpoint } from "../../../provider/ovh/endpoints";
import { resolveCredentials } from "../../../provider/ovh/credentials";
import { createApiError } from "../../../provider/ovh/response";

const SECRET = "hunter2-s3cret";

describe("displayEndpoint", () => {
  it.each([
    ["ovh-eu", "ovh-eu"],
    ["https://eu.api.ovh.com/1.0", "https://eu.api.ovh.com/1.0"],
    [`https://user:${SECRET}@eu.api.ovh.com/1.0`, "https://eu.api.ovh.com/1.0"],
    [`https://eu.api.ovh.com/1.0?token=${SECRET}#${SECRET}`, "https://eu.api.ovh.com/1.0"],
    [`http://${SECRET}@127.0.0.1:8080/1.0/?token=${SECRET}`, "http://127.0.0.1:8080/1.0/"],
    [`https://user:${SECRET}@eu.api.ovh.com`, "https://eu.api.ovh.com"],
    [`user:${SECRET}@eu.api.ovh.com`, "eu.api.ovh.com"],
    [`not a url://user:${SECRET}@host/1.0?token=${SECRET}`, "not a url://host/1.0"],
  ])("shows %s as %s", (endpoint, shown) => {
    expect(displayEndpoint(endpoint)).toBe(shown);
  });
});

describe("messages that name an endpoint", () => {
  const message = (fn: () => unknown): string => {
    try {
      fn();
    } catch (err) {
      return JSON.stringify([(err as Error).message, (err as Error).cause ?? null]);
    }
    throw new Error("expected a failure");
  };

  it("an endpoint URL with a query string is refused without echoing it", () => {
    expect(message(() => resolveEndpoint(`https://user:${SECRET}@eu.api.ovh.com/1.0?token=${SECRET}`))).toBe(
      JSON.stringify(['OVH endpoint URL "https://eu.api.ovh.com/1.0" must not have a query string or fragment.', null]),
    );
  });

  it("an endpoint that is neither an alias nor a URL is refused without echoing its user-info, even in the cause", () => {
    // `^` cannot be in a host (a space could not either, but a space is refused before, credential-values.test.ts).
    expect(message(() => resolveEndpoint(`https://user:${SECRET}@exa^mple.com/1.0`))).toBe(
      JSON.stringify(['OVH endpoint "https://exa^mple.com/1.0" is neither a known alias nor a valid URL.', null]),
    );
    expect(message(() => resolveEndpoint(`user:${SECRET}@eu.api.ovh.com`))).toContain('Unknown OVH endpoint \\"eu.api.ovh.com\\": use one of');
  });

  it("a credential error names the endpoint source, not its secret", () => {
    const env = { OVH_ENDPOINT: `https://eu.api.ovh.com/1.0?token=${SECRET}`, OVH_APPLICATION_KEY: "k", OVH_APPLICATION_SECRET: "s", OVH_CONSUMER_KEY: "c" };
    const text = message(() => resolveCredentials({ env, confFiles: [] }));
    expect(text).toContain('OVH endpoint URL \\"https://eu.api.ovh.com/1.0\\" must not have a query string or fragment. (endpoint from env OVH_ENDPOINT)');
    expect(text).not.toContain(SECRET);
  });

  it("the hint of an API error names the endpoint without user-info", () => {
    const body = JSON.stringify({ errorCode: "INVALID_KEY", message: "This application key is invalid" });
    const err = createApiError({ status: 403, headers: {}, body }, { method: "GET", path: "/domain", endpoint: `https://user:${SECRET}@eu.api.ovh.com/1.0` });
    expect(err.hint).toBe(
      'Check applicationKey, and that the endpoint (currently "https://eu.api.ovh.com/1.0") is the region where the application was created (ovh-eu, ovh-ca, ovh-us...).',
    );
    expect(JSON.stringify([err.message, err])).not.toContain(SECRET);
  });
});
