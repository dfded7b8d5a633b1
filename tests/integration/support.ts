/**
 * Shared set-up of the integration tests: the real OVH client (`provider/ovh`) against the real
 * emulator (`emulator/`) over sockets on 127.0.0.1. The two share no code, so every passing call
 * is one signer agreeing with another written apart from it.
 */
import { inspect } from "node:util";
import type { Emulator } from "../../emulator";
import {
  OvhClient,
  type OvhClientOptions,
  type OvhLogEvent,
  type RawResponse,
  type Transport,
  type TransportRequest,
  createHttpTransport,
  resolveCredentials,
  type ExplicitCredentials,
} from "../../provider/ovh";

/** A client built for one test, with what it logged and every wait it was asked to make. */
export interface TestClient {
  client: OvhClient;
  events: OvhLogEvent[];
  /** Milliseconds passed to `sleep` (backoff, Retry-After, pacing), in order. */
  sleeps: number[];
}

/** Options of {@link appClient} and {@link oauthClient}. */
export interface TestClientOptions extends Partial<Omit<OvhClientOptions, "credentials">> {
  /** Wait for real (default: record the wait and return at once). */
  realSleep?: boolean;
}

/** Builds a client from explicit credentials only (no environment, no ovh.conf). */
export function clientWith(explicit: ExplicitCredentials, options: TestClientOptions = {}): TestClient {
  const events: OvhLogEvent[] = [];
  const sleeps: number[] = [];
  const { realSleep, logger, ...rest } = options;
  const credentials = resolveCredentials({ explicit, env: {}, confFiles: [] });
  const client = new OvhClient({
    credentials,
    logger: (e) => {
      events.push(e);
      logger?.(e);
    },
    sleep: realSleep
      ? undefined
      : async (ms) => {
          sleeps.push(ms);
        },
    ...rest,
  });
  return { client, events, sleeps };
}

/** A client signing with the emulator's working application key (or the given overrides). */
export function appClient(emu: Emulator, overrides: ExplicitCredentials = {}, options: TestClientOptions = {}): TestClient {
  const c = emu.credentials;
  return clientWith(
    { endpoint: emu.url, applicationKey: c.applicationKey, applicationSecret: c.applicationSecret, consumerKey: c.consumerKey, ...overrides },
    options,
  );
}

/** A client using the emulator's working OAuth2 service account (or the given one). */
export function oauthClient(
  emu: Emulator,
  clientId = emu.credentials.clientId,
  clientSecret = emu.credentials.clientSecret,
  options: TestClientOptions = {},
): TestClient {
  return clientWith({ endpoint: emu.url, clientId, clientSecret }, options);
}

/** Runs `fn` and returns what it threw; fails the test if it did not throw (shared with the unit tests). */
export { caught } from "../unit/ovh/support/clients";

/** Every way a value can end up in a log: String, inspect, JSON; for an error also message, stack and cause. */
export function renderings(value: unknown): string[] {
  const out = [String(value), inspect(value, { depth: 10, showHidden: false }), JSON.stringify(value) ?? ""];
  if (value instanceof Error) out.push(value.message, value.stack ?? "", inspect(value.cause, { depth: 10 }));
  return out;
}

/** The default node:http transport, recording every exchange as it went over the wire. */
export function recordingTransport(): { transport: Transport; exchanges: { request: TransportRequest; response?: RawResponse }[]; close(): void } {
  const http = createHttpTransport();
  const exchanges: { request: TransportRequest; response?: RawResponse }[] = [];
  const transport: Transport = async (request) => {
    const exchange: { request: TransportRequest; response?: RawResponse } = { request };
    exchanges.push(exchange);
    exchange.response = await http.send(request);
    return exchange.response;
  };
  return { transport, exchanges, close: http.close };
}
