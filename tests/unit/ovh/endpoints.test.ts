import {
  ENDPOINTS,
  assertSecureUrl,
  buildQueryString,
  buildRequestUrl,
  isLoopbackHost,
  resolveEndpoint,
} from "../../../provider/ovh/endpoints";
import { OvhConfigError } from "../../../provider/ovh/errors";

describe("resolveEndpoint", () => {
  it("knows the seven aliases of docs/ovh-api.md §6", () => {
    expect(ENDPOINTS).toEqual({
      "ovh-eu": "https://eu.api.ovh.com/1.0",
      "ovh-ca": "https://ca.api.ovh.com/1.0",
      "ovh-us": "https://api.us.ovhcloud.com/1.0",
      "kimsufi-eu": "https://eu.api.kimsufi.com/1.0",
      "kimsufi-ca": "https://ca.api.kimsufi.com/1.0",
      "soyoustart-eu": "https://eu.api.soyoustart.com/1.0",
      "soyoustart-ca": "https://ca.api.soyoustart.com/1.0",
    });
  });

  it.each([
    ["ovh-eu", "https://eu.api.ovh.com/1.0", "https://www.ovh.com/auth/oauth2/token"],
    ["ovh-ca", "https://ca.api.ovh.com/1.0", "https://ca.ovh.com/auth/oauth2/token"],
    ["ovh-us", "https://api.us.ovhcloud.com/1.0", "https://us.ovhcloud.com/auth/oauth2/token"],
    ["kimsufi-eu", "https://eu.api.kimsufi.com/1.0", undefined],
    ["kimsufi-ca", "https://ca.api.kimsufi.com/1.0", undefined],
    ["soyoustart-eu", "https://eu.api.soyoustart.com/1.0", undefined],
    ["soyoustart-ca", "https://ca.api.soyoustart.com/1.0", undefined],
  ])("resolves %s to its base URL and OAuth2 token URL", (name, baseUrl, tokenUrl) => {
    expect(resolveEndpoint(name)).toEqual({ name, baseUrl, tokenUrl });
  });

  it("takes a base URL and serves OAuth2 from its origin, like the emulator", () => {
    expect(resolveEndpoint("http://127.0.0.1:8080/1.0/")).toEqual({
      name: "http://127.0.0.1:8080/1.0/",
      baseUrl: "http://127.0.0.1:8080/1.0",
      tokenUrl: "http://127.0.0.1:8080/auth/oauth2/token",
    });
  });

  it("refuses an unknown alias and lists the valid ones", () => {
    expect(() => resolveEndpoint("ovh-asia")).toThrow(
      new OvhConfigError(
        'Unknown OVH endpoint "ovh-asia": use one of ovh-eu, ovh-ca, ovh-us, kimsufi-eu, kimsufi-ca, soyoustart-eu, soyoustart-ca, or a base URL such as https://eu.api.ovh.com/1.0.',
      ),
    );
  });

  it("refuses a plain-http URL to a host that is not loopback", () => {
    expect(() => resolveEndpoint("http://api.example.com/1.0")).toThrow(
      "Refusing to send OVH API requests to http://api.example.com: credentials may only travel over https (plain http is allowed only to a loopback host: 127.0.0.0/8, ::1, localhost). Use an https URL.",
    );
  });
});

describe("the loopback-only http rule", () => {
  it.each(["127.0.0.1", "127.4.5.6", "localhost", "[::1]", "::1", "LOCALHOST"])("treats %s as loopback", (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(["128.0.0.1", "10.0.0.1", "localhost.example.com", "127.0.0.1.nip.io", "[::2]"])("does not treat %s as loopback", (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });

  it("allows https anywhere and http to loopback only", () => {
    expect(() => assertSecureUrl("https://eu.api.ovh.com/1.0/auth/time")).not.toThrow();
    expect(() => assertSecureUrl("http://[::1]:9000/1.0")).not.toThrow();
    expect(() => assertSecureUrl("http://localhost:9000/1.0")).not.toThrow();
    expect(() => assertSecureUrl("http://10.1.2.3/1.0")).toThrow(OvhConfigError);
    expect(() => assertSecureUrl("ftp://127.0.0.1/1.0")).toThrow(OvhConfigError);
  });
});

describe("buildRequestUrl", () => {
  it("appends the path to the base", () => {
    expect(buildRequestUrl("https://eu.api.ovh.com/1.0", "/domain/zone/example.com/record")).toBe(
      "https://eu.api.ovh.com/1.0/domain/zone/example.com/record",
    );
  });

  it("drops /1.0 for /v1 and /v2 paths", () => {
    expect(buildRequestUrl("https://eu.api.ovh.com/1.0", "/v1/call")).toBe("https://eu.api.ovh.com/v1/call");
    expect(buildRequestUrl("https://eu.api.ovh.com/1.0", "/v2/call")).toBe("https://eu.api.ovh.com/v2/call");
    expect(buildRequestUrl("https://eu.api.ovh.com/1.0", "/v20/call")).toBe("https://eu.api.ovh.com/1.0/v20/call");
  });

  it("keeps query keys in the given order and encodes them once", () => {
    expect(
      buildRequestUrl("https://eu.api.ovh.com/1.0", "/domain/zone/x.com/record", {
        subDomain: "_acme-challenge",
        fieldType: "TXT",
        skipped: undefined,
      }),
    ).toBe("https://eu.api.ovh.com/1.0/domain/zone/x.com/record?subDomain=_acme-challenge&fieldType=TXT");
  });

  it("encodes reserved characters and writes booleans as true/false", () => {
    expect(buildQueryString({ "a b": "x&y=z/é", flag: true, n: 0 })).toBe("?a%20b=x%26y%3Dz%2F%C3%A9&flag=true&n=0");
    expect(buildQueryString({})).toBe("");
  });

  it("refuses a path without a leading slash", () => {
    expect(() => buildRequestUrl("https://eu.api.ovh.com/1.0", "domain")).toThrow('OVH API path "domain" must start with "/".');
  });
});

describe("resolveEndpoint against names of Object.prototype", () => {
  it.each([["constructor"], ["toString"], ["__proto__"], ["hasOwnProperty"]])("answers %s as an unknown endpoint", (name) => {
    expect(() => resolveEndpoint(name)).toThrow(new OvhConfigError(
      `Unknown OVH endpoint "${name}": use one of ovh-eu, ovh-ca, ovh-us, kimsufi-eu, kimsufi-ca, soyoustart-eu, soyoustart-ca, or a base URL such as https://eu.api.ovh.com/1.0.`,
    ));
  });
});
