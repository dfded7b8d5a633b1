import { startEmulator, type Emulator } from "../../emulator";
import { ovhCall } from "./helpers/ovh-call";

const ZONE = "/domain/zone/example.com";
const RECORD = `${ZONE}/record/5390038375`; // the seeded record

describe("emulator bad input: OVH-shaped 4xx, state unchanged", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ zones: { "example.com": [{ subDomain: "www", fieldType: "A", target: "192.0.2.1", ttl: 300 }] } });
  });
  afterAll(() => emu.close());

  test.each([
    ["malformed JSON", "POST", `${ZONE}/record`, '{"fieldType":"A",', 400],
    ["a JSON array body", "POST", `${ZONE}/record`, "[1,2]", 400],
    ["a JSON string body", "POST", `${ZONE}/record`, '"A"', 400],
    ["an unknown body field", "POST", `${ZONE}/record`, { fieldType: "A", target: "192.0.2.2", priority: 1 }, 400],
    ["a missing fieldType", "POST", `${ZONE}/record`, { target: "192.0.2.2" }, 400],
    ["a missing target", "POST", `${ZONE}/record`, { fieldType: "A" }, 400],
    ["an empty body", "POST", `${ZONE}/record`, undefined, 400],
    ["ttl as a string", "POST", `${ZONE}/record`, { fieldType: "A", target: "192.0.2.2", ttl: "30" }, 400],
    ["a negative ttl", "POST", `${ZONE}/record`, { fieldType: "A", target: "192.0.2.2", ttl: -1 }, 400],
    ["a non-integer ttl", "POST", `${ZONE}/record`, { fieldType: "A", target: "192.0.2.2", ttl: 1.5 }, 400],
    ["a numeric target", "POST", `${ZONE}/record`, { fieldType: "A", target: 3 }, 400],
    ["an empty target", "POST", `${ZONE}/record`, { fieldType: "TXT", target: " " }, 400],
    ["a subDomain with a space", "POST", `${ZONE}/record`, { fieldType: "A", subDomain: "a b", target: "192.0.2.2" }, 400],
    ["a subDomain that is a number", "POST", `${ZONE}/record`, { fieldType: "A", subDomain: 7, target: "192.0.2.2" }, 400],
    ["an A target that is not IPv4", "POST", `${ZONE}/record`, { fieldType: "A", target: "example.com" }, 400],
    ["an AAAA target that is not IPv6", "POST", `${ZONE}/record`, { fieldType: "AAAA", target: "192.0.2.1" }, 400],
    ["a quoted DKIM target", "POST", `${ZONE}/record`, { fieldType: "DKIM", subDomain: "s._domainkey", target: '"v=DKIM1"' }, 400],
    ["a record in an unknown zone", "POST", "/domain/zone/nope.org/record", { fieldType: "A", target: "192.0.2.2" }, 404],
    ["an unknown PUT field", "PUT", RECORD, { target: "192.0.2.2", weight: 1 }, 400],
    ["a PUT ttl as a string", "PUT", RECORD, { ttl: "300" }, 400],
    ["a PUT changing id", "PUT", RECORD, { id: 1, target: "192.0.2.2" }, 400],
    ["a PUT with an invalid A target", "PUT", RECORD, { target: "nope" }, 400],
    ["a PUT on an unknown id", "PUT", `${ZONE}/record/1`, { target: "192.0.2.2" }, 404],
    ["a DELETE on an unknown id", "DELETE", `${ZONE}/record/1`, undefined, 404],
    ["a non-numeric record id", "DELETE", `${ZONE}/record/abc`, undefined, 404],
    ["a bad fieldType filter", "GET", `${ZONE}/record?fieldType=HINFO`, undefined, 400],
    ["an unknown query parameter", "GET", `${ZONE}/record?type=A`, undefined, 400],
    ["a refresh with a body", "POST", `${ZONE}/refresh`, { now: true }, 400],
    ["a PATCH", "PATCH", RECORD, { target: "192.0.2.2" }, 405],
    ["a POST on a GET-only route", "POST", `${ZONE}/status`, undefined, 405],
    ["an unknown route", "POST", `${ZONE}/records`, { fieldType: "A", target: "192.0.2.2" }, 404],
    ["a broken percent-encoding", "DELETE", "/domain/zone/%E0%A4%A/record/5390038375", undefined, 404],
  ])("%s -> %i", async (_name, method, path, body, status) => {
    const before = JSON.stringify(emu.zone("example.com"));
    const res = await ovhCall(emu, method, path, { body });
    expect(res.status).toBe(status);
    expect(res.headers.get("x-ovh-queryid")).not.toBeNull();
    expect(Object.keys(res.json as object)).toEqual(["class", "message"]);
    expect(JSON.stringify(emu.zone("example.com"))).toBe(before);
    expect(emu.zone("example.com").pendingChanges).toBe(false);
    expect(emu.log.at(-1)).toMatchObject({ status, outcome: "error", applied: false });
  });

  test("a body over 1 MiB gets 413 without being buffered", async () => {
    const res = await ovhCall(emu, "POST", `${ZONE}/record`, { body: { fieldType: "TXT", target: "x".repeat(1024 * 1024 + 10) } });
    expect(res.status).toBe(413);
    expect(emu.zone("example.com").records).toHaveLength(1);
  });
});
