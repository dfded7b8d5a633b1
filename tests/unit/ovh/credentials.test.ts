import { inspect } from "node:util";
import { type CredentialSources, resolveCredentials } from "../../../provider/ovh/credentials";
import { OvhConfigError } from "../../../provider/ovh/errors";

const LOCAL = "/proj/ovh.conf";
const HOME = "/home/ada/.ovh.conf";
const ETC = "/etc/ovh.conf";

/** Resolves with in-memory files and an empty environment unless given. */
function resolve(s: CredentialSources & { files?: Record<string, string> }) {
  const files = s.files ?? {};
  return resolveCredentials({ env: {}, cwd: "/proj", home: "/home/ada", readFile: (p) => files[p], ...s });
}

const app = (p: string) => ({ applicationKey: `${p}-ak`, applicationSecret: `${p}-as`, consumerKey: `${p}-ck` });
const configOf = (values: Record<string, string>) => (key: string) => values[key];
const envApp = { OVH_APPLICATION_KEY: "env-ak", OVH_APPLICATION_SECRET: "env-as", OVH_CONSUMER_KEY: "env-ck" };
const conf = (endpoint: string, p: string) =>
  `[default]\nendpoint=${endpoint}\n[${endpoint}]\napplication_key=${p}-ak\napplication_secret=${p}-as\nconsumer_key=${p}-ck\n`;

describe("resolveCredentials precedence", () => {
  it.each([
    ["explicit options beat everything", { explicit: app("x"), config: configOf(app("cfg")), env: envApp, files: { [LOCAL]: conf("ovh-eu", "file") } }, "x", "explicit option applicationKey"],
    ["Pulumi config beats the environment", { config: configOf(app("cfg")), env: envApp, files: { [LOCAL]: conf("ovh-eu", "file") } }, "cfg", "Pulumi config ovh:applicationKey"],
    ["the environment beats files", { env: envApp, files: { [LOCAL]: conf("ovh-eu", "file") } }, "env", "env OVH_APPLICATION_KEY"],
    ["./ovh.conf beats ~/.ovh.conf", { files: { [LOCAL]: conf("ovh-eu", "local"), [HOME]: conf("ovh-eu", "home"), [ETC]: conf("ovh-eu", "etc") } }, "local", "/proj/ovh.conf [ovh-eu] application_key"],
    ["~/.ovh.conf beats /etc/ovh.conf", { files: { [HOME]: conf("ovh-eu", "home"), [ETC]: conf("ovh-eu", "etc") } }, "home", "/home/ada/.ovh.conf [ovh-eu] application_key"],
    ["/etc/ovh.conf is read last", { files: { [ETC]: conf("ovh-eu", "etc") } }, "etc", "/etc/ovh.conf [ovh-eu] application_key"],
  ])("%s", (_name, sources, prefix, akSource) => {
    const c = resolve(sources);
    expect(c.auth).toEqual({ kind: "application", applicationKey: `${prefix}-ak` });
    expect(c.auth.kind === "application" && [c.auth.applicationSecret, c.auth.consumerKey]).toEqual([`${prefix}-as`, `${prefix}-ck`]);
    expect(c.sources.applicationKey).toBe(akSource);
  });

  it("defaults to ovh-eu and records every source by name", () => {
    expect(resolve({ env: envApp })).toEqual({
      endpoint: "ovh-eu",
      baseUrl: "https://eu.api.ovh.com/1.0",
      auth: { kind: "application", applicationKey: "env-ak" },
      apiRateLimit: undefined,
      sources: {
        endpoint: "default (ovh-eu)",
        applicationKey: "env OVH_APPLICATION_KEY",
        applicationSecret: "env OVH_APPLICATION_SECRET",
        consumerKey: "env OVH_CONSUMER_KEY",
      },
    });
  });

  it("reads the [<endpoint>] section named by [default], and an endpoint from a higher source selects the section", () => {
    const file = `[default]\nendpoint=ovh-ca\n[ovh-ca]\napplication_key=ca-ak\napplication_secret=ca-as\nconsumer_key=ca-ck\n[ovh-us]\napplication_key=us-ak\napplication_secret=us-as\nconsumer_key=us-ck\n`;
    const fromFile = resolve({ files: { [HOME]: file } });
    expect([fromFile.endpoint, fromFile.baseUrl, fromFile.sources.endpoint]).toEqual(["ovh-ca", "https://ca.api.ovh.com/1.0", "/home/ada/.ovh.conf [default] endpoint"]);
    expect(fromFile.auth).toEqual({ kind: "application", applicationKey: "ca-ak" });
    const fromEnv = resolve({ env: { OVH_ENDPOINT: "ovh-us" }, files: { [HOME]: file } });
    expect(fromEnv.auth).toEqual({ kind: "application", applicationKey: "us-ak" });
  });

  it("takes the consumer key from a lower source than the application key", () => {
    const c = resolve({ env: { OVH_CONSUMER_KEY: "env-ck" }, files: { [HOME]: "[ovh-eu]\napplication_key=f-ak\napplication_secret=f-as\n" } });
    expect(c.sources).toEqual({
      endpoint: "default (ovh-eu)",
      applicationKey: "/home/ada/.ovh.conf [ovh-eu] application_key",
      applicationSecret: "/home/ada/.ovh.conf [ovh-eu] application_secret",
      consumerKey: "env OVH_CONSUMER_KEY",
    });
  });

  it("lets the first source that sets any auth field choose the method, ignoring other methods below it", () => {
    const c = resolve({ env: envApp, files: { [HOME]: "[ovh-eu]\nclient_id=id\nclient_secret=secret\n" } });
    expect(c.auth.kind).toBe("application");
  });

  it("resolves OAuth2 with the endpoint's token URL, and an access token", () => {
    const oauth = resolve({ config: configOf({ endpoint: "ovh-ca", clientId: "cid", clientSecret: "csecret" }) });
    expect(oauth.auth).toEqual({ kind: "oauth2", clientId: "cid", tokenUrl: "https://ca.ovh.com/auth/oauth2/token" });
    expect(oauth.auth.kind === "oauth2" && oauth.auth.clientSecret).toBe("csecret");
    const token = resolve({ env: { OVH_ACCESS_TOKEN: "tok-123456", OVH_ENDPOINT: "http://127.0.0.1:9999/1.0" } });
    expect(token).toMatchObject({ endpoint: "http://127.0.0.1:9999/1.0", baseUrl: "http://127.0.0.1:9999/1.0", auth: { kind: "access-token" } });
    expect(token.auth.kind === "access-token" && token.auth.accessToken).toBe("tok-123456");
  });

  it("reads apiRateLimit from explicit options or Pulumi config", () => {
    expect(resolve({ env: envApp, config: configOf({ apiRateLimit: "2.5" }) })).toMatchObject({ apiRateLimit: 2.5, sources: { apiRateLimit: "Pulumi config ovh:apiRateLimit" } });
    expect(resolve({ env: envApp, explicit: { apiRateLimit: 4 }, config: configOf({ apiRateLimit: "2" }) }).apiRateLimit).toBe(4);
  });

  it("treats empty values as unset", () => {
    expect(resolve({ explicit: { applicationKey: "", consumerKey: " " }, env: envApp }).sources.applicationKey).toBe("env OVH_APPLICATION_KEY");
  });
});

