import { OvhClient, type OvhClientOptions } from "../../../../provider/ovh/client";
import { resolveCredentials } from "../../../../provider/ovh/credentials";
import { type FakeHandler, type FakeReply, type FakeServer, TEST_KEYS } from "./fake-ovh-server";

/** Server time used by {@link withAuthTime}: 2016-03-03T15:27:55Z, go-ovh's test timestamp. */
export const SERVER_TIME = 1457018875;

/** Answers `GET /1.0/auth/time` with `time`, everything else with `next`. */
export function withAuthTime(next: FakeHandler, time = SERVER_TIME): FakeHandler {
  return (req, index) => (req.method === "GET" && req.url === "/1.0/auth/time" ? { status: 200, body: time } : next(req, index));
}

/** Replies from a list, in order; the last one repeats. */
export function inSequence(...replies: FakeReply[]): FakeHandler {
  let i = 0;
  return () => replies[Math.min(i++, replies.length - 1)];
}

/** A client with application-key credentials against the fake server, backoff sleeps recorded, not waited. */
export function appClient(
  server: FakeServer,
  options: Partial<OvhClientOptions> = {},
): { client: OvhClient; sleeps: number[] } {
  const sleeps: number[] = [];
  const credentials = resolveCredentials({ explicit: { ...TEST_KEYS, endpoint: server.baseUrl }, env: {}, confFiles: [] });
  const client = new OvhClient({
    credentials,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...options,
  });
  return { client, sleeps };
}

/** Runs `fn` and returns what it threw. */
export async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}
