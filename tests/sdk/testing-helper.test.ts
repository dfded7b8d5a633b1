/**
 * `pulumi-ovh-dns/testing`: a user's unit test under `setOvhDnsMocks` refuses what `pulumi preview` refuses (the
 * provider's real `check` runs), passes a good program with the outputs create would give, and hands every other
 * resource to the user's own mocks. A refusal fails the test the way a user sees it: run from the built package
 * (`dist/`, `npm run build` first) in a process of its own, whose unhandled rejection is the failure.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import * as ovhdns from "../../sdk";
import { setOvhDnsMocks, type OvhDnsMocks } from "../../sdk/testing";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const valueOf = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));

const SET_OVH_DNS_MOCKS = 'require("pulumi-ovh-dns/testing").setOvhDnsMocks()';
/** The mock most Pulumi unit tests use: every resource echoes its inputs. */
const ECHO_MOCKS = `require("@pulumi/pulumi").runtime.setMocks({
  newResource: (args) => ({ id: args.name + "_id", state: args.inputs }), call: () => ({}) })`;

/** Runs `program` (JavaScript using `ovhdns`) under the mocks of the built package, as a user's test would. */
async function runUnderMocks(program: string, install = SET_OVH_DNS_MOCKS): Promise<{ code: number; stderr: string }> {
  const script = `
    const ovhdns = require("pulumi-ovh-dns");
    ${install}.then(() => { ${program} });`;
  try {
    await run(process.execPath, ["-e", script], { cwd: ROOT });
    return { code: 0, stderr: "" };
  } catch (e) {
    const failed = e as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

/** A resource of another package, as @pulumi/random declares it. */
class RandomString extends pulumi.CustomResource {
  constructor(name: string) {
    super("random:index/randomString:RandomString", name, { length: 8, result: undefined });
  }
}

describe("setOvhDnsMocks", () => {
  let mocks: OvhDnsMocks;
  const others: string[] = [];
  beforeAll(async () => {
    mocks = await setOvhDnsMocks({
      mocks: {
        newResource: (args) => {
          others.push(args.type);
          return { id: "token", state: { ...args.inputs, result: "k3n8q2x7" } };
        },
        call: () => ({}),
      },
    });
  });

  it("passes a good record with the outputs create would give: normalised inputs, a decimal record id, the fqdn", async () => {
    const www = new ovhdns.ZoneRecord("web", { zoneName: "Example.COM", subDomain: "WWW", fieldType: "a", target: "203.0.113.10", ttl: 3600 });
    expect(await valueOf(www.fqdn)).toBe("www.example.com");
    expect(await valueOf(www.fieldType)).toBe("A");
    expect(await valueOf(www.ttl)).toBe(3600);
    expect(await valueOf(www.recordId)).toMatch(/^[0-9]+$/);
    expect(await valueOf(www.id)).toBe(await valueOf(www.recordId));
    expect(mocks.refusals).toEqual([]);
  });

  it("checks a record whose target is a secret (a verification token from the stack config) on its value, not its wrapping", async () => {
    const txt = new ovhdns.ZoneRecord("ownership", { zoneName: "example.com", subDomain: "_verification", fieldType: "TXT", target: pulumi.secret("verification=k3n8q2x7") });
    expect(await valueOf(txt.recordId)).toMatch(/^[0-9]+$/);
    expect(await valueOf(txt.target)).toBe("verification=k3n8q2x7");
    expect(mocks.refusals).toEqual([]);
  });

  it("passes a good redirection with the outputs create would give: a decimal redirection id, the fqdn", async () => {
    const home = new ovhdns.ZoneRedirection("home", { zoneName: "Example.com", subDomain: "WWW", type: "visiblePermanent", target: "https://example.org/" });
    expect(await valueOf(home.fqdn)).toBe("www.example.com");
    expect(await valueOf(home.redirectionId)).toMatch(/^[0-9]+$/);
    expect(await valueOf(home.title)).toBe("");
    expect(mocks.refusals).toEqual([]);
  });

  it("checks the resources a Zone registers, and lets a good zone through", async () => {
    // `unmanaged: "ignore"`: a Zone otherwise lists the zone through the OVH API, which no mock answers (docs/testing.md).
    const zone = new ovhdns.Zone("example", {
      zoneName: "example.com",
      unmanaged: "ignore",
      records: [{ subDomain: "www", fieldType: "A", target: "203.0.113.10" }, { subDomain: "", fieldType: "MX", target: "10 mx.example.com." }],
    });
    // fqdns are the children's outputs: once known, every child went through the mocks.
    expect(Object.values(await valueOf(zone.fqdns)).sort()).toEqual(["example.com", "www.example.com"]);
    const names = [...mocks.resources.keys()].filter((name) => name.startsWith("example"));
    expect(names).toHaveLength(3); // the manifest and two records
    expect(mocks.refusals).toEqual([]);
  });

  it("passes examples/basic, a program as a user writes it (importing pulumi-ovh-dns), with its stack outputs", async () => {
    const program = require(path.join(ROOT, "examples/basic/index.ts")) as { wwwName: pulumi.Output<string>; apexRecordId: pulumi.Output<string> };
    expect(await valueOf(program.wwwName)).toBe("www.example.com");
    expect(await valueOf(program.apexRecordId)).toMatch(/^[0-9]+$/);
    expect(["apex-a", "apex-aaaa", "www", "mx-1", "mx-2", "spf", "caa", "sip"].filter((name) => !mocks.resources.has(name))).toEqual([]);
    expect(mocks.refusals).toEqual([]);
  });

  it("hands resources of other packages to the user's mocks", async () => {
    const token = new RandomString("token");
    expect(await valueOf(token.id)).toBe("token");
    // The user's mocks saw the Zone component and the random string, never one of this package's dynamic resources.
    expect(others).toEqual(["ovhdns:index:Zone", "random:index/randomString:RandomString"]);
  });
});

describe("a refusal under setOvhDnsMocks, as a user's test sees it", () => {
  it.each([
    ["`ttl: 30`, naming the field, where the usual echo mock passes",
      'new ovhdns.ZoneRecord("www", { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 30 });',
      'ZoneRecord "www" was refused by check: ttl: ttl 30 is below 60'],
    ["a CNAME at the apex",
      'new ovhdns.ZoneRecord("apex", { zoneName: "example.com", fieldType: "CNAME", target: "other.example.net." });',
      'ZoneRecord "apex" was refused by check: subDomain: a CNAME cannot be at the apex'],
    ["a frame title on a visible redirection",
      'new ovhdns.ZoneRedirection("home", { zoneName: "example.com", type: "visible", target: "https://example.org/", title: "Home" });',
      'ZoneRedirection "home" was refused by check: title: title is shown only by an invisible redirection'],
  ])("fails on %s, with the check's reason", async (_what, program, reason) => {
    const failed = await runUnderMocks(program);
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toContain(reason);
  }, 60_000);

  it("the usual echo mock lets `ttl: 30` through", async () => {
    const passed = await runUnderMocks(
      'new ovhdns.ZoneRecord("www", { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 30 });', ECHO_MOCKS);
    expect(passed).toEqual({ code: 0, stderr: "" });
  }, 60_000);

  it("lets the same program with a valid ttl finish", async () => {
    const passed = await runUnderMocks(
      'new ovhdns.ZoneRecord("www", { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 60 });');
    expect(passed).toEqual({ code: 0, stderr: "" });
  }, 60_000);
});
