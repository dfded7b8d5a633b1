/**
 * What an authenticated caller may do: consumer-key access rules (docs/ovh-api.md §3) or, for OAuth2
 * clients with an allow list, IAM actions (docs/ovh-api.md §2, §4).
 */
import { ApiError } from "../errors";
import type { Principal, Route } from "../state";
import { globMatches, isCallGranted } from "./access-rules";

/** Throws the OVH 403 when the principal may not call `method path` on this route. */
export function authorize(principal: Principal | undefined, route: Route, method: string, path: string): void {
  if (principal === undefined) return;
  if (principal.kind === "consumerKey") {
    if (route.rules && !isCallGranted(principal.credential.rules, method, path)) {
      throw new ApiError(403, "This call has not been granted", { errorCode: "NOT_GRANTED_CALL" });
    }
    return;
  }
  const action = route.iamAction;
  if (principal.allowedActions === undefined || action === undefined) return;
  if (!principal.allowedActions.some((allowed) => globMatches(allowed, action))) {
    throw new ApiError(403, "User not granted for this request", {
      details: { unauthorizedActionsByAuthentication: "", unauthorizedActionsByIAM: action },
    });
  }
}
