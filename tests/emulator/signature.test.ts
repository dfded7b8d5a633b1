import { candidateUrls, computeSignature, verifySignature } from "../../emulator/auth/signature";
import { signOvh } from "./helpers/ovh-call";

// docs/ovh-api.md §1 vectors: the OVH guide and go-ovh / python-ovh test suites.
const DOC = { as: "EXEgWIz07P0HYwtQDs7cNIqCiQaWSuHF", ck: "MtSwSrPpNjqfVSmJhLbPyr2i45lSwPU1", ts: "1366560945" };
const SDK = { as: "9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk", ck: "5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY", ts: "1457018875" };

const VECTORS: [string, string, string, string, typeof DOC][] = [
  ["GET", "https://eu.api.ovh.com/1.0/domain/", "", "$1$6a77f43f2871db97a029f1d1d81c4dcd3c6f7265", DOC],
  ["GET", "https://eu.api.ovh.com/1.0/auth", "", "$1$e9556054b6309771395efa467c22e627407461ad", SDK],
  ["POST", "https://eu.api.ovh.com/1.0/auth", '{"a":"b","c":"d"}', "$1$ec2fb5c7a81f64723c77d2e5b609ae6f58a84fc1", SDK],
  ["PUT", "https://eu.api.ovh.com/1.0/auth", '{"a":"b","c":"d"}', "$1$8a75a9e7c8e7296c9dbeda6a2a735eb6bd58ec4b", SDK],
  ["DELETE", "https://eu.api.ovh.com/1.0/auth", "", "$1$a1eecd00b3b02b6cf5708b84b9ff42059a950d85", SDK],
  ["GET", "https://eu.api.ovh.com/1.0/call", "", "$1$7f2db49253edfc41891023fcd1a54cf61db05fbb", SDK],
  ["GET", "https://eu.api.ovh.com/v1/call", "", "$1$e6e7906d385eb28adcbfbe6b66c1528a42d741ad", SDK],
  ["GET", "https://eu.api.ovh.com/v2/call", "", "$1$bb63b132a6f84ad5433d0c534d48d3f7c3804285", SDK],
];

describe("emulator signature", () => {
  test.each(VECTORS)("computes the known answer for %s %s", (method, url, body, expected, keys) => {
    const input = { applicationSecret: keys.as, consumerKey: keys.ck, method, url, body, timestamp: keys.ts };
    expect(computeSignature(input)).toBe(expected);
    expect(computeSignature({ ...input, body: Buffer.from(body, "utf8") })).toBe(expected);
  });

  test.each(VECTORS)("agrees with the tests' own signer on %s %s", (method, url, body, expected, keys) => {
    expect(signOvh(keys.as, keys.ck, method, url, body, keys.ts)).toBe(expected);
  });

  test("verifies the OVH guide's request when the public origin is eu.api.ovh.com", () => {
    const urls = candidateUrls("https://eu.api.ovh.com", "eu.api.ovh.com", "/1.0/domain/");
    const base = { applicationSecret: DOC.as, consumerKey: DOC.ck, method: "GET", body: "", timestamp: DOC.ts };
    expect(verifySignature("$1$6a77f43f2871db97a029f1d1d81c4dcd3c6f7265", base, urls)).toBe(true);
    expect(verifySignature("$1$6a77f43f2871db97a029f1d1d81c4dcd3c6f7266", base, urls)).toBe(false);
    expect(verifySignature("$1$6a77", base, urls)).toBe(false);
  });

  test("hashes raw body bytes: UTF-8 and \\u-escaped forms of the same JSON differ", () => {
    const base = { applicationSecret: "s", consumerKey: "c", method: "POST", url: "http://x/1.0/a", timestamp: "1" };
    expect(computeSignature({ ...base, body: '{"t":"é"}' })).not.toBe(computeSignature({ ...base, body: '{"t":"\\u00e9"}' }));
  });

  test("accepts the configured origin, the Host header origin and node-ovh's https-without-port form", () => {
    expect(candidateUrls("http://127.0.0.1:8080", "127.0.0.1:8080", "/1.0/domain?x=1")).toEqual([
      "http://127.0.0.1:8080/1.0/domain?x=1",
      "https://127.0.0.1/1.0/domain?x=1",
    ]);
    expect(candidateUrls("https://eu.api.ovh.com", "localhost:9000", "/1.0/a")).toEqual([
      "https://eu.api.ovh.com/1.0/a",
      "http://localhost:9000/1.0/a",
      "https://localhost/1.0/a",
    ]);
  });
});
