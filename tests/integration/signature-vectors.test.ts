/**
 * docs/ovh-api.md §1 signature vectors across the wire: the client's signer, the emulator's verifier and the
 * vectors must all agree. The client talks to `https://eu.api.ovh.com` as far as its signer knows;
 * a transport pointed at the emulator carries the bytes to 127.0.0.1 unchanged.
 */
import { request } from "node:http";
import { type Emulator, computeSignature, startEmulator } from "../../emulator";
import { OvhApiError, createHttpTransport, signRequest, type Transport, type TransportRequest } from "../../provider/ovh";
import { caught, clientWith } from "./support";

// The OVH guide's keys (the seed document; the AK is the guide's, it is not signed) and the
// go-ovh/python-ovh test suites' keys (TestAllAPIMethods, test_call_signature).
const DOC = { ak: "7kbG7Bk7S9Nt7ZSV", as: "EXEgWIz07P0HYwtQDs7cNIqCiQaWSuHF", ck: "MtSwSrPpNjqfVSmJhLbPyr2i45lSwPU1", ts: 1366560945 };
const SDK = { ak: "TDPKJdwZwAQPwKX2", as: "9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk", ck: "5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY", ts: 1457018875 };
const ORIGIN = "https://eu.api.ovh.com";

type Keys = typeof DOC;
/** [method, URL, body, signature, keys] as in docs/ovh-api.md §1. */
const VECTORS: [string, string, string, string, Keys][] = [
  ["GET", `${ORIGIN}/1.0/domain/`, "", "$1$6a77f43f2871db97a029f1d1d81c4dcd3c6f7265", DOC],
  ["GET", `${ORIGIN}/1.0/auth`, "", "$1$e9556054b6309771395efa467c22e627407461ad", SDK],
  ["POST", `${ORIGIN}/1.0/auth`, '{"a":"b","c":"d"}', "$1$ec2fb5c7a81f64723c77d2e5b609ae6f58a84fc1", SDK],
  ["PUT", `${ORIGIN}/1.0/auth`, '{"a":"b","c":"d"}', "$1$8a75a9e7c8e7296c9dbeda6a2a735eb6bd58ec4b", SDK],
  ["DELETE", `${ORIGIN}/1.0/auth`, "", "$1$a1eecd00b3b02b6cf5708b84b9ff42059a950d85", SDK],
  ["GET", `${ORIGIN}/1.0/call`, "", "$1$7f2db49253edfc41891023fcd1a54cf61db05fbb", SDK],
  ["GET", `${ORIGIN}/v1/call`, "", "$1$e6e7906d385eb28adcbfbe6b66c1528a42d741ad", SDK],
  ["GET", `${ORIGIN}/v2/call`, "", "$1$bb63b132a6f84ad5433d0c534d48d3f7c3804285", SDK],
];

/** An emulator frozen at the vector's second, signing against eu.api.ovh.com, knowing the vector's keys. */
function vectorEmulator(keys: Keys): Promise<Emulator> {
  return startEmulator({
    publicOrigin: ORIGIN,
    now: () => keys.ts * 1000,
    domains: ["ovh.com", "ovh.net"],
    applications: [{ applicationKey: keys.ak, applicationSecret: keys.as }],
    consumerKeys: [{ consumerKey: keys.ck, applicationKey: keys.ak, rules: ["GET", "POST", "PUT", "DELETE"].map((method) => ({ method, path: "/*" })) }],
  });
}

/** The default transport, with `https://eu.api.ovh.com` swapped for the emulator's origin; records what it sent. */
function redirectTo(emu: Emulator): { transport: Transport; sent: TransportRequest[]; close(): void } {
  const http = createHttpTransport();
  const sent: TransportRequest[] = [];
  const transport: Transport = (req) => {
    sent.push(req);
    return http.send({ ...req, url: emu.origin + req.url.slice(ORIGIN.length) });
  };
  return { transport, sent, close: http.close };
}

/** A raw request with exactly the given headers and body, no client involved. */
function rawRequest(emu: Emulator, method: string, target: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: emu.port, method, path: target, headers: { ...headers, Connection: "close" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(body === "" ? undefined : body);
  });
}

