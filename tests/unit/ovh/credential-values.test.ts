/**
 * Credentials and endpoints holding a control character (or, for an endpoint, a space; for a key, anything
 * beyond printable ASCII) are refused where they are read, from every source: the error names the variable, the
 * config key or the ovh.conf section and key, the character and its position, and never the value.
 */
import { type CredentialSources, resolveCredentials } from "../../../provider/ovh/credentials";
import { resolveEndpoint } from "../../../provider/ovh/endpoints";
import { OvhConfigError } from "../../../provider/ovh/errors";

const HOME = "/home/ada/.ovh.conf";
/** Text no message may hold: it stands for a secret, or for a header a value would inject. */
const PLANTED = "PLANTED-7c1e";

function resolve(s: CredentialSources & { files?: Record<string, string> }) {
  const files = s.files ?? {};
  return resolveCredentials({ env: {}, cwd: "/proj", home: "/home/ada", readFile: (p) => files[p], ...s });
}

/** The OvhConfigError message of resolving `s`. */
function refusal(s: Parameters<typeof resolve>[0]): string {
  try {
    resolve(s);
  } catch (err) {
    expect(err).toBeInstanceOf(OvhConfigError);
    return (err as Error).message;
  }
  throw new Error("expected an OvhConfigError");
}

const envApp = { OVH_APPLICATION_KEY: "ak0123456789abcd", OVH_APPLICATION_SECRET: "as0123456789abcd", OVH_CONSUMER_KEY: "ck0123456789abcd" };
const configOf = (values: Record<string, string>) => (key: string) => values[key];
const KEY_RULE = "OVH keys, secrets and tokens are one line of printable ASCII: set it again without that character";

describe("a credential with a control character is refused, from each source, naming where it came from", () => {
  test.each([
    ["env OVH_APPLICATION_KEY with CR LF (a header injected)", { env: { ...envApp, OVH_APPLICATION_KEY: `ak0123456789abcd\r\nX-Injected: ${PLANTED}` } },
      "env OVH_APPLICATION_KEY contains U+000D (carriage return) at position 17"],
    ["env OVH_CONSUMER_KEY with a line feed", { env: { ...envApp, OVH_CONSUMER_KEY: `ck01\n${PLANTED}` } }, "env OVH_CONSUMER_KEY contains U+000A (line feed) at position 5"],
    ["env OVH_APPLICATION_SECRET with a NUL", { env: { ...envApp, OVH_APPLICATION_SECRET: `as\u0000${PLANTED}` } }, "env OVH_APPLICATION_SECRET contains U+0000 (null) at position 3"],
    ["Pulumi config ovh:consumerKey with a line feed", { config: configOf({ ...Object.fromEntries(Object.entries(envApp).map(([k, v]) => [k.replace("OVH_APPLICATION_KEY", "applicationKey").replace("OVH_APPLICATION_SECRET", "applicationSecret").replace("OVH_CONSUMER_KEY", "consumerKey"), v])), consumerKey: `${PLANTED}\nx` }) },
      "Pulumi config ovh:consumerKey contains U+000A (line feed) at position 13"],
    ["Pulumi config ovh:clientSecret with a tab", { config: configOf({ clientId: "EU.client-id", clientSecret: `${PLANTED}\tx` }) }, "Pulumi config ovh:clientSecret contains U+0009 (tab) at position 13"],
    ["env OVH_CLIENT_ID with a DEL", { env: { OVH_CLIENT_ID: `EU.\u007f${PLANTED}`, OVH_CLIENT_SECRET: "cs" } }, "env OVH_CLIENT_ID contains U+007F (delete) at position 4"],
    ["env OVH_ACCESS_TOKEN with a line separator", { env: { OVH_ACCESS_TOKEN: `tok\u2028${PLANTED}` } }, "env OVH_ACCESS_TOKEN contains U+2028 (line separator) at position 4"],
    ["ovh.conf application_key with a lone CR", { files: { [HOME]: `[ovh-eu]\napplication_key=ak\r${PLANTED}\napplication_secret=as\nconsumer_key=ck\n` } },
      "/home/ada/.ovh.conf [ovh-eu] application_key contains U+000D (carriage return) at position 3"],
    ["ovh.conf client_secret with a C1 control", { files: { [HOME]: `[ovh-ca]\nclient_id=id\nclient_secret=cs\u0085${PLANTED}\n[default]\nendpoint=ovh-ca\n` } },
      "/home/ada/.ovh.conf [ovh-ca] client_secret contains U+0085 (next line) at position 3"],
    ["an explicit option", { explicit: { accessToken: `t\u001b[2J${PLANTED}` } }, "explicit option accessToken contains U+001B (escape) at position 2"],
    ["a key with a curly quote pasted from a web page", { env: { ...envApp, OVH_APPLICATION_KEY: `\u2019${PLANTED}\u2019` } }, "env OVH_APPLICATION_KEY contains U+2019 (non-ASCII character) at position 1"],
  ])("%s", (_what, sources, named) => {
    const message = refusal(sources);
    expect(message).toBe(`Unusable OVH credentials: ${named}; ${KEY_RULE} (a value pasted, or read from a file, often carries a line break); the value is not shown.`);
  });
});

