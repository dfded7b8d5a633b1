import { diffZoneRecord } from "../../../provider/zone-record/diff";
import { UNKNOWN_VALUE, isUnknownValue } from "../../../provider/zone-record/unknown";

const stored = {
  zoneName: "example.com",
  subDomain: "www",
  fieldType: "A",
  target: "203.0.113.10",
  ttl: 3600,
  recordId: "5390038375",
  fqdn: "www.example.com",
  __provider: "exports.handler = () => old",
};
const inputsOf = (over: Record<string, unknown> = {}) => {
  const { recordId: _r, fqdn: _f, ...inputs } = stored;
  return { ...inputs, __provider: "exports.handler = () => new", ...over };
};
const diff = (olds: Record<string, unknown>, news: Record<string, unknown>) => diffZoneRecord(olds, news, isUnknownValue);

describe("diffZoneRecord", () => {
  it("shows no change for the same record, even when the provider's code changed", () => {
    expect(diff(stored, inputsOf())).toEqual({ changes: false, replaces: [], changed: [], deleteBeforeReplace: false });
  });

  it.each([
    ["target", "203.0.113.11"],
    ["ttl", 60],
    ["subDomain", "web"],
    ["subDomain", ""],
  ])("updates %s in place", (key, value) => {
    expect(diff(stored, inputsOf({ [key]: value }))).toEqual({ changes: true, replaces: [], changed: [key], deleteBeforeReplace: false });
  });

  it.each([
    ["zoneName", "example.org"],
    ["fieldType", "AAAA"],
  ])("replaces on a change of %s", (key, value) => {
    const result = diff(stored, inputsOf({ [key]: value, target: key === "fieldType" ? "2001:db8::1" : stored.target }));
    expect(result.changes).toBe(true);
    expect(result.replaces).toEqual([key]);
    expect(result.deleteBeforeReplace).toBe(false);
  });

  it("updates in place when the owner's claim is to be written: a new owner, or a claim the outputs no longer carry", () => {
    const { recordId: _r, fqdn: _f, __provider: _p, ...inputs } = stored;
    expect(diffZoneRecord(stored, { ...inputs, owner: "team-a" }, isUnknownValue)).toMatchObject({ changes: true, replaces: [], changed: ["owner"] });
    expect(diffZoneRecord({ ...stored, owner: "team-a" }, { ...inputs, owner: "team-a" }, isUnknownValue).changes).toBe(false);
    expect(diffZoneRecord({ ...stored, owner: "team-a" }, inputs, isUnknownValue).changed).toEqual(["owner"]);
  });

  it("deletes before it creates when a replacement would hold a CNAME beside the old record", () => {
    const result = diff(stored, inputsOf({ fieldType: "CNAME", target: "web.example.com." }));
    expect(result).toEqual({ changes: true, replaces: ["fieldType"], changed: ["fieldType", "target"], deleteBeforeReplace: true });
  });

  it("creates before it deletes when the CNAME replacement moves to another zone", () => {
    const cname = { ...stored, fieldType: "CNAME", target: "web.example.com." };
    expect(diff(cname, { ...cname, zoneName: "example.org" }).deleteBeforeReplace).toBe(false);
  });

  it.each([
    ["TXT as OVH returns it, quoted", "TXT", "v=spf1 -all", "\"v=spf1 -all\""],
    ["TXT split by OVH in 255-byte strings", "TXT", "a".repeat(300), `"${"a".repeat(255)}" "${"a".repeat(45)}"`],
    ["host-name case in a CNAME", "CNAME", "Web.Example.COM.", "web.example.com."],
    ["host-name case in an MX", "MX", "10 MX1.example.com.", "10 mx1.example.com."],
    ["IPv6 spellings", "AAAA", "2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
  ])("shows no change for %s", (_what, fieldType, storedTarget, newTarget) => {
    const olds = { ...stored, fieldType, target: storedTarget };
    expect(diff(olds, inputsOf({ fieldType, target: newTarget })).changes).toBe(false);
  });

  it("shows a change when TXT content differs only in case", () => {
    const olds = { ...stored, fieldType: "TXT", target: "token=ABC" };
    expect(diff(olds, inputsOf({ fieldType: "TXT", target: "token=abc" })).changed).toEqual(["target"]);
  });

  it("compares subDomain and zoneName without regard to case", () => {
    expect(diff(stored, inputsOf({ subDomain: "WWW", zoneName: "Example.COM" })).changes).toBe(false);
  });

  it("treats a value not known yet as a possible change, replacing when it forces one", () => {
    expect(diff(stored, inputsOf({ target: UNKNOWN_VALUE }))).toMatchObject({ changes: true, replaces: [], changed: ["target"] });
    expect(diff(stored, inputsOf({ zoneName: UNKNOWN_VALUE }))).toMatchObject({ changes: true, replaces: ["zoneName"] });
  });
});
