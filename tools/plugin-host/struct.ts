import * as path from "path";

/**
 * `google.protobuf.Struct` conversion with the SAME google-protobuf copy that `@pulumi/pulumi` uses: a
 * second copy (e.g. google-protobuf 4.x) is a separate runtime whose messages the SDK's generated code
 * rejects (docs/pulumi-dynamic-providers.md, "Versions"). We therefore resolve the module from the SDK's directory.
 */
type StructModule = typeof import("google-protobuf/google/protobuf/struct_pb");

const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const structModulePath = require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [sdkDir] });

/** The `Struct` class of the google-protobuf copy that `@pulumi/pulumi` loads. */
export const Struct: StructModule["Struct"] = (require(structModulePath) as StructModule).Struct;

/** Path of the google-protobuf `struct_pb` module in use (tests assert it is the SDK's copy). */
export const STRUCT_MODULE_PATH = structModulePath;

/** A plain JSON-like object, the shape of every property bag on the wire. */
export type PropertyMap = Record<string, unknown>;

/**
 * Converts a plain object to a Struct. Keys whose value is `undefined` are dropped, as JSON would: a
 * Struct cannot hold `undefined` (the host itself throws "Unexpected struct type" on it).
 */
export function toStruct(obj: PropertyMap): InstanceType<StructModule["Struct"]> {
  const clean = JSON.parse(JSON.stringify(obj ?? {})) as Parameters<StructModule["Struct"]["fromJavaScript"]>[0];
  return Struct.fromJavaScript(clean);
}

/** Converts a Struct (or nothing) to a plain object; a missing Struct becomes `{}`. */
export function fromStruct(struct: { toJavaScript(): unknown } | undefined | null): PropertyMap {
  return struct ? (struct.toJavaScript() as PropertyMap) : {};
}
