/**
 * A tiny OVH client for the emulator tests: its own signer (node:crypto), written apart
 * from both the emulator and the provider, and Node's fetch over a real socket.
 */
import { createHash } from "node:crypto";
import type { Emulator } from "../../../emulator";

/** `"$1$" + sha1hex(AS+CK+METHOD+URL+BODY+TS joined by "+")`, as the OVH guide shows. */
export function signOvh(as: string, ck: string, method: string, url: string, body: string, ts: string): string {
  return "$1$" + createHash("sha1").update([as, ck, method, url, body, ts].join("+")).digest("hex");
}

/** Options of {@link ovhCall}. */
export interface CallOptions {
  /** JSON value (serialised once) or a raw string sent as is. */
  body?: unknown;
  /** Override of any credential of the working set; `null` drops that header. */
  applicationKey?: string | null;
  applicationSecret?: string;
  consumerKey?: string | null;
  /** Timestamp header; default: now from the local clock. */
  timestamp?: string;
  /** URL to sign instead of the one requested. */
  signUrl?: string;
  /** Body string to sign instead of the one sent. */
  signBody?: string;
  /** Send no signature headers at all (only X-Ovh-Application). */
  unsigned?: boolean;
  /** Bearer token instead of a signature. */
  bearer?: string;
  /** API prefix; default `/1.0`. */
  prefix?: string;
}

/** What a call answered. */
export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined for an empty body. */
  json: unknown;
}

/** Calls `method path` on the emulator, signed with the working credentials by default. */
export async function ovhCall(emu: Emulator, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const url = `${emu.origin}${options.prefix ?? "/1.0"}${path}`;
  const body = options.body === undefined ? "" : typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  const c = emu.credentials;
  const headers: Record<string, string> = {};
  if (body !== "") headers["Content-Type"] = "application/json";
  const ak = options.applicationKey === undefined ? c.applicationKey : options.applicationKey;
  const ck = options.consumerKey === undefined ? c.consumerKey : options.consumerKey;
  if (options.bearer !== undefined) {
    headers.Authorization = `Bearer ${options.bearer}`;
  } else {
    if (ak !== null) headers["X-Ovh-Application"] = ak;
    if (!options.unsigned && ck !== null) {
      const ts = options.timestamp ?? String(Math.floor(Date.now() / 1000));
      headers["X-Ovh-Consumer"] = ck;
      headers["X-Ovh-Timestamp"] = ts;
      headers["X-Ovh-Signature"] = signOvh(
        options.applicationSecret ?? c.applicationSecret,
        ck,
        method,
        options.signUrl ?? url,
        options.signBody ?? body,
        ts,
      );
    }
  }
  const response = await fetch(url, { method, headers, body: body === "" ? undefined : body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text === "" ? undefined : JSON.parse(text) };
}

/** Fetches an OAuth2 token for the working client. */
export async function oauth2Token(emu: Emulator, clientId = emu.credentials.clientId, clientSecret = emu.credentials.clientSecret): Promise<CallResult> {
  const response = await fetch(`${emu.origin}/auth/oauth2/token`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials&scope=all",
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text === "" ? undefined : JSON.parse(text) };
}

/** A clock tests move by hand, for the `now` option. */
export function manualClock(start = Date.UTC(2025, 0, 15, 12, 0, 0)): { now: () => number; advance(ms: number): void; seconds(): string } {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    seconds: () => String(Math.floor(current / 1000)),
  };
}
