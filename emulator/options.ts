/**
 * The emulator's options. Every behaviour docs/ovh-api-emulator.md marks as a guess is an option here,
 * with the default docs/ovh-api.md §8 suggests.
 */
import type { AccessRule } from "./auth/access-rules";
import type { ErrorFormat } from "./errors";
import type { TxtQuoting } from "./records/txt";
import type { LogEntry } from "./request-log";

/** A record to seed into a zone. */
export interface SeedRecord {
  /** Sub-domain relative to the zone; `""` (or absent) for the apex. */
  subDomain?: string;
  /** One of the 20 OVH field types. */
  fieldType: string;
  /** Record value as OVH stores it. */
  target: string;
  /** TTL in seconds; 0 (or absent) for the zone default. */
  ttl?: number;
}

/** A consumer key to seed. */
export interface SeedConsumerKey {
  /** The consumer key (CK). */
  consumerKey: string;
  /** The application it belongs to. */
  applicationKey: string;
  /** Credential state; `validated` by default. */
  state?: "validated" | "pendingValidation" | "expired" | "refused";
  /** Access rules; `GET/POST/PUT/DELETE /*` by default. */
  rules?: AccessRule[];
  /** Expiry as epoch milliseconds of the emulator clock; never by default. */
  expiresAt?: number;
}

/** An OAuth2 service account (docs/ovh-api.md §6). */
export interface SeedOAuth2Client {
  /** Client id. */
  clientId: string;
  /** Client secret. */
  clientSecret: string;
  /**
   * IAM-like allow list of actions, e.g. `dnsZone:apiovh:record/create`; `*` globs allowed.
   * Absent means every action is allowed (docs/ovh-api.md §4).
   */
  allowedActions?: string[];
}

/** Fault injection (all off by default). Rates are probabilities in [0, 1]. */
export interface FaultOptions {
  /** Milliseconds added before every answer. */
  latencyMs?: number;
  /** Probability of a 5xx answered before anything is applied. */
  serverErrorRate?: number;
  /** Status of those server errors: 500 (default) or 503. */
  serverErrorStatus?: 500 | 503;
  /** Probability that a change is applied and then answered with a 500. */
  serverErrorAfterApplyRate?: number;
  /** Probability of a 429 with `Retry-After`, not applied. */
  tooManyRequestsRate?: number;
  /** `Retry-After` seconds sent with fault 429s (default 1). */
  retryAfterSeconds?: number;
  /** Probability that the connection is destroyed without an answer, nothing applied. */
  resetRate?: number;
  /** Probability that the change is applied and the connection destroyed before the answer. */
  lostResponseRate?: number;
  /**
   * Probability that the connection is destroyed without an answer and the call (authenticated
   * first) is applied `lateApplyDelayMs` later: a change still being applied after the client
   * gave up (see docs/ovh-api-emulator.md, "Late apply").
   */
  lateApplyRate?: number;
  /** Milliseconds between the dropped connection and the late apply (default 300). */
  lateApplyDelayMs?: number;
  /** Only requests with these methods get faults (default: all). */
  methods?: string[];
  /** Only requests whose API path (no prefix, no query) matches get faults (default: all). */
  pathPattern?: RegExp | string;
  /** Whether `GET /auth/time` may get faults (default false). */
  faultAuthTime?: boolean;
}

/** Server-side rate limit per consumer key or OAuth2 client (docs/ovh-api.md §7: a guess). */
export interface RateLimitOptions {
  /** Sustained requests per minute. */
  perMinute: number;
  /** Bucket capacity; defaults to `ceil(perMinute / 6)`. */
  burst?: number;
}

