/**
 * The package as a user gets it, outside the repository, through the real Pulumi CLI: `npm pack` into an empty
 * folder, `npm install` of the tarball with the lowest @pulumi/pulumi the peer range admits (the `pulumi-lowest`
 * devDependency, docs/packaging.md), then `examples/basic` copied out (its `file:../..` dependency rewritten to
 * the tarball), previewed, applied and previewed again with no change, against the emulator the package ships
 * (`pulumi-ovh-dns/emulator`). Nothing resolves from this repository: the serialized provider's `require("pulumi-ovh-dns/provider")` finds the installed copy or fails.
 * The same tarball, installed the way a Pulumi YAML user does (`npm install pulumi-ovh-dns @pulumi/pulumi`, with
 * npm's `--install-strategy=shallow`: only those two at the folder's top, so nothing the package does not declare
 * is found by luck of hoisting), then `npx pulumi-ovh-dns plugin install` and examples/yaml copied out: preview, up,
 * destroy through the real CLI; without @pulumi/pulumi beside it, `plugin install` refuses, saying why.
 * Installs use npm's cache first (`--prefer-offline`): `npm ci` put every tarball there.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { changes } from "../../tools/pulumi-cli";
import { packInto } from "../package/pack";
import { installedVersion, LOWEST_PULUMI, OutsideRun } from "./outside";
import { EXAMPLES, installPlugin, withCalls, writes, zoneLines } from "./support";

jest.setTimeout(900_000);

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const LOWEST = LOWEST_PULUMI;

const npm = (args: string[], cwd: string) => run("npm", [...args, "--prefer-offline", "--no-audit", "--no-fund"], { cwd });

/** A Pulumi project folder under `dir` holding `files`, installed with `npm install <packages>`. */
async function project(dir: string, files: Record<string, string>, installs: string[][]): Promise<string> {
  fs.mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  for (const args of installs) await npm(["install", ...args], dir);
  return dir;
}

