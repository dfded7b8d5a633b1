/** What every redirection step works with: its session's routes, and which resource holds which redirection. */
import type { RecordOwnership } from "../zone-record/ownership";
import { sessionApi } from "../zone-record/published-steps";
import type { ZoneSession } from "../zone-record/session";
import { RedirectionApi } from "./api";

/** What a redirection step works with: the session of its credentials, and which resource holds which redirection. */
export interface RedirectionContext {
  session: ZoneSession;
  /** Redirection ids held by the resources of this process (ids of another space than the records'). */
  owners: RecordOwnership;
}

/** The redirection routes over the session's client. */
export const redirectionApiOf = sessionApi((client) => new RedirectionApi(client));
