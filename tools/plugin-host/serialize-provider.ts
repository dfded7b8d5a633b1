import { serializeFunction } from "@pulumi/pulumi/runtime/closure/serializeClosure";
import type * as pulumi from "@pulumi/pulumi";

/**
 * Produces the `__provider` text exactly as `pulumi.dynamic.Resource` does
 * (`dynamic/index.js`: `serializeFunction(() => provider, {allowSecrets: true})`), for tests that drive
 * the host directly. A module under node_modules is captured as a `require()`; a local module is
 * serialized by value (docs/pulumi-dynamic-providers.md, "How the provider travels").
 */
export async function serializeProvider(provider: pulumi.dynamic.ResourceProvider | object): Promise<string> {
  const serialized = await serializeFunction(() => provider, { allowSecrets: true });
  return serialized.text;
}
