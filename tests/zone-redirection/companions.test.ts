/**
 * The A and TXT records OVH keeps for a web redirection belong to the redirection: a Zone never counts them as
 * unmanaged (nor prunes them), a ZoneRecord's adopt never takes one over, and deleting the redirection removes them.
 */
import type { ZoneRecordInfo } from "../../provider/zone-record";
import { RedirectionRecordError } from "../../provider/zone-redirection/errors";
import { isRedirectionCompanion, redirectedNames } from "../../provider/zone-redirection/companions";
import { chooseRecords } from "../../provider/zone-manifest";
import { prunable } from "../../provider/zone-manifest/prune-provider";
import type { ZoneSession } from "../../provider/zone-record/session";
import { RecordOwnership } from "../../provider/zone-record/ownership";
import { declareRecords } from "../../sdk/zone/records";
import { findUnmanaged } from "../../sdk/zone/unmanaged";
import { behindPulumi } from "../zone-record/support";
import { recordLines, startRedirectionRig, type RedirectionRig } from "./support";

let nextId = 100;
const listed = (subDomain: string, fieldType: string, target: string): ZoneRecordInfo =>
  ({ recordId: String(nextId++), zoneName: "example.com", subDomain, fieldType, target, ttl: 0, fqdn: "" });
const names = (rs: ZoneRecordInfo[]) => rs.map((r) => `${r.subDomain || "@"} ${r.fieldType} ${r.target}`);

/** A zone with a redirection of `www` (its A and marker TXT), and records of the user's beside it. */
const zone = () => [
  listed("www", "A", "213.186.33.5"), listed("www", "TXT", '"1|https://example.org/"'),
  listed("", "TXT", '"v=spf1 mx -all"'), listed("old", "A", "203.0.113.99"), listed("web", "A", "213.186.33.5"),
];

describe("the records a redirection keeps", () => {
  it("are told by content: a digits-and-bar TXT, and the A records of a name holding one", () => {
    const redirected = redirectedNames(zone());
    expect([...redirected]).toEqual(["www"]);
    expect(zone().filter((r) => isRedirectionCompanion(r, redirected)).map((r) => `${r.subDomain} ${r.fieldType}`)).toEqual(["www A", "www TXT"]);
  });

  it("are never a Zone's unmanaged records, while the user's records beside them still are", () => {
    const declared = declareRecords("example.com", [{ fieldType: "TXT", target: "v=spf1 mx -all" }]);
    expect(names(findUnmanaged(declared, zone()))).toEqual(["old A 203.0.113.99", "web A 213.186.33.5"]);
  });

  it("are never pruned under unmanaged: \"delete\", even when named", () => {
    const session = { owners: new RecordOwnership() } as unknown as ZoneSession;
    const free = prunable(zone(), { zoneName: "example.com", heldIds: [] }, session);
    const wanted = [{ subDomain: "www", fieldType: "A", target: "213.186.33.5" }, { subDomain: "old", fieldType: "A", target: "203.0.113.99" }];
    expect(names(chooseRecords(wanted, free))).toEqual(["old A 203.0.113.99"]);
  });
});

describe("a ZoneRecord with adopt beside a redirection", () => {
  let rig: RedirectionRig;
  beforeEach(async () => (rig = await startRedirectionRig()));
  afterEach(() => rig.emulator.close());

  it("refuses to take over the redirection's A or TXT record, naming ZoneRedirection, and writes nothing", async () => {
    await behindPulumi(rig).request("POST", "/domain/zone/example.com/redirection", { body: { subDomain: "www", type: "visible", target: "https://example.org/" } });
    const before = rig.emulator.count({ method: "POST" });
    const a = await rig.records.create({ zoneName: "example.com", subDomain: "www", fieldType: "A", target: "213.186.33.5", ttl: 0, adopt: true }).catch((e: unknown) => e);
    expect(a).toBeInstanceOf(RedirectionRecordError);
    expect((a as Error).message).toMatch(/^www A 213.186.33.5 exists \(record \d+ of zone example.com\), but OVH keeps it for the web redirection of www: .* declare a ZoneRedirection \(with adopt: true\) instead\./);
    const txt = await rig.records.create({ zoneName: "example.com", subDomain: "www", fieldType: "TXT", target: "4|https://example.org/", ttl: 0, adopt: true }).catch((e: unknown) => e);
    expect(txt).toBeInstanceOf(RedirectionRecordError);
    expect(rig.emulator.count({ method: "POST" })).toBe(before);
  });

  it("still adopts the same A record at a name with no redirection", async () => {
    await behindPulumi(rig).request("POST", "/domain/zone/example.com/record", { body: { subDomain: "web", fieldType: "A", target: "213.186.33.5" } });
    const { id } = await rig.records.create({ zoneName: "example.com", subDomain: "web", fieldType: "A", target: "213.186.33.5", ttl: 0, adopt: true });
    expect(recordLines(rig.emulator)).toEqual(["web A 213.186.33.5"]);
    expect(id).toBe(String(rig.emulator.zone("example.com").records[0].id));
  });
});
