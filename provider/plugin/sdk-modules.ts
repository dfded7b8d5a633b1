/**
 * The gRPC and protobuf runtimes of the plugin, taken from the `@pulumi/pulumi` the package resolves (its peer
 * dependency), not from wherever npm happened to put them: `@grpc/grpc-js` and `google-protobuf` are
 * dependencies of `@pulumi/pulumi`, not of this package. Resolved from `@pulumi/pulumi`'s own folder, they are
 * found in any layout where `@pulumi/pulumi` can load them (npm's hoisted and shallow installs tested), and they
 * are the very copies that `@pulumi/pulumi/proto/*` builds its messages with: a second copy of google-protobuf
 * makes messages the generated code rejects (docs/pulumi-dynamic-providers.md, "Versions"). Declaring them as dependencies of this
 * package instead would let npm install such a second copy. tests/pulumi-cli/package-outside.test.ts installs the
 * packed package with `--install-strategy=shallow`, where only the folder's own dependencies are at its top.
 */
import { createRequire } from "node:module";

/** `require` from the folder of the `@pulumi/pulumi` this package resolves. */
export const requireFromPulumiSdk = createRequire(require.resolve("@pulumi/pulumi/package.json"));

/** `@grpc/grpc-js`, as `@pulumi/pulumi` loads it. */
export const grpc = requireFromPulumiSdk("@grpc/grpc-js") as typeof import("@grpc/grpc-js");

/** `google.protobuf.Any`, `Empty` and `Struct`, from `@pulumi/pulumi`'s google-protobuf. */
export const { Any } = requireFromPulumiSdk("google-protobuf/google/protobuf/any_pb") as typeof import("google-protobuf/google/protobuf/any_pb");
export const { Empty } = requireFromPulumiSdk("google-protobuf/google/protobuf/empty_pb") as typeof import("google-protobuf/google/protobuf/empty_pb");
export const { Struct } = requireFromPulumiSdk("google-protobuf/google/protobuf/struct_pb") as typeof import("google-protobuf/google/protobuf/struct_pb");