describe("resolveCredentials errors", () => {
  const fails = (s: Parameters<typeof resolve>[0]) => {
    try {
      resolve(s);
    } catch (err) {
      expect(err).toBeInstanceOf(OvhConfigError);
      return (err as Error).message;
    }
    throw new Error("expected an OvhConfigError");
  };

  it("an application key without its secret names both sources and the fix", () => {
    expect(fails({ env: { OVH_APPLICATION_KEY: "k", OVH_CONSUMER_KEY: "c" }, files: { [HOME]: "[ovh-eu]\napplication_secret=s\n" } })).toBe(
      "Incomplete OVH credentials: applicationKey is set (env OVH_APPLICATION_KEY) but applicationSecret is not set there; applicationSecret was found in /home/ada/.ovh.conf [ovh-eu] application_secret, but a key and its secret must come from the same place. To fix it, also set env OVH_APPLICATION_SECRET, or remove env OVH_APPLICATION_KEY.",
    );
  });

  it("a secret without its key", () => {
    expect(fails({ config: configOf({ applicationSecret: "s", consumerKey: "c" }) })).toBe(
      "Incomplete OVH credentials: applicationSecret is set (Pulumi config ovh:applicationSecret) but applicationKey is not set there. To fix it, also set Pulumi config ovh:applicationKey, or remove Pulumi config ovh:applicationSecret.",
    );
  });

  it("an application key and secret without a consumer key", () => {
    expect(fails({ explicit: { applicationKey: "k", applicationSecret: "s" } })).toBe(
      "Incomplete OVH credentials: applicationKey and applicationSecret are set (explicit option applicationKey, explicit option applicationSecret) but no consumerKey is set anywhere. To fix it, request one with POST /auth/credential, open its validationUrl to validate it, then set it (OVH_CONSUMER_KEY, ovh:consumerKey, or consumer_key in ovh.conf).",
    );
  });

  it("a consumer key without an application", () => {
    expect(fails({ env: { OVH_CONSUMER_KEY: "c" } })).toBe(
      "Incomplete OVH credentials: consumerKey is set (env OVH_CONSUMER_KEY) but no applicationKey and applicationSecret are set anywhere. To fix it, set applicationKey and applicationSecret (OVH_APPLICATION_KEY and OVH_APPLICATION_SECRET, or ovh:applicationKey and ovh:applicationSecret) from https://eu.api.ovh.com/createApp/ for the application that issued this consumer key.",
    );
  });

  it("a client id without its secret", () => {
    expect(fails({ files: { [LOCAL]: "[ovh-eu]\nclient_id=id\n" } })).toBe(
      "Incomplete OVH credentials: clientId is set (/proj/ovh.conf [ovh-eu] client_id) but clientSecret is not set there. To fix it, also set /proj/ovh.conf [ovh-eu] client_secret, or remove /proj/ovh.conf [ovh-eu] client_id.",
    );
  });

  it("two methods in one source", () => {
    expect(fails({ env: { ...envApp, OVH_CLIENT_ID: "id", OVH_CLIENT_SECRET: "s" } })).toBe(
      "Conflicting OVH credentials: environment sets both application-key credentials (env OVH_APPLICATION_KEY, env OVH_APPLICATION_SECRET, env OVH_CONSUMER_KEY) and OAuth2 client credentials (env OVH_CLIENT_ID, env OVH_CLIENT_SECRET). Use a single authentication method: remove one of the groups.",
    );
  });

  it("two methods in a source that contributes a field", () => {
    expect(fails({ explicit: { consumerKey: "c" }, env: { OVH_APPLICATION_KEY: "k", OVH_APPLICATION_SECRET: "s", OVH_ACCESS_TOKEN: "t" } })).toBe(
      "Conflicting OVH credentials: environment sets both application-key credentials (env OVH_APPLICATION_KEY, env OVH_APPLICATION_SECRET) and an access token (env OVH_ACCESS_TOKEN). Use a single authentication method: remove one of the groups.",
    );
  });

  it("OAuth2 on Kimsufi", () => {
    expect(fails({ env: { OVH_ENDPOINT: "kimsufi-eu", OVH_CLIENT_ID: "id", OVH_CLIENT_SECRET: "s" } })).toBe(
      'OAuth2 is not available on endpoint "kimsufi-eu" (from env OVH_ENDPOINT): OVH offers OAuth2 service accounts only on ovh-eu, ovh-ca and ovh-us. Use application-key credentials there, or change the endpoint.',
    );
  });

  it("no credentials at all lists where it looked", () => {
    expect(fails({ config: configOf({}) })).toBe(
      "No OVH credentials found (looked in Pulumi config, environment, /proj/ovh.conf, /home/ada/.ovh.conf, /etc/ovh.conf). Set applicationKey, applicationSecret and consumerKey (ovh:applicationKey... in Pulumi config, OVH_APPLICATION_KEY... in the environment, or application_key... in ovh.conf), or clientId and clientSecret for an OAuth2 service account, or accessToken.",
    );
  });

  it("an unknown endpoint and a bad rate limit name their source", () => {
    expect(fails({ env: { ...envApp, OVH_ENDPOINT: "ovh-mars" } })).toMatch(/^Unknown OVH endpoint "ovh-mars": .* \(endpoint from env OVH_ENDPOINT\)$/);
    expect(fails({ env: envApp, config: configOf({ apiRateLimit: "0" }) })).toBe(
      'apiRateLimit (from Pulumi config ovh:apiRateLimit) must be a positive number of requests per second, got "0".',
    );
  });

  it("never puts a value in a message", () => {
    const messages = [
      fails({ env: { OVH_APPLICATION_KEY: "AK-VALUE-1", OVH_CONSUMER_KEY: "CK-VALUE-1" }, files: { [HOME]: "[ovh-eu]\napplication_secret=AS-VALUE-1\n" } }),
      fails({ env: { OVH_APPLICATION_KEY: "AK-VALUE-1", OVH_APPLICATION_SECRET: "AS-VALUE-1", OVH_CLIENT_ID: "ID-VALUE-1", OVH_CLIENT_SECRET: "CS-VALUE-1" } }),
    ];
    for (const m of messages) expect(m).not.toMatch(/VALUE-1/);
  });
});

describe("resolved credentials and secrets", () => {
  it("never serialise or inspect a secret, while code can still read them", () => {
    const c = resolve({ env: { OVH_APPLICATION_KEY: "ak-visible", OVH_APPLICATION_SECRET: "AS-SECRET-42", OVH_CONSUMER_KEY: "CK-SECRET-42" } });
    const o = resolve({ env: { OVH_CLIENT_ID: "cid", OVH_CLIENT_SECRET: "CS-SECRET-42" } });
    const t = resolve({ env: { OVH_ACCESS_TOKEN: "TOKEN-SECRET-42" } });
    for (const creds of [c, o, t]) {
      const shown = [JSON.stringify(creds), inspect(creds, { depth: 10 }), JSON.stringify({ ...creds.auth }), String(Object.keys(creds.auth))];
      for (const text of shown) expect(text).not.toMatch(/SECRET-42/);
    }
    expect(c.auth.kind === "application" && c.auth.consumerKey).toBe("CK-SECRET-42");
    expect(JSON.stringify(c)).toContain("ak-visible");
  });
});
