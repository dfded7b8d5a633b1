import { SessionPool, type ClientFactory } from "../../../provider/zone-record/connection";
import type { OvhClient } from "../../../provider/ovh";

const base = {
  "endpoint": "http://127.0.0.1:1/1.0",
  "applicationKey": "ak",
  "applicationSecret": "secret-one",
  "consumerKey": "ck",
};

describe("SessionPool", () => {
  const made: string[] = [];
  const factory: ClientFactory = (credentials) => {
    made.push(credentials.baseUrl);
    return { request: async () => undefined } as unknown as OvhClient;
  };
  beforeEach(() => (made.length = 0));

  it("resolves the credentials of one config lookup once and shares its session", () => {
    const pool = new SessionPool(factory);
    const lookup = (key: string) => (base as Record<string, string>)[key];
    expect(pool.sessionFor(lookup)).toBe(pool.sessionFor(lookup));
    expect(made).toHaveLength(1);
  });

  it("shares one session between lookups that resolve to the same credentials", () => {
    const pool = new SessionPool(factory);
    const a = pool.sessionFor((key) => (base as Record<string, string>)[key]);
    const b = pool.sessionFor((key) => (base as Record<string, string>)[key]);
    expect(a).toBe(b);
  });

  it("keeps credentials that differ only in their secret apart", () => {
    const pool = new SessionPool(factory);
    const a = pool.sessionFor((key) => (base as Record<string, string>)[key]);
    const b = pool.sessionFor((key) => ({ ...base, applicationSecret: "secret-two" } as Record<string, string>)[key]);
    expect(a).not.toBe(b);
    expect(made).toHaveLength(2);
  });
});
