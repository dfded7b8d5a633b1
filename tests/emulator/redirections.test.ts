/**
 * The emulator's redirection routes over real sockets: the schema's bodies checked field by field, the A and TXT
 * records OVH keeps for a redirection made, changed and removed with it, and all of it published only by a refresh.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { ovhCall } from "./helpers/ovh-call";

const base = "/domain/zone/example.com/redirection";
const www = { subDomain: "www", type: "visiblePermanent", target: "https://example.org/" };

describe("the emulator's web redirections", () => {
  let emu: Emulator;
  beforeEach(async () => (emu = await startEmulator({ zones: { "example.com": [{ subDomain: "mail", fieldType: "CNAME", target: "ssl0.ovh.net." }] } })));
  afterEach(() => emu.close());

  const lines = () => emu.zone("example.com").records.map((r) => `${r.subDomain} ${r.fieldType} ${r.target}`).sort();

  it("creates a redirection with its A and marker TXT records, answered as domain.zone.Redirection", async () => {
    const made = await ovhCall(emu, "POST", base, { body: www });
    expect(made.status).toBe(200);
    const id = (made.json as { id: number }).id;
    expect(made.json).toEqual({ description: null, id, keywords: null, subDomain: "www", target: "https://example.org/", title: null, type: "visiblePermanent", zone: "example.com" });
    expect(lines()).toEqual(["mail CNAME ssl0.ovh.net.", "www A 213.186.33.5", 'www TXT "1|https://example.org/"']);
    expect((await ovhCall(emu, "GET", `${base}?subDomain=WWW`)).json).toEqual([id]);
    expect((await ovhCall(emu, "GET", `${base}?subDomain=api`)).json).toEqual([]);
    expect((await ovhCall(emu, "GET", `${base}/${id}`)).json).toEqual(made.json);
    // Pending until a refresh, like any record change.
    expect(emu.zone("example.com").pendingChanges).toBe(true);
    expect(emu.zone("example.com").exportText()).not.toContain("213.186.33.5");
    expect((await ovhCall(emu, "POST", "/domain/zone/example.com/refresh")).status).toBe(204);
    expect(emu.zone("example.com").exportText()).toContain("213.186.33.5");
  });

  it.each([
    [{ type: "visible" }, "Missing parameter: target"],
    [{ target: "https://example.org/" }, "Missing parameter: type"],
    [{ ...www, type: "permanent" }, 'Invalid type "permanent": must be one of invisible, visible, visiblePermanent'],
    [{ ...www, target: "" }, "Invalid target: it must not be empty"],
    [{ ...www, target: "https://example.org/a b" }, "Invalid target: a URL holds no space nor control character"],
    [{ ...www, title: "Home" }, "Invalid title: only an invisible redirection has a title, keywords or a description"],
    [{ ...www, ttl: 60 }, "Unknown parameter(s) in body: ttl"],
    [{ ...www, subDomain: "-bad_.." }, 'Invalid domain name "-bad_.."'],
    [{ ...www, subDomain: 5 }, "Body parameter subDomain isn't formated correctly: expected a string"],
  ])("refuses the create body %j with 400 %s, storing nothing", async (body, message) => {
    const answer = await ovhCall(emu, "POST", base, { body });
    expect([answer.status, (answer.json as { message: string }).message]).toEqual([400, message]);
    expect(emu.zone("example.com").redirections).toEqual([]);
    expect(lines()).toEqual(["mail CNAME ssl0.ovh.net."]);
  });

  it("refuses with 409 a second redirection of one name, and one beside a CNAME", async () => {
    expect((await ovhCall(emu, "POST", base, { body: www })).status).toBe(200);
    const twice = await ovhCall(emu, "POST", base, { body: { ...www, subDomain: "WWW", type: "visible" } });
    expect([twice.status, (twice.json as { message: string }).message]).toEqual([409, "A redirection already exists for WWW: change it, or delete it first"]);
    const cname = await ovhCall(emu, "POST", base, { body: { ...www, subDomain: "mail" } });
    expect(cname.status).toBe(409);
    expect((cname.json as { message: string }).message).toMatch(/^mail holds a CNAME record \(id \d+\): a redirection cannot be added beside it$/);
    expect(emu.zone("example.com").redirections).toHaveLength(1);
  });

  it("changes type, target and frame fields in place, the marker TXT following; subDomain is read-only", async () => {
    const id = ((await ovhCall(emu, "POST", base, { body: www })).json as { id: number }).id;
    const put = await ovhCall(emu, "PUT", `${base}/${id}`, { body: { type: "invisible", target: "https://example.net/", title: "Home", keywords: null, description: "d" } });
    expect(put.status).toBe(204);
    expect((await ovhCall(emu, "GET", `${base}/${id}`)).json).toMatchObject({ type: "invisible", target: "https://example.net/", title: "Home", keywords: null, description: "d" });
    expect(lines()).toContain('www TXT "2|https://example.net/"');
    const moved = await ovhCall(emu, "PUT", `${base}/${id}`, { body: { subDomain: "web" } });
    expect([moved.status, (moved.json as { message: string }).message]).toEqual([400, "Try to alter read-only properties: subDomain"]);
    // The full object, as a pre-2024 client sent it, is accepted when its read-only fields are unchanged.
    expect((await ovhCall(emu, "PUT", `${base}/${id}`, { body: { id, zone: "example.com", subDomain: "www", type: "visible", target: "https://example.net/", title: null, keywords: null, description: null } })).status).toBe(204);
    // Back to a visible type, a frame field left set is refused: the client clears it.
    const stale = await ovhCall(emu, "PUT", `${base}/${id}`, { body: { type: "visible", title: "Home" } });
    expect(stale.status).toBe(400);
    expect(lines()).toContain('www TXT "4|https://example.net/"');
  });

  it("deletes a redirection with the records kept for it (those still there), and answers 404 after", async () => {
    const id = ((await ovhCall(emu, "POST", base, { body: www })).json as { id: number }).id;
    const txt = emu.zone("example.com").records.find((r) => r.fieldType === "TXT")!;
    expect((await ovhCall(emu, "DELETE", `/domain/zone/example.com/record/${txt.id}`)).status).toBe(204);
    expect((await ovhCall(emu, "DELETE", `${base}/${id}`)).status).toBe(204);
    expect(lines()).toEqual(["mail CNAME ssl0.ovh.net."]);
    const again = await ovhCall(emu, "GET", `${base}/${id}`);
    expect([again.status, (again.json as { message: string }).message]).toEqual([404, `The requested object (id = ${id}) does not exist`]);
    expect((await ovhCall(emu, "GET", "/domain/zone/nowhere.example/redirection")).status).toBe(404);
  });

  it("keeps redirections in its state file across a restart", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "redirection-state-"));
    const stateFile = path.join(dir, "state.json");
    try {
      const first = await startEmulator({ zones: { "example.com": [] }, stateFile });
      const id = ((await ovhCall(first, "POST", base, { body: www })).json as { id: number }).id;
      await first.close();
      const second = await startEmulator({ stateFile });
      try {
        expect((await ovhCall(second, "GET", `${base}/${id}`)).json).toMatchObject({ id, subDomain: "www", type: "visiblePermanent" });
        const next = ((await ovhCall(second, "POST", base, { body: { ...www, subDomain: "shop" } })).json as { id: number }).id;
        expect(next).toBeGreaterThan(id);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
