/**
 * The types the `ovhdns` plugin serves besides ZoneRecord, ZoneDnssec and the Zone (ZoneRedirection, ZoneSoa,
 * DynHostRecord, DynHostLogin) in a Pulumi YAML program (tests/fixtures/services-yaml), through the real Pulumi
 * CLI, the YAML language host and the plugin, against the emulator, on one stack: the preview writes nothing; `up`
 * makes each, the redirection claimed in the zone's owner registry for the stack's `ovhdns:owner`; a change of each
 * is an update in place; `refresh` finds nothing; `destroy` removes them and puts the SOA back. The login's
 * password, a YAML `fn::secret`, then a plain string (the schema marks the input secret), reaches OVH but never
 * the state file nor the CLI's output.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { stackKeyOf } from "../../provider/zone-record/registry-codec";
import { changes, type CliResult, type PulumiWorkspace } from "../../tools/pulumi-cli";
import { passwordDigest, pluginStack, summary, withCallsPrinted, writes, zoneLines } from "./support";

jest.setTimeout(600_000);

const PROGRAM = path.resolve(__dirname, "../fixtures/services-yaml");
const ZONE = "/domain/zone/example.com";
const FIRST = "yaml-router-5e7a2c";
const SECOND = "yaml-router-91d04b";

describe("ZoneRedirection, ZoneSoa, DynHostRecord and DynHostLogin in Pulumi YAML through the ovhdns plugin", () => {
  let emulator: Emulator;
  let ws: PulumiWorkspace;
  let dir: string;
  const said: string[] = [];
  const run = <T extends CliResult>(fn: () => Promise<T>) => withCallsPrinted(emulator, said, fn);
  const zone = () => emulator.zone("example.com");
  const login = () => zone().dynHostLogins.map((l) => `${l.login} ${l.subDomain} ${l.passwordDigest === passwordDigest(FIRST) ? "FIRST" : l.passwordDigest === passwordDigest(SECOND) ? "SECOND" : "?"}`);

  /** The state file holds the login, its password only encrypted. */
  const noPasswordInState = () => {
    const state = ws.stateFileText();
    expect(state).toContain("ovhdns:index:DynHostLogin");
    expect(state).not.toContain(FIRST);
    expect(state).not.toContain(SECOND);
  };

  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": [] } });
    // A copy of the program, whose password the change edits as a commit would.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovhdns-yaml-services-"));
    fs.copyFileSync(path.join(PROGRAM, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    ws = await pluginStack(emulator, { config: { "ovhdns:owner": "dns/services" } }, dir);
  });
  afterAll(async () => {
    ws?.remove();
    fs.rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  });

  it("previews the four creates with nothing written", async () => {
    const preview = await run(() => ws.preview());
    expect(preview.result.code).toBe(0);
    expect(changes(preview.result).filter((c) => !c.startsWith("create ovh-dns-yaml-services-")).sort()).toEqual(["create blog", "create office", "create router", "create soa"]);
    expect(writes(preview.calls)).toEqual([]);
  });

  it("up makes each, the redirection claimed for ovhdns:owner with the stack's key", async () => {
    const up = await run(() => ws.up());
    expect(up.result.code).toBe(0);
    const [blog] = zone().redirections;
    expect(`${blog.subDomain} ${blog.type} ${blog.target}`).toBe("blog visiblePermanent https://blog.example.org/");
    const key = stackKeyOf("organization", "ovh-dns-yaml-services", ws.stack);
    expect(zoneLines(emulator).filter((l) => l.startsWith("_ovhdns-owner "))).toEqual([`_ovhdns-owner TXT "v=ovhdns1 owner=dns/services stack=${key} redirections=${blog.id}" 0`]);
    expect([zone().soa.nxDomainTtl, zone().soa.email]).toEqual([300, "hostmaster@example.com"]);
    expect(zone().dynHostRecords.map((r) => `${r.subDomain} ${r.ip}`)).toEqual(["office 198.51.100.20"]);
    expect(login()).toEqual(["example.com-router office FIRST"]);
    expect(await ws.outputs()).toMatchObject({ blogId: String(blog.id), blogOwner: "dns/services", officeName: "office.example.com", routerLogin: "example.com-router" });
    expect(changes(await ws.preview())).toEqual([]);
    noPasswordInState();
  });

  it("a change of each is an update in place: one PUT each, the password one changePassword", async () => {
    await ws.setConfig("blogTarget", "https://news.example.org/");
    await ws.setConfig("nxDomainTtl", "600");
    await ws.setConfig("officeIpv4", "198.51.100.21");
    const file = path.join(dir, "Pulumi.yaml");
    const text = fs.readFileSync(file, "utf8");
    expect(text).toContain(`password:\n        fn::secret: ${FIRST}`);
    // The new password as a plain string: the schema marks the input secret, so it is kept as one all the same.
    fs.writeFileSync(file, text.replace(`password:\n        fn::secret: ${FIRST}`, `password: ${SECOND}`));
    const preview = await run(() => ws.preview());
    expect(changes(preview.result).sort()).toEqual(["update blog", "update office", "update router", "update soa"]);
    const up = await run(() => ws.up());
    const [blog] = zone().redirections;
    const [office] = zone().dynHostRecords;
    expect(writes(up.calls).filter((c) => !c.endsWith("/refresh")).sort()).toEqual([
      `POST ${ZONE}/dynHost/login/example.com-router/changePassword`, `PUT ${ZONE}/dynHost/record/${office.id}`,
      `PUT ${ZONE}/redirection/${blog.id}`, `PUT ${ZONE}/soa`,
    ]);
    expect([blog.target, zone().soa.nxDomainTtl, office.ip]).toEqual(["https://news.example.org/", 600, "198.51.100.21"]);
    expect(login()).toEqual(["example.com-router office SECOND"]);
    noPasswordInState();
  });

  it("refresh finds nothing to change, and the next preview neither", async () => {
    const refresh = await run(() => ws.refresh());
    expect(writes(refresh.calls)).toEqual([]);
    expect(summary(refresh.result.stdout)).toEqual({ unchanged: 5 });
    expect(changes(await ws.preview())).toEqual([]);
  });

  it("destroy removes the redirection, its claim, the DynHost record and login, and puts the SOA back", async () => {
    const destroy = await run(() => ws.destroy());
    expect(destroy.result.code).toBe(0);
    expect([zone().redirections, zone().dynHostRecords, zone().dynHostLogins]).toEqual([[], [], []]);
    expect(zoneLines(emulator)).toEqual([]);
    expect([zone().soa.nxDomainTtl, zone().soa.email]).toEqual([60, "tech@ovh.net"]);
  });

  it("never printed either password", () => {
    expect(said.join("\n")).not.toContain(FIRST);
    expect(said.join("\n")).not.toContain(SECOND);
  });
});