/** Fixed values for the default working credential set (random otherwise). */
export interface DefaultCredentialValues {
  applicationKey?: string;
  applicationSecret?: string;
  consumerKey?: string;
  clientId?: string;
  clientSecret?: string;
}

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Public origin clients sign against, e.g. `https://eu.api.ovh.com`; default the listen origin. */
  publicOrigin?: string;
  /** Zones to create, with their records. */
  zones?: Record<string, SeedRecord[]>;
  /** Registered domains listed by `GET /domain`; default: the seeded zone names. */
  domains?: string[];
  /** JSON file holding zones and domains: loaded at start if present, written after each change. */
  stateFile?: string;
  /** Server clock in epoch milliseconds (default `Date.now`). */
  now?: () => number;
  /** Accepted clock skew of `X-Ovh-Timestamp`, seconds (default 180). */
  clockToleranceSeconds?: number;
  /** Error body generation (default `current`). */
  errorFormat?: ErrorFormat;
  /** Status of a successful record PUT: 200 with body `null` (default) or 204. */
  putRecordStatus?: 200 | 204;
  /**
   * How a `"` or `\` inside a TXT text OVH wraps in quotes is stored: escaped as in a zone file, `"say \"hi\""`
   * (default), or left as sent, `"say "hi""` (a guess either way, docs/ovh-api.md §5 "TXT holding a double quote").
   */
  txtQuoting?: TxtQuoting;
  /** What `GET .../record?subDomain=` (empty) selects: apex records (default) or all (a guess, docs/ovh-api.md §8). */
  emptySubDomainFilter?: "apex" | "any";
  /**
   * How long a zone stays "refreshing" after a refresh was answered, ms. Default 0: as on the
   * real API, a refresh sent after the previous one was answered succeeds, and only a refresh
   * arriving while another of its zone is being handled gets 409. A longer window is for tests
   * that want refreshes to conflict (docs/ovh-api-emulator.md, "Refresh concurrency").
   */
  refreshDurationMs?: number;
  /**
   * How long a DNSSEC enable or disable stays `enableInProgress` / `disableInProgress`, ms (default 300: short,
   * for tests; OVH's own task takes longer, docs/ovh-api.md §4 "DNSSEC").
   */
  dnssecDelayMs?: number;
  /** Zones that cannot have DNSSEC (`dnssecSupported: false`): an enable is refused with a 400. */
  dnssecUnsupported?: string[];
  /** Validate consumer keys created by `POST /auth/credential` at once (default false). */
  autoValidateCredentials?: boolean;
  /** First record id issued (default 5_390_038_375, above 2^32 as real ids are). */
  firstRecordId?: number;
  /** OAuth2 access-token lifetime, seconds (default 3600). */
  tokenLifetimeSeconds?: number;
  /** Extra applications (AK -> AS). */
  applications?: { applicationKey: string; applicationSecret: string }[];
  /** Extra consumer keys. */
  consumerKeys?: SeedConsumerKey[];
  /** Extra OAuth2 clients. */
  oauth2Clients?: SeedOAuth2Client[];
  /** Pin the values of the default credential set. */
  defaultCredentials?: DefaultCredentialValues;
  /** Fault injection; see {@link FaultOptions}. */
  faults?: FaultOptions;
  /** Seed of the fault PRNG (default 1). */
  seed?: number;
  /**
   * How many requests the log keeps whole (default 50,000, the oldest dropped first);
   * `count()` stays exact past it.
   */
  logLimit?: number;
  /** Called with each request's log entry once it is answered (or dropped by a fault), e.g. to print it. */
  onRequest?: (entry: LogEntry) => void;
  /** Per-principal rate limit; none by default. */
  rateLimit?: RateLimitOptions;
}

/** Options with every default filled in. */
export type ResolvedOptions = Required<
  Pick<
    EmulatorOptions,
    | "port"
    | "now"
    | "clockToleranceSeconds"
    | "errorFormat"
    | "putRecordStatus"
    | "emptySubDomainFilter"
    | "txtQuoting"
    | "refreshDurationMs"
    | "dnssecDelayMs"
    | "autoValidateCredentials"
    | "firstRecordId"
    | "tokenLifetimeSeconds"
    | "seed"
  >
> &
  EmulatorOptions;

/** Fills in the defaults. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  return {
    ...options,
    port: options.port ?? 0,
    now: options.now ?? Date.now,
    clockToleranceSeconds: options.clockToleranceSeconds ?? 180,
    errorFormat: options.errorFormat ?? "current",
    putRecordStatus: options.putRecordStatus ?? 200,
    emptySubDomainFilter: options.emptySubDomainFilter ?? "apex",
    txtQuoting: options.txtQuoting ?? "escape",
    refreshDurationMs: options.refreshDurationMs ?? 0,
    dnssecDelayMs: options.dnssecDelayMs ?? 300,
    autoValidateCredentials: options.autoValidateCredentials ?? false,
    firstRecordId: options.firstRecordId ?? 5_390_038_375,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    seed: options.seed ?? 1,
  };
}
