/** The journal of records a run made or deleted that may not be in the state (provider/zone-record/orphan-journal.ts). */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { OrphanJournal } from "../../../provider/zone-record/orphan-journal";
import type { RecordSpec } from "../../../provider/records";

const www: RecordSpec = { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "192.0.2.1", ttl: 300 };
const DAY = 24 * 3600 * 1000;

describe("OrphanJournal", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovh-dns-journal-"));
    file = path.join(dir, "sub", "interrupted-test.json");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("keeps created records for the next process only once flushed, and offers them to a create of the same name and type", () => {
    const first = new OrphanJournal(file);
    first.created(www, "11");
    expect(new OrphanJournal(file).candidates(www)).toEqual([]);
    first.flush();
    const next = new OrphanJournal(file);
    expect(next.candidates({ ...www, subDomain: "WWW" }).map((e) => e.id)).toEqual(["11"]);
    expect(next.candidates({ ...www, fieldType: "AAAA" })).toEqual([]);
    next.forget({ id: "11", spec: www });
    expect(fs.existsSync(file)).toBe(false);
  });

  it("writes a deletion left unpublished at once, never offers it to a create, and forgets it once published", () => {
    const first = new OrphanJournal(file);
    first.created(www, "11");
    first.deletedUnpublished(www, "12");
    const next = new OrphanJournal(file);
    expect(next.wasDeleted("example.com", "12")).toBe(true);
    expect(next.wasDeleted("example.com", "11")).toBe(false);
    expect(next.wasDeleted("example.org", "12")).toBe(false);
    expect(next.candidates(www)).toEqual([]);
    next.forget({ id: "12", spec: www });
    expect(new OrphanJournal(file).wasDeleted("example.com", "12")).toBe(false);
  });

  it("ignores entries older than a week, and a file it cannot read", () => {
    let now = 1_000 * DAY;
    new OrphanJournal(file, () => now).deletedUnpublished(www, "12");
    now += 8 * DAY;
    expect(new OrphanJournal(file, () => now).wasDeleted("example.com", "12")).toBe(false);
    fs.writeFileSync(file, "{ not json");
    expect(new OrphanJournal(file).wasDeleted("example.com", "12")).toBe(false);
    expect(new OrphanJournal(file).candidates(www)).toEqual([]);
  });
});
