/** What every redirection step works with: its session's routes, and which resource holds which redirection. */
import type { RecordOwnership } from "../zone-record/ownership";
import type { ZoneSession } from "../zone-record/session";
import { RedirectionApi } from "./api";

/** What a redirection step works with: the session of its credentials, and which resource holds which redirection. */
export interface RedirectionContext {
  session: ZoneSession;
  /** Redirection ids held by the resources of this process (ids of another space than the records'). */
  owners: RecordOwnership;
}

const apis = new WeakMap<ZoneSession, RedirectionApi>();

/** The redirection routes over the session's client. */
export function redirectionApiOf(session: ZoneSession): RedirectionApi {
  let api = apis.get(session);
  if (!api) apis.set(session, (api = new RedirectionApi(session.api.client)));
  return api;
}
