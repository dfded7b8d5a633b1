/**
 * `pulumi-ovh-dns/testing` with DynHost resources: under `setOvhDnsMocks`, a DynHostRecord and a DynHostLogin go
 * through the providers' real check and get the outputs create would give (tests/pulumi-cli/dynhost.test.ts shows
 * the password kept secret by the real engine; the mocks do not model additionalSecretOutputs).
 */
import * as pulumi from "@pulumi/pulumi";
import * as ovhdns from "../../sdk";
import { setOvhDnsMocks, type OvhDnsMocks } from "../../sdk/testing";

const valueOf = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));

describe("setOvhDnsMocks with DynHost resources", () => {
  let mocks: OvhDnsMocks;
  beforeAll(async () => (mocks = await setOvhDnsMocks()));

  it("passes a good DynHost record and login with the outputs create would give", async () => {
    const home = new ovhdns.DynHostRecord("home", { zoneName: "Example.com", subDomain: "HOME", ip: "203.0.113.7" });
    const router = new ovhdns.DynHostLogin("router", { zoneName: "example.com", loginSuffix: "router", subDomain: "home", password: "first-password-4f1c" });
    expect(await valueOf(home.fqdn)).toBe("home.example.com");
    expect(await valueOf(home.dynHostId)).toMatch(/^[0-9]+$/);
    expect(await valueOf(router.login)).toBe("example.com-router");
    expect(mocks.refusals).toEqual([]);
  });
});
