import { OvhApiError, OvhResponseError } from "../../../provider/ovh/errors";
import { createRedactor } from "../../../provider/ovh/redact";
import { readResponse } from "../../../provider/ovh/response";

const CONSUMER_KEY = "MtSwSrPpNjqfVSmJhLbPyr2i45lSwPU1"; // 32 characters, as OVH issues them
const ctx = { method: "GET", path: "/domain/zone", redact: createRedactor([CONSUMER_KEY]) };
/** A proxy that echoes the request headers, with the consumer key across the 300-character cut. */
const straddling = `${"x".repeat(272)} X-Ovh-Consumer: ${CONSUMER_KEY} and more`;
const leaks = (text: string) => [8, 12, 20].some((n) => text.includes(CONSUMER_KEY.slice(0, n)));

describe("errors built from a body that echoes a secret", () => {
  it("redact before cutting the excerpt of a 2xx body that is not JSON, and its parse error too", () => {
    for (const body of [straddling, `{"echo": "${CONSUMER_KEY}`]) {
      const err = (() => {
        try {
          readResponse({ status: 200, headers: {}, body }, ctx);
        } catch (e) {
          return e as OvhResponseError;
        }
        throw new Error("expected a rejection");
      })();
      expect(err).toBeInstanceOf(OvhResponseError);
      expect([leaks(err.message), leaks(String((err.cause as Error).message))]).toEqual([false, false]);
    }
  });

  it("redact before cutting the message of an error status", () => {
    let err: unknown;
    try {
      readResponse({ status: 502, headers: {}, body: straddling }, ctx);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OvhApiError);
    expect(leaks((err as OvhApiError).message)).toBe(false);
    expect((err as OvhApiError).message).toContain("X-Ovh-Consumer: [redacted] …");
  });
});
