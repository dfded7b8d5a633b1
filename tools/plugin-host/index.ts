/** A typed client for Pulumi's real dynamic-provider plugin host, for tests. */
export { HostError, decodeInitFailure, type InitFailure } from "./errors";
export {
  ProviderHost,
  spawnProviderHost,
  type CheckFailure,
  type CheckResult,
  type ConfigureResult,
  type DiffResult,
  type ReadResult,
  type SpawnProviderHostOptions,
} from "./host-client";
export { DYNAMIC_PROVIDER_HOST } from "./host-process";
export { SECRET_SIG, SIG_KEY, UNKNOWN, containsSecret, containsUnknown, isSecret, secret, unwrapSecrets, type SecretValue } from "./sentinels";
export { serializeProvider } from "./serialize-provider";
export { Struct, fromStruct, toStruct, type PropertyMap } from "./struct";
export { makeUrn, nameOfUrn, qualifiedTypeOf, typeOfUrn, type UrnParts } from "./urn";
