import { OvhApiError, OvhResponseError } from "../../../provider/ovh/errors";
import { CreateLedger, UnsettledCreateError, createRecordOnce } from "../../../provider/zone-record/create-record";
import { ZoneApi } from "../../../provider/zone-record";
import { RecordOwnership } from "../../../provider/zone-record/ownership";
import { ApiRecordError, ZoneRecordError, type RecordSpec } from "../../../provider/records";
import { FakeZone, lost } from "./support/fake-zone";

const spec: RecordSpec = { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "192.0.2.1", ttl: 3600 };
const body = { fieldType: "A" as const, subDomain: "www", target: "192.0.2.1", ttl: 3600 };
const POST = "POST /domain/zone/example.com/record";

function setUp() {
  const zone = new FakeZone();
  const api = new ZoneApi(zone);
  const ledger = new CreateLedger(api, new RecordOwnership());
  const create = () => createRecordOnce(api, ledger, spec, body, { sleep: zone.sleep });
  return { zone, api, ledger, create };
}

describe("createRecordOnce", () => {
  it("adopts the record of a POST answered 200 with a body that is not JSON, and never posts again", async () => {
    const { zone, create } = setUp();
    zone.postFaults.push(async (apply) => {
      apply();
      throw new OvhResponseError({ status: 200, method: "POST", path: "/domain/zone/example.com/record", excerpt: "<html>" });
    });
    const made = await create();
    expect([zone.records.size, zone.count(POST), String(made.id)]).toEqual([1, 1, [...zone.records.keys()][0]]);
  });

  it("waits, then looks, then posts: a POST applied after the client gave up is found, not sent again", async () => {
    const { zone, create } = setUp();
    zone.postFaults.push(async (apply) => {
      zone.late.push(apply); // applied only once time has passed (at the next sleep)
      throw lost();
    });
    const made = await create();
    expect([zone.records.size, zone.count(POST)]).toEqual([1, 1]);
    expect(zone.records.get(String(made.id))?.target).toBe("192.0.2.1");
  });

  it("never adopts an identical record that was in the zone before this process's first create", async () => {
    const { zone, create } = setUp();
    const before = zone.seed(body);
    zone.postFaults.push(async () => {
      throw lost(); // not applied after all
    });
    const made = await create();
    expect(String(made.id)).not.toBe(before);
    expect([zone.records.size, zone.count(POST)]).toEqual([2, 2]);
  });

  it("never adopts the record another create of this process owns", async () => {
    const { zone, api, ledger, create } = setUp();
    const first = await createRecordOnce(api, ledger, spec, body, { sleep: zone.sleep });
    zone.postFaults.push(async () => {
      throw lost(); // not applied: the only identical new record is the first create's
    });
    const second = await create();
    expect(second.id).not.toBe(first.id);
    expect([zone.records.size, zone.count(POST)]).toEqual([2, 3]);
  });

  it("gives one record to one of two identical creates whose lookups run in parallel", async () => {
    const { zone, create } = setUp();
    // Both POSTs lose their answer; only the first was applied. Both lookups see one new identical record.
    zone.postFaults.push(async (apply) => (apply(), Promise.reject(lost())), async () => Promise.reject(lost()));
    const [a, b] = await Promise.all([create(), create()]);
    expect(a.id).not.toBe(b.id);
    expect([zone.records.size, zone.count(POST)]).toEqual([2, 3]);
  });

  it("retries a failed lookup, and when it still fails names the record that may exist", async () => {
    const { zone, create } = setUp();
    zone.postFaults.push(async (apply) => (apply(), Promise.reject(lost())));
    const down = () => {
      throw new OvhApiError({ status: 503, apiMessage: "busy", method: "GET", path: "/domain/zone/example.com/record" });
    };
    // idsBefore succeeds; every lookup listing fails.
    zone.getFaults.push(undefined, down, down, down);
    const err = await create().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnsettledCreateError);
    expect((err as Error).message).toMatch(/^the creation of www A 192\.0\.2\.1 \(ttl 3600\) in zone example\.com may have been applied/);
    expect((err as Error).message).toMatch(/next `pulumi up`/);
    expect(zone.count("GET /domain/zone/example.com/record")).toBe(4);
    expect(zone.count(POST)).toBe(1);
  });

  it("settles a lookup that fails once and then works", async () => {
    const { zone, create } = setUp();
    zone.postFaults.push(async (apply) => (apply(), Promise.reject(lost())));
    zone.getFaults.push(undefined, () => {
      throw lost("GET");
    });
    await create();
    expect([zone.records.size, zone.count(POST)]).toEqual([1, 1]);
  });

  it("throws a refusal (400) at once, with one POST", async () => {
    const { zone, create } = setUp();
    const refused = new OvhApiError({ status: 400, apiMessage: "Invalid target", method: "POST", path: "/domain/zone/example.com/record" });
    zone.postFaults.push(async () => Promise.reject(refused));
    await expect(create()).rejects.toBe(refused);
    expect([zone.records.size, zone.count(POST)]).toEqual([0, 1]);
  });

  it("posts again after a 429 without using up its attempts", async () => {
    const { zone, api, ledger } = setUp();
    const throttled = () => Promise.reject(new OvhApiError({ status: 429, apiMessage: "slow", method: "POST", path: "/p" }));
    zone.postFaults.push(throttled, throttled, throttled);
    await createRecordOnce(api, ledger, spec, body, { sleep: zone.sleep, attempts: 1 });
    expect([zone.records.size, zone.count(POST)]).toEqual([1, 4]);
  });
  it("looks up the record of a POST answered with id 0 (OVH's known bug) instead of tracking id 0", async () => {
    const { zone, create } = setUp();
    zone.postFaults.push(async (apply) => ({ ...apply(), id: 0 }));
    const made = await create();
    expect([String(made.id), zone.records.size, zone.count(POST)]).toEqual([[...zone.records.keys()][0], 1, 1]);
  });

  it.each([
    [2 ** 53 + 2, "9007199254740994"],
    [-5, "-5"],
    [12.5, "12.5"],
    ["5390038375", '"5390038375"'],
  ])("refuses to track a created record answered with id %p, naming the record, and posts once", async (id, shown) => {
    const { zone, create } = setUp();
    zone.postFaults.push(async (apply) => ({ ...apply(), id: id as number }));
    const failure = await create().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ApiRecordError);
    expect(failure).toBeInstanceOf(ZoneRecordError);
    expect((failure as Error).message).toBe(
      `OVH answered the creation of www A 192.0.2.1 (ttl 3600) in zone example.com with id ${shown}, which is not a whole number ` +
        "from 1 to 2^53 - 1: the record was made but cannot be tracked by that id. Delete it in the OVH console (or with the API), then run `pulumi up` again.",
    );
    expect(zone.count(POST)).toBe(1);
  });
});

