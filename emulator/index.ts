/**
 * A local OVH API (the DNS subset: docs/ovh-api-emulator.md) that real OVH clients cannot tell from the
 * real one: signed requests, OAuth2, zones and records with OVH's quirks, faults and a
 * request log. Imports only Node built-ins; shares no code with `provider/` or `sdk/`.
 */
import { CredentialStore, type WorkingCredentials } from "./auth/credential-store";
import { TokenStore } from "./auth/oauth2";
import { FaultInjector } from "./faults";
import { resolveOptions, type EmulatorOptions, type FaultOptions, type SeedRecord } from "./options";
import { loadState, saveState } from "./persistence";
import { RateLimiter } from "./rate-limit";
import { RequestLog, type LogEntry, type LogFilter } from "./request-log";
import { EmulatorServer } from "./server";
import type { EmulatorState } from "./state";
import { seedRecords, zoneView, type ZoneView } from "./zone-view";
import { ZoneStore } from "./zones/store";

export type { AccessRule } from "./auth/access-rules";
export { computeSignature, type SignatureInput } from "./auth/signature";
export type { ErrorFormat } from "./errors";
export type {
  DefaultCredentialValues,
  EmulatorOptions,
  FaultOptions,
  RateLimitOptions,
  SeedConsumerKey,
  SeedOAuth2Client,
  SeedRecord,
} from "./options";
export type { LogEntry, LogFilter, Outcome } from "./request-log";
export type { ZoneView, ZoneViewRecord } from "./zone-view";

/** The default working credential set, ready for an OVH client. */
export interface EmulatorCredentials extends WorkingCredentials {
  /** API base URL, e.g. `http://127.0.0.1:43123/1.0`. */
  endpoint: string;
}

/** A running emulator. */
export interface Emulator {
  /** API base URL including `/1.0`, e.g. `http://127.0.0.1:43123/1.0`. */
  readonly url: string;
  /** `http://127.0.0.1:43123`; the OAuth2 token URL is `${origin}/auth/oauth2/token`. */
  readonly origin: string;
  /** The port listened on (127.0.0.1). */
  readonly port: number;
  /** A working AK/AS/CK (all rules, validated) and OAuth2 client. */
  readonly credentials: EmulatorCredentials;
  /** The requests since the last `clearLog()`, oldest first: the last `logLimit` (default 50,000) of them. */
  readonly log: readonly LogEntry[];
  /** How many requests since the last `clearLog()` match a filter; exact, even past `logLimit`. */
  count(filter?: LogFilter): number;
  /** Empties the log. */
  clearLog(): void;
  /** Replaces the fault settings; `setFaults({})` switches every fault off. */
  setFaults(faults: FaultOptions): void;
  /** A read-only view of a zone; throws for an unknown zone. */
  zone(name: string): ZoneView;
  /** Creates (or replaces) a zone, deployed, with the given records. */
  addZone(name: string, records?: SeedRecord[]): void;
  /**
   * Resolves once every late apply (fault `lateApplyRate`) has run, so a test can check the
   * zone after the last delayed change.
   */
  settle(): Promise<void>;
  /** Stops the server and closes every socket; late applies still pending are dropped. */
  close(): Promise<void>;
}

/** Starts an emulator on 127.0.0.1 (port 0 by default: a free port). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const resolved = resolveOptions(options);
  const now = resolved.now();
  const zones = new ZoneStore(resolved.firstRecordId);
  const loaded = resolved.stateFile !== undefined && loadState(resolved.stateFile, zones);
  for (const [name, records] of Object.entries(resolved.zones ?? {})) {
    if (zones.find(name) === undefined) zones.addZone(name, seedRecords(records, resolved.txtQuoting), now);
  }
  for (const name of resolved.dnssecUnsupported ?? []) {
    const zone = zones.find(name);
    if (zone === undefined) throw new Error(`OVH emulator: dnssecUnsupported names ${name}, which is not a zone`);
    zone.dnssecSupported = false;
  }
  const seededDomains = resolved.domains ?? (loaded ? [] : Object.keys(resolved.zones ?? {}));
  zones.domains = [...new Set([...zones.domains, ...seededDomains])];
  const credentials = new CredentialStore();
  const working = credentials.seedDefaults(now, resolved.defaultCredentials);
  for (const app of resolved.applications ?? []) credentials.addApplication(app.applicationKey, app.applicationSecret);
  for (const ck of resolved.consumerKeys ?? []) credentials.addCredential(ck, now);
  for (const client of resolved.oauth2Clients ?? []) credentials.addClient(client);

  const state: EmulatorState = {
    zones,
    credentials,
    tokens: new TokenStore(credentials, resolved.tokenLifetimeSeconds),
    options: resolved,
    publicOrigin: "",
  };
  const log = new RequestLog(resolved.logLimit, resolved.onRequest);
  const faults = new FaultInjector(resolved.faults, resolved.seed);
  const limiter = resolved.rateLimit ? new RateLimiter(resolved.rateLimit) : undefined;
  const server = new EmulatorServer(state, log, faults, limiter);
  const port = await server.listen(resolved.port);
  const origin = `http://127.0.0.1:${port}`;
  state.publicOrigin = resolved.publicOrigin?.replace(/\/+$/, "") ?? origin;
  const persist = () => resolved.stateFile !== undefined && saveState(resolved.stateFile, zones);
  persist();

  return {
    url: `${origin}/1.0`,
    origin,
    port,
    credentials: { endpoint: `${origin}/1.0`, ...working },
    get log() {
      return log.entries;
    },
    count: (filter) => log.count(filter),
    clearLog: () => log.clear(),
    setFaults: (next) => faults.set(next),
    zone: (name) => zoneView(zones, name, resolved.now(), resolved.dnssecDelayMs),
    addZone: (name, records = []) => {
      zones.addZone(name, seedRecords(records, resolved.txtQuoting), resolved.now());
      persist();
    },
    settle: () => server.lateApplies.settle(),
    close: () => server.close(),
  };
}
