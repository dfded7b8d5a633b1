import * as path from "path";
import { STRUCT_MODULE_PATH, fromStruct, toStruct } from "../../tools/plugin-host/struct";
import { isSecret, secret, unwrapSecrets, UNKNOWN, containsUnknown } from "../../tools/plugin-host/sentinels";
import { makeUrn, nameOfUrn, typeOfUrn } from "../../tools/plugin-host/urn";

describe("struct", () => {
  it("uses the google-protobuf copy that @pulumi/pulumi loads", () => {
    const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    const sdkCopy = require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [sdkDir] });
    expect(STRUCT_MODULE_PATH).toBe(sdkCopy);
    expect(require(path.join(path.dirname(sdkCopy), "../../package.json")).version).toMatch(/^3\./);
  });

  it("round-trips plain values and drops undefined keys", () => {
    expect(fromStruct(toStruct({ a: 1, b: "x", c: [true, null], d: { e: 2 }, f: undefined }))).toEqual({ a: 1, b: "x", c: [true, null], d: { e: 2 } });
  });
});

describe("sentinels", () => {
  it("wraps and unwraps secrets at any depth", () => {
    const v = { a: secret("s"), b: [secret({ c: secret(1) })] };
    expect(isSecret(v.a)).toBe(true);
    expect(unwrapSecrets(v)).toEqual({ a: "s", b: [{ c: 1 }] });
  });

  it("finds UNKNOWN at any depth", () => {
    expect(containsUnknown({ a: [1, { b: UNKNOWN }] })).toBe(true);
    expect(containsUnknown({ a: [1, { b: "known" }] })).toBe(false);
  });
});

describe("urn", () => {
  it("builds and parses URNs with a parent type chain", () => {
    const urn = makeUrn({ stack: "dev", project: "p", parentType: "my:Comp", type: "pulumi-nodejs:dynamic/toy:Note", name: "a::b" });
    expect(urn).toBe("urn:pulumi:dev::p::my:Comp$pulumi-nodejs:dynamic/toy:Note::a::b");
    expect(typeOfUrn(urn)).toBe("pulumi-nodejs:dynamic/toy:Note");
    expect(nameOfUrn(urn)).toBe("a::b");
  });
});
