import { signRequest } from "../../../provider/ovh/signature";

// Known-answer vectors: the OVH guide's example ("Premiers pas avec les API OVHcloud"), and the fixed secret,
// consumer key and timestamp of the signing tests of ovh/go-ovh (ovh_test.go) and ovh/python-ovh.
const GO_PY = {
  applicationSecret: "9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk",
  consumerKey: "5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY",
  timestamp: 1457018875,
};

describe("signRequest", () => {
  it("matches the OVH guide's example (GET https://eu.api.ovh.com/1.0/domain/)", () => {
    expect(
      signRequest({
        applicationSecret: "EXEgWIz07P0HYwtQDs7cNIqCiQaWSuHF",
        consumerKey: "MtSwSrPpNjqfVSmJhLbPyr2i45lSwPU1",
        method: "GET",
        url: "https://eu.api.ovh.com/1.0/domain/",
        body: "",
        timestamp: 1366560945,
      }),
    ).toBe("$1$6a77f43f2871db97a029f1d1d81c4dcd3c6f7265");
  });

  it.each([
    ["GET", "https://eu.api.ovh.com/1.0/auth", "", "$1$e9556054b6309771395efa467c22e627407461ad"],
    ["POST", "https://eu.api.ovh.com/1.0/auth", '{"a":"b","c":"d"}', "$1$ec2fb5c7a81f64723c77d2e5b609ae6f58a84fc1"],
    ["PUT", "https://eu.api.ovh.com/1.0/auth", '{"a":"b","c":"d"}', "$1$8a75a9e7c8e7296c9dbeda6a2a735eb6bd58ec4b"],
    ["DELETE", "https://eu.api.ovh.com/1.0/auth", "", "$1$a1eecd00b3b02b6cf5708b84b9ff42059a950d85"],
    ["GET", "https://eu.api.ovh.com/1.0/call", "", "$1$7f2db49253edfc41891023fcd1a54cf61db05fbb"],
    ["GET", "https://eu.api.ovh.com/v1/call", "", "$1$e6e7906d385eb28adcbfbe6b66c1528a42d741ad"],
    ["GET", "https://eu.api.ovh.com/v2/call", "", "$1$bb63b132a6f84ad5433d0c534d48d3f7c3804285"],
  ])("matches the go-ovh/python-ovh vector %s %s %s", (method, url, body, expected) => {
    expect(signRequest({ ...GO_PY, method, url, body })).toBe(expected);
  });

  it("upper-cases the method and accepts the timestamp as a string", () => {
    expect(signRequest({ ...GO_PY, method: "delete", url: "https://eu.api.ovh.com/1.0/auth", body: "", timestamp: "1457018875" })).toBe(
      "$1$a1eecd00b3b02b6cf5708b84b9ff42059a950d85",
    );
  });

  it("changes when a single byte of the body changes", () => {
    const base = { ...GO_PY, method: "POST", url: "https://eu.api.ovh.com/1.0/auth" };
    expect(signRequest({ ...base, body: '{"a":"b","c":"e"}' })).not.toBe("$1$ec2fb5c7a81f64723c77d2e5b609ae6f58a84fc1");
  });
});