describe("an endpoint with a control character or a space is refused before the URL parser drops it", () => {
  const ENDPOINT_RULE = "an endpoint is an alias such as ovh-eu or a base URL such as https://eu.api.ovh.com/1.0, without spaces or line breaks";
  test.each([
    ["env OVH_ENDPOINT with a line feed and a header", { env: { ...envApp, OVH_ENDPOINT: `http://127.0.0.1:8080/1.0\nHost: ${PLANTED}` } }, "env OVH_ENDPOINT contains U+000A (line feed) at position 26"],
    ["env OVH_ENDPOINT with a tab inside an alias", { env: { ...envApp, OVH_ENDPOINT: "ovh-\teu" } }, "env OVH_ENDPOINT contains U+0009 (tab) at position 5"],
    ["Pulumi config ovh:endpoint with a space", { env: envApp, config: configOf({ endpoint: `https://eu.api.ovh.com/1.0 ${PLANTED}` }) }, "Pulumi config ovh:endpoint contains U+0020 (space character) at position 27"],
    ["ovh.conf [default] endpoint with a no-break space", { env: envApp, files: { [HOME]: "[default]\nendpoint=ovh\u00a0eu\n" } }, "/home/ada/.ovh.conf [default] endpoint contains U+00A0 (no-break space) at position 4"],
  ])("%s", (_what, sources, named) => {
    expect(refusal(sources)).toMatch(new RegExp(`^Unusable OVH credentials: ${named.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}; ${ENDPOINT_RULE}: `));
  });

  test("resolveEndpoint, called alone, refuses it too and never echoes it", () => {
    expect(() => resolveEndpoint(`http://127.0.0.1:8080/1.0\r\nHost: ${PLANTED}`)).toThrow(OvhConfigError);
    expect(() => resolveEndpoint(`http://127.0.0.1:8080/1.0\r\nHost: ${PLANTED}`)).toThrow(/^OVH endpoint contains U\+000D \(carriage return\) at position 26; /);
    expect(() => resolveEndpoint(`http://127.0.0.1:8080/1.0\r\nHost: ${PLANTED}`)).not.toThrow(PLANTED);
  });
});

describe("what is not refused", () => {
  test("whitespace at either end, a line break ending a value read from a file included, is trimmed", () => {
    const c = resolve({ env: { OVH_ENDPOINT: " ovh-ca\n", OVH_APPLICATION_KEY: "ak\n", OVH_APPLICATION_SECRET: "\tas\r\n", OVH_CONSUMER_KEY: "ck\n" } });
    expect([c.baseUrl, c.auth.kind === "application" && c.auth.applicationKey]).toEqual(["https://ca.api.ovh.com/1.0", "ak"]);
  });

  test("positions count the whitespace trimmed before the value", () => {
    expect(refusal({ env: { ...envApp, OVH_CONSUMER_KEY: "  ck\nx" } })).toContain("env OVH_CONSUMER_KEY contains U+000A (line feed) at position 5;");
  });

  test("a broken value in a source that is not used: the consumer key of ~/.ovh.conf under one from the environment", () => {
    const c = resolve({ env: envApp, files: { [HOME]: `[ovh-eu]\nconsumer_key=ck\r${PLANTED}\n` } });
    expect(c.sources.consumerKey).toBe("env OVH_CONSUMER_KEY");
  });

  test("an apiRateLimit with a line feed is refused, naming it", () => {
    expect(refusal({ env: envApp, config: configOf({ apiRateLimit: "5\n0" }) })).toBe(
      "Unusable OVH credentials: Pulumi config ovh:apiRateLimit contains U+000A (line feed) at position 2; it is a number of requests per second, e.g. 5: set it again without that character.",
    );
  });
});

describe("no message holds a planted value or a raw control character", () => {
  const sources: Parameters<typeof resolve>[0][] = [
    { env: { ...envApp, OVH_APPLICATION_KEY: `ak\r\nX-Injected: ${PLANTED}` } },
    { env: { ...envApp, OVH_APPLICATION_SECRET: `${PLANTED}\n` + PLANTED } },
    { env: { ...envApp, OVH_CONSUMER_KEY: `${PLANTED}\n${PLANTED}` } },
    { env: { ...envApp, OVH_ENDPOINT: `http://127.0.0.1:1/1.0\nHost: ${PLANTED}` } },
    { config: configOf({ endpoint: "ovh-eu", applicationKey: "ak", applicationSecret: `${PLANTED}\u0000`, consumerKey: "ck" }) },
    { config: configOf({ clientId: `${PLANTED}\r${PLANTED}`, clientSecret: "cs" }) },
    { files: { [HOME]: `[default]\nendpoint=ovh-eu\n[ovh-eu]\napplication_key=ak\napplication_secret=as\nconsumer_key=${PLANTED}\u2029${PLANTED}\n` } },
    { files: { [HOME]: `[default]\nendpoint=${PLANTED}\t${PLANTED}\n` }, env: envApp },
  ];
  test.each(sources.map((s, i) => [i, s] as const))("source %i", (_i, s) => {
    const message = refusal(s);
    expect(message).not.toContain(PLANTED);
    expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  });
});
