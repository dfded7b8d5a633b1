/**
 * The application key and secret a consumer key is requested for, found as the provider finds
 * credentials (provider/ovh resolveCredentials: environment, then ovh.conf), or an OAuth2 service account.
 */
import { OvhConfigError, type ExplicitCredentials, type ResolvedCredentials, resolveCredentials } from "../../provider/ovh";
import { CommandFailure } from "../cli-errors";

/**
 * Stands in for the consumer key being requested, so that resolveCredentials applies its usual rules
 * (key and secret from the same place, endpoint section of ovh.conf) to the application key and secret.
 */
const REQUESTED = "(the consumer key being requested)";

/** Credentials to request a key with, or an OAuth2 service account (which needs an IAM policy instead). */
export function resolveAppCredentials(endpoint?: string): ResolvedCredentials {
  const explicit: ExplicitCredentials = endpoint ? { endpoint } : {};
  try {
    const found = resolveCredentials({ explicit });
    if (found.auth.kind !== "application") return found;
  } catch (err) {
    if (!(err instanceof OvhConfigError)) throw err;
  }
  try {
    return resolveCredentials({ explicit: { ...explicit, consumerKey: REQUESTED } });
  } catch (err) {
    const message = (err as Error).message;
    if (message.includes("no applicationKey and applicationSecret")) {
      throw new CommandFailure(
        "no application key found: create an application at https://eu.api.ovh.com/createApp/ (ca.api.ovh.com, " +
          "api.us.ovhcloud.com for the other regions), then set OVH_APPLICATION_KEY and OVH_APPLICATION_SECRET, or " +
          "application_key and application_secret in the [<endpoint>] section of ovh.conf",
      );
    }
    throw new CommandFailure(message.replaceAll(`explicit option consumerKey`, "the requested consumer key"));
  }
}
