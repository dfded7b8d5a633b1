export { ZoneRedirectionProvider } from "./provider";
export { checkZoneRedirection, type ZoneRedirectionCheck, type RedirectionFailure } from "./check";
export { diffZoneRedirection, REDIRECTION_REPLACE_PROPERTIES, type ZoneRedirectionDiff } from "./diff";
export { RedirectionApi } from "./api";
export { RedirectionGoneError, RedirectionInitError } from "./errors";
export * from "./model";
export { isRedirectionCompanion, redirectedNames } from "./companions";