describe("CreateLedger", () => {
  it("lists a zone once for every create, and again after a failed listing", async () => {
    const { zone, ledger } = setUp();
    zone.seed(body);
    zone.getFaults.push(() => {
      throw lost("GET");
    });
    await expect(ledger.idsBefore("example.com")).rejects.toThrow(/timed out/);
    const [a, b] = await Promise.all([ledger.idsBefore("example.com"), ledger.idsBefore("example.com")]);
    expect([...a]).toEqual(["1000"]);
    expect(a).toBe(b);
    expect(zone.count("GET /domain/zone/example.com/record")).toBe(2);
  });

  it("lets only the first claim of an id win, per zone", () => {
    const { owners } = setUp().ledger;
    expect([owners.claim("example.com", "7", "a"), owners.claim("example.com", "7", "b"), owners.claim("example.org", "7", "b")]).toEqual([true, false, true]);
    expect([owners.isHeld("example.com", "7"), owners.isHeld("example.com", "8")]).toEqual([true, false]);
  });

  it("settles only after every tracked POST of the key has ended, failed ones included", async () => {
    const { ledger } = setUp();
    const order: string[] = [];
    let fail!: (e: Error) => void;
    const post = ledger.track("k", new Promise((_, reject) => (fail = reject))).catch(() => order.push("post failed"));
    const settled = ledger.settle("k").then(() => order.push("settled"));
    await Promise.resolve();
    order.push("failing");
    fail(new Error("x"));
    await Promise.all([post, settled]);
    expect(order).toEqual(["failing", "post failed", "settled"]);
  });
});
