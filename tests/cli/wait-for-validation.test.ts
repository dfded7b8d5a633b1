/** The wait for a consumer key's validation, over a scripted client (states the emulator never answers). */
import { OvhApiError } from "../../provider/ovh";
import { waitForValidation } from "../../cli/credentials/request";

const notValid = () =>
  new OvhApiError({ status: 403, errorCode: "INVALID_CREDENTIAL", apiMessage: "This credential is not valid", method: "GET", path: "/auth/currentCredential" });

function scripted(answers: (unknown | Error)[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    get: async <T>() => {
      const answer = answers[Math.min(calls++, answers.length - 1)];
      if (answer instanceof Error) throw answer;
      return answer as T;
    },
  };
}
const options = () => ({ intervalMs: 1, timeoutMs: 60_000, signal: new AbortController().signal });

describe("waitForValidation", () => {
  test("keeps polling while the key is not valid, and returns it once validated", async () => {
    const validated = { status: "validated", rules: [{ method: "GET", path: "/domain" }], expiration: null };
    const client = scripted([notValid(), notValid(), validated]);
    await expect(waitForValidation(client, options())).resolves.toEqual(validated);
    expect(client.calls).toBe(3);
  });

  test("stops at once on a key answered as expired or refused, never taking it as valid", async () => {
    const client = scripted([{ status: "expired", rules: [], expiration: "2020-01-01T00:00:00Z" }]);
    await expect(waitForValidation(client, options())).rejects.toThrow("the consumer key is expired");
    expect(client.calls).toBe(1);
  });

  test("stops when aborted (Ctrl-C), saying nothing was stored", async () => {
    const abort = new AbortController();
    const client = scripted([notValid()]);
    const waiting = waitForValidation(client, { ...options(), intervalMs: 60_000, signal: abort.signal });
    abort.abort();
    await expect(waiting).rejects.toThrow("interrupted before the consumer key was validated; nothing was stored");
  });
});
