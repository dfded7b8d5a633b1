/**
 * The plugin schema's DynHostRecord and DynHostLogin (generated from sdk/dynhost.ts by `npm run schema`): their
 * inputs are exactly what the providers' checks accept and require, their outputs what the lifecycles answer, and
 * the password is a secret input and output.
 */
import { PLUGIN_SCHEMA } from "../../provider/plugin/schema";
import { checkDynHostLogin, checkDynHostRecord } from "../../provider/dynhost";
import { toDynHostLoginOutputs, toDynHostRecordOutputs } from "../../provider/dynhost/outputs";

type Property = { type: string; description: string; secret?: boolean };
type Resource = { properties: Record<string, Property>; required: string[]; inputProperties: Record<string, Property>; requiredInputs: string[] };
const resources = PLUGIN_SCHEMA.resources as Record<string, Resource>;

describe.each([
  ["ovhdns:index:DynHostRecord", checkDynHostRecord, { zoneName: "example.com", subDomain: "home", ip: "203.0.113.7", adopt: true, waitUntilPublished: false },
    ["ip", "zoneName"], Object.keys(toDynHostRecordOutputs({ zoneName: "example.com", subDomain: "home", ip: "203.0.113.7" }, "5", 60, ""))],
  ["ovhdns:index:DynHostLogin", checkDynHostLogin, { zoneName: "example.com", loginSuffix: "router", subDomain: "home", password: "first-password-4f1c" },
    ["loginSuffix", "password", "subDomain", "zoneName"], Object.keys(toDynHostLoginOutputs({ zoneName: "example.com", loginSuffix: "router", subDomain: "home", password: "p" }))],
] as const)("the schema's %s", (token, check, valid, requiredInputs, outputs) => {
  const resource = resources[token];

  it("takes as inputs exactly what the provider's check accepts, and requires what it requires", () => {
    expect(Object.keys(resource.inputProperties).sort()).toEqual(Object.keys(valid).sort());
    expect(check(valid).failures).toEqual([]);
    expect([...resource.requiredInputs].sort()).toEqual([...requiredInputs]);
    for (const key of Object.keys(valid)) {
      const { [key]: _left, ...rest } = valid as Record<string, unknown>;
      const refused = check(rest).failures.some((f) => f.property === key);
      expect([key, refused]).toEqual([key, resource.requiredInputs.includes(key)]);
    }
  });

  it("declares as outputs what the provider answers", () => {
    expect(Object.keys(resource.properties).sort()).toEqual([...outputs].sort());
  });

  it("marks the password, and only it, a secret", () => {
    const secrets = [...Object.entries(resource.inputProperties), ...Object.entries(resource.properties)].filter(([, p]) => p.secret).map(([k]) => k);
    expect(secrets).toEqual(token.endsWith("Login") ? ["password", "password"] : []);
  });
});