function vectorHeaders(keys: Keys, signature: string): Record<string, string> {
  return { "X-Ovh-Application": keys.ak, "X-Ovh-Consumer": keys.ck, "X-Ovh-Timestamp": String(keys.ts), "X-Ovh-Signature": signature };
}

describe("the signature vectors of docs/ovh-api.md §1", () => {
  it.each(VECTORS)("both signers give the known answer for %s %s", (method, url, body, expected, keys) => {
    const input = { applicationSecret: keys.as, consumerKey: keys.ck, method, url, body };
    expect(signRequest({ ...input, timestamp: keys.ts })).toBe(expected);
    expect(computeSignature({ ...input, timestamp: String(keys.ts) })).toBe(expected);
  });

  it.each(VECTORS)("the client sends exactly the vector's headers for %s %s, clock taken from the emulator", async (method, url, body, expected, keys) => {
    const emu = await vectorEmulator(keys);
    const redirect = redirectTo(emu);
    try {
      // The local clock is a day late: only GET /auth/time can give the client the vector's second.
      const { client } = clientWith(
        { endpoint: "ovh-eu", applicationKey: keys.ak, applicationSecret: keys.as, consumerKey: keys.ck },
        { transport: redirect.transport, now: () => (keys.ts - 86_400) * 1000 },
      );
      const path = url.slice(ORIGIN.length).replace(/^\/1\.0/, "");
      // Only /1.0/domain/ has a route: the emulator routes before it authenticates, so the others
      // get 404 whatever their signature. What is checked here is what the client put on the wire.
      await client.request(method, path, { body: body === "" ? undefined : JSON.parse(body) }).catch(() => undefined);
      const signed = redirect.sent.at(-1) as TransportRequest;
      expect([signed.method, signed.url, signed.body ?? ""]).toEqual([method, url, body]);
      expect(signed.headers).toMatchObject(vectorHeaders(keys, expected));
      expect(redirect.sent.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${ORIGIN}/1.0/auth/time`, `${method} ${url}`]);
    } finally {
      redirect.close();
      await emu.close();
    }
  });

  describe("the emulator's own verifier on the wire", () => {
    let emu: Emulator;
    beforeAll(async () => {
      emu = await vectorEmulator(DOC);
    });
    afterAll(() => emu.close());

    it("accepts the OVH guide's request byte for byte and answers its example", async () => {
      const res = await rawRequest(emu, "GET", "/1.0/domain/", vectorHeaders(DOC, "$1$6a77f43f2871db97a029f1d1d81c4dcd3c6f7265"), "");
      expect([res.status, JSON.parse(res.text)]).toEqual([200, ["ovh.com", "ovh.net"]]);
    });

    it("refuses the same request with one hex digit of the signature changed", async () => {
      const res = await rawRequest(emu, "GET", "/1.0/domain/", vectorHeaders(DOC, "$1$6a77f43f2871db97a029f1d1d81c4dcd3c6f7266"), "");
      expect([res.status, JSON.parse(res.text)]).toEqual([400, { class: "Client::BadRequest", message: "Invalid signature" }]);
    });

    it("refuses the vector's signature on another URL (no trailing slash)", async () => {
      const res = await rawRequest(emu, "GET", "/1.0/domain", vectorHeaders(DOC, "$1$6a77f43f2871db97a029f1d1d81c4dcd3c6f7265"), "");
      expect(res.status).toBe(400);
    });

    it("the client through the redirecting transport gets the guide's answer too", async () => {
      const redirect = redirectTo(emu);
      try {
        const { client } = clientWith(
          { endpoint: "ovh-eu", applicationKey: DOC.ak, applicationSecret: DOC.as, consumerKey: DOC.ck },
          { transport: redirect.transport },
        );
        expect(await client.get("/domain/")).toEqual(["ovh.com", "ovh.net"]);
        const err = await caught(() => client.get("/domain/zone/nothing.example"));
        expect([(err as OvhApiError).status, (err as OvhApiError).apiMessage]).toEqual([404, "This service does not exist"]);
      } finally {
        redirect.close();
      }
    });
  });
});
