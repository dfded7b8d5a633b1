/**
 * Credentials are taken at call time, never from the closure: the serialized provider lands in the state in
 * plain text, so anything it captured would too (pulumi/pulumi#8265). They come from the stack config given
 * to `configure()` (secrets included), else the environment, else ovh.conf, resolved by provider/ovh.
 */
import { createHash } from "node:crypto";
import { OvhClient, resolveCredentials, type ResolvedCredentials } from "../ovh";
import { journalFile, OrphanJournal } from "./orphan-journal";
import { RecordOwnership } from "./ownership";
import { ZoneSession, type ZoneSessionOptions } from "./session";

/** Looks up a key of the `ovh:` config namespace (`"applicationKey"` reads `ovh:applicationKey`). */
export type ConfigLookup = (key: string) => string | undefined;

/** Reads the `ovh:` keys of the stack config handed to a provider's `configure()`. */
export function configLookup(config: { get(key: string): unknown }): ConfigLookup {
  return (key) => {
    const value: unknown = config.get(`ovh:${key}`);
    return value === undefined || value === null ? undefined : String(value);
  };
}

/** Builds the OVH client of resolved credentials; replaceable for tests. */
export type ClientFactory = (credentials: ResolvedCredentials) => OvhClient;

// The client paces itself at `credentials.apiRateLimit` (`ovh:apiRateLimit`) requests per second.
const defaultFactory: ClientFactory = (credentials) => new OvhClient({ credentials });

/** One {@link ZoneSession} per distinct set of credentials, for the life of the provider process. */
export class SessionPool {
  private readonly sessions = new Map<string, ZoneSession>();
  /** Resolution is done once per config lookup (the provider's is fixed by `configure()`): no ovh.conf reads per call. */
  private readonly resolved = new WeakMap<ConfigLookup, ZoneSession>();
  /** Which resource holds which record, for the whole process (ownership.ts). */
  readonly owners = new RecordOwnership();

  constructor(
    private readonly factory: ClientFactory = defaultFactory,
    private readonly sessionOptions: ZoneSessionOptions = {},
  ) {}

  /** Whether no session has a change in flight or waiting for its zone refresh. */
  idle(): boolean {
    return [...this.sessions.values()].every((s) => s.coalescer.idle);
  }

  /** Writes down, in each session's journal, the records this process created (the engine is gone). */
  flushJournals(): void {
    for (const session of this.sessions.values()) session.journal.flush();
  }

  /** The session of the credentials that `config` (then env, then ovh.conf) resolves to, resolved once per lookup. */
  sessionFor(config: ConfigLookup | undefined): ZoneSession {
    const known = config && this.resolved.get(config);
    if (known) return known;
    const session = this.sessionOf(resolveCredentials({ config, env: process.env }));
    if (config) this.resolved.set(config, session);
    return session;
  }

  private sessionOf(credentials: ResolvedCredentials): ZoneSession {
    const key = fingerprint(credentials);
    let session = this.sessions.get(key);
    if (!session) {
      const journal = new OrphanJournal(journalFile(process.cwd(), process.env.PULUMI_PROJECT ?? "", credentials.baseUrl));
      session = new ZoneSession(this.factory(credentials), this.sessionOptions, this.owners, journal);
      this.sessions.set(key, session);
    }
    return session;
  }
}

/** A one-way digest of the credentials: sessions are keyed by it, so no secret is kept as a map key. */
function fingerprint(credentials: ResolvedCredentials): string {
  const { auth } = credentials;
  // Read by name: the secret fields are non-enumerable (provider/ovh), so Object.values would miss them.
  const fields = auth.kind === "application" ? [auth.applicationKey, auth.applicationSecret, auth.consumerKey]
    : auth.kind === "oauth2" ? [auth.clientId, auth.clientSecret, auth.tokenUrl] : [auth.accessToken];
  const parts = [credentials.baseUrl, String(credentials.apiRateLimit ?? ""), auth.kind, ...fields];
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}
