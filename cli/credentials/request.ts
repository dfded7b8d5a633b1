/**
 * The consumer-key flow of OVH's first-steps guide (docs/cli.md "Consumer keys"): `POST /auth/credential`
 * with the access rules and a redirection, the user opens the validation URL and logs in, and the key
 * works once validated. Validation is seen by polling `GET /auth/currentCredential` signed with the new key.
 */
import { OvhApiError, OvhClient, type ResolvedCredentials, resolveCredentials } from "../../provider/ovh";
import type { AccessRule } from "../access-rules";
import { CommandFailure } from "../cli-errors";

/** The answer of `POST /auth/credential`. */
export interface CredentialRequest {
  validationUrl: string;
  consumerKey: string;
  state: string;
}

/** The answer of `GET /auth/currentCredential`. */
export interface CurrentCredential {
  status: string;
  rules: AccessRule[];
  expiration: string | null;
  creation?: string | null;
  credentialId?: number;
}

/** Asks for a consumer key; the call is unsigned (it carries only the application key). */
export async function requestConsumerKey(
  client: OvhClient,
  accessRules: AccessRule[],
  redirection: string,
): Promise<CredentialRequest> {
  const answer = await client.post<CredentialRequest>("/auth/credential", { accessRules, redirection }, { signed: false });
  if (typeof answer?.validationUrl !== "string" || typeof answer.consumerKey !== "string") {
    throw new CommandFailure(`POST /auth/credential answered without a validationUrl and consumerKey`);
  }
  return answer;
}

/** The application's credentials with the new consumer key, and nothing from any other source. */
export function credentialsWithKey(app: ResolvedCredentials, consumerKey: string): ResolvedCredentials {
  if (app.auth.kind !== "application") throw new Error("an application key is needed to sign with a consumer key");
  const explicit = {
    endpoint: app.endpoint,
    applicationKey: app.auth.applicationKey,
    applicationSecret: app.auth.applicationSecret,
    consumerKey,
  };
  return resolveCredentials({ explicit, env: {}, confFiles: [] });
}

/** How to wait. */
export interface WaitOptions {
  intervalMs: number;
  timeoutMs: number;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  /** Called before each wait, e.g. to show that the command is still waiting. */
  onPending?: (waitedMs: number) => void;
  now?: () => number;
}

/** True for the answer to a key that exists but is not (yet) validated, or was refused or expired. */
function isNotValidYet(err: unknown): boolean {
  return (
    err instanceof OvhApiError &&
    err.status === 403 &&
    (err.errorCode === "INVALID_CREDENTIAL" || /credential is not valid/i.test(err.apiMessage))
  );
}

/**
 * Polls until the key is validated. "Not valid" means pending (or refused: OVH answers both alike), so
 * polling goes on until the timeout; any other error (a wrong application secret gives "Invalid signature")
 * stops at once, since waiting would not fix it.
 */
export async function waitForValidation(client: Pick<OvhClient, "get">, options: WaitOptions): Promise<CurrentCredential> {
  const now = options.now ?? Date.now;
  const started = now();
  for (;;) {
    if (options.signal.aborted) throw interrupted();
    try {
      const current = await client.get<CurrentCredential>("/auth/currentCredential");
      if (current.status === "validated") return current;
      if (current.status !== "pendingValidation") throw new CommandFailure(`the consumer key is ${current.status}`);
    } catch (err) {
      if (!isNotValidYet(err)) throw err;
    }
    const waited = now() - started;
    if (waited >= options.timeoutMs) {
      throw new CommandFailure(
        `the consumer key was not validated within ${Math.round(options.timeoutMs / 1000)} s (it is pending, or was refused ` +
          `on the validation page); nothing was stored. Run the command again for a new key, with a longer --timeout if needed.`,
      );
    }
    options.onPending?.(waited);
    await sleep(Math.min(options.intervalMs, options.timeoutMs - waited), options.signal);
  }
}

function interrupted(): CommandFailure {
  return new CommandFailure("interrupted before the consumer key was validated; nothing was stored");
}

/** Waits `ms`, or less when the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    // Aborted during the call that preceded this wait: an abort event will not come again.
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