describe("the packed package, installed outside the repository", () => {
  let dir: string;
  let tarball: string;
  const outside = new OutsideRun();

  /** The YAML user's folder, installed while the first test runs (npm's waits overlap). */
  let yamlUser: Promise<string>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ovh-dns-outside-"));
    ({ tarball } = await packInto(dir));
    const files = { "Pulumi.yaml": fs.readFileSync(path.join(EXAMPLES, "yaml", "Pulumi.yaml"), "utf8"), "package.json": '{ "private": true }\n' };
    yamlUser = project(path.join(dir, "yaml"), files, [[tarball, `@pulumi/pulumi@${LOWEST}`, "--install-strategy=shallow"]]);
    yamlUser.catch(() => undefined); // awaited (and reported) by its test
  });
  afterEach(() => outside.stop());
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`runs examples/basic copied out, with @pulumi/pulumi ${LOWEST}: preview, up, then a preview with no change`, async () => {
    const example = path.join(ROOT, "examples", "basic");
    const manifest = JSON.parse(fs.readFileSync(path.join(example, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(manifest.dependencies["pulumi-ovh-dns"]).toBe("file:../..");
    manifest.dependencies["pulumi-ovh-dns"] = `file:${tarball}`;
    manifest.dependencies["@pulumi/pulumi"] = LOWEST;
    const files = Object.fromEntries(["index.ts", "Pulumi.yaml", "tsconfig.json"].map((f) => [f, fs.readFileSync(path.join(example, f), "utf8")]));
    const basic = await project(path.join(dir, "basic"), { ...files, "package.json": JSON.stringify(manifest, null, 2) }, [[]]);
    expect(installedVersion(basic, "@pulumi/pulumi")).toBe(LOWEST);
    expect(fs.realpathSync(path.join(basic, "node_modules", "pulumi-ovh-dns")).startsWith(basic)).toBe(true);

    // The emulator is the package's own, as a user testing a stack would import it.
    const ws = await outside.start(basic, { typeCheck: true, config: { zoneName: "example.com" } });
    const emulator = outside.emulator!;
    const preview = await withCalls(emulator, () => ws.preview());
    expect(preview.result.code).toBe(0);
    expect(changes(preview.result)).toHaveLength(9); // the stack and 8 records
    expect(preview.calls).toEqual([]);
    await ws.up();
    expect(zoneLines(emulator)).toEqual([
      "@ A 203.0.113.10 3600", "@ AAAA 2001:db8::10 3600", '@ CAA 0 issue "letsencrypt.org" 0', "@ MX 10 mx1.example.com. 0",
      "@ MX 20 mx2.example.com. 0", "@ NS dns200.anycast.me. 0", '@ TXT "v=spf1 mx include:mx.ovh.com -all" 0',
      "_sip._tcp SRV 10 5 5060 sip.example.com. 0", "www CNAME example.com. 3600",
    ]);
    const again = await withCalls(emulator, () => ws.preview());
    expect(again.result.code).toBe(0);
    expect(changes(again.result)).toEqual([]);
    expect(again.calls).toEqual([]);
  });

  it(`serves the plugin from the tarball, @pulumi/pulumi ${LOWEST} beside it, to a Pulumi YAML program: preview, up, destroy`, async () => {
    const at = await yamlUser;
    expect(installedVersion(at, "@pulumi/pulumi")).toBe(LOWEST);
    // Shallow: the plugin's gRPC runtime is not at the folder's top, only inside @pulumi/pulumi.
    expect(fs.existsSync(path.join(at, "node_modules", "@grpc"))).toBe(false);
    expect(fs.existsSync(path.join(at, "node_modules", "@pulumi", "pulumi", "node_modules", "@grpc", "grpc-js"))).toBe(true);
    const ws = await outside.startPlugin(at);
    const version = installedVersion(at, "pulumi-ovh-dns");
    const script = fs.readFileSync(path.join(ws.dir, "home", "plugins", `resource-ovhdns-v${version}`, "pulumi-resource-ovhdns"), "utf8");
    expect(script).toContain(`'${path.join(at, "node_modules", "pulumi-ovh-dns", "dist", "provider", "plugin", "main.js")}'`);
    const emulator = outside.emulator!;
    const preview = await withCalls(emulator, () => ws.preview());
    expect(preview.result.code).toBe(0);
    // examples/yaml declares one Zone (ovhdns:index:Zone, built by the plugin's construct) and its children.
    expect(changes(preview.result).filter((c) => !c.startsWith("create ovh-dns-yaml-"))).toEqual([
      "create zone", "create zone-@-A", "create zone-@-MX", "create zone-@-TXT", "create zone-_dmarc-TXT", "create zone-manifest", "create zone-www-CNAME",
    ]);
    expect(writes(preview.calls)).toEqual([]);
    await ws.up();
    expect(zoneLines(emulator)).toEqual([
      "@ A 203.0.113.10 3600", "@ MX 10 mx1.example.com. 0", "@ NS dns200.anycast.me. 0", '@ TXT "v=spf1 mx -all" 0',
      '_dmarc TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com" 0', "www CNAME example.com. 0",
    ]);
    await ws.destroy();
    expect(zoneLines(emulator)).toEqual(["@ NS dns200.anycast.me. 0"]);
    // Without @pulumi/pulumi beside it (npm's --legacy-peer-deps, or its omission), the plugin cannot start:
    // `plugin install` says so, and why, and installs nothing.
    fs.renameSync(path.join(at, "node_modules", "@pulumi", "pulumi"), path.join(at, "pulumi-aside"));
    const refused = await installPlugin(ws, at);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("exited (code 1) before printing its port");
    expect(refused.stderr).toContain("Cannot find module '@pulumi/pulumi/");
    expect(refused.stderr).toContain("Nothing was installed. @pulumi/pulumi must be installed beside pulumi-ovh-dns");
  });
});
