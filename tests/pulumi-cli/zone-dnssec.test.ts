/**
 * ZoneDnssec through the real Pulumi CLI (docs/zone-dnssec.md), one stack for the describe: a bad value fails the
 * preview on its field with nothing sent; a zone that cannot have DNSSEC fails the up with nothing sent; the preview
 * shows the create, `up` enables DNSSEC and waits for OVH's task, printing each poll; a disable made in the console
 * shows at `refresh` and the next `up` enables it again; `destroy` disables it.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { changes, type PulumiWorkspace } from "../../tools/pulumi-cli";
import { behindPulumi, cliStack, summary, withCalls, writes } from "./support";

jest.setTimeout(600_000);

const PROGRAM = path.resolve(__dirname, "../fixtures/dnssec-program");
const DNSSEC = "/domain/zone/example.com/dnssec";

describe("ZoneDnssec through the real CLI", () => {
  let emulator: Emulator;
  let ws: PulumiWorkspace;
  let dir: string;
  const declare = (args: Record<string, unknown>) => fs.writeFileSync(path.join(dir, "dnssec.json"), JSON.stringify(args));

  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": [], "no-dnssec.example": [] }, dnssecUnsupported: ["no-dnssec.example"] });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "dnssec-"));
    ws = await cliStack(PROGRAM, emulator, "stack-config", { config: { dnssecFile: path.join(dir, "dnssec.json") } });
  });
  afterAll(async () => {
    ws.remove();
    fs.rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  });

  it("fails the preview of a bad timeout on its field, with the range, and sends nothing", async () => {
    declare({ zoneName: "example.com", timeoutSeconds: 5 });
    const up = await withCalls(emulator, () => ws.run(["up", "--yes"]));
    expect(up.result.code).not.toBe(0);
    expect(up.result.stdout + up.result.stderr).toContain("timeoutSeconds 5 is not a whole number from 10 to 86400");
    expect(up.calls).toEqual([]);
  });

  it("fails the up of a zone that cannot have DNSSEC on zoneName, with nothing sent but reads", async () => {
    declare({ zoneName: "no-dnssec.example" });
    const up = await withCalls(emulator, () => ws.run(["up", "--yes"]));
    expect(up.result.code).not.toBe(0);
    expect(up.result.stdout + up.result.stderr).toContain("zoneName no-dnssec.example: this zone cannot have DNSSEC");
    expect(writes(up.calls)).toEqual([]);
    expect(emulator.zone("no-dnssec.example").dnssec).toBe("disabled");
  });

  it("previews the create, then enables DNSSEC and waits for the task, showing each poll", async () => {
    declare({ zoneName: "example.com" });
    expect(changes(await ws.preview()).filter((c) => c.endsWith(" dnssec"))).toEqual(["create dnssec"]);
    const up = await withCalls(emulator, () => ws.run(["up", "--yes"]));
    expect(up.result.code).toBe(0);
    expect(writes(up.calls)).toEqual([`POST ${DNSSEC}`]);
    expect(up.result.stdout).toContain("DNSSEC of example.com: enable sent (OVH's DnssecEnable task)");
    expect(up.result.stdout).toMatch(/DNSSEC of example\.com: enabled \(\d+\.\d s of at most 600 s\)/);
    expect(emulator.zone("example.com").dnssec).toBe("enabled");
    expect(changes(await ws.preview())).toEqual([]);
  });

  it("shows a disable made in the console at refresh, and the next up enables DNSSEC again", async () => {
    await behindPulumi(emulator).delete(DNSSEC);
    const refresh = await ws.refresh();
    expect(summary(refresh.stdout)).toMatchObject({ updated: 1 });
    expect(changes(await ws.preview())).toEqual(["update dnssec"]);
    const up = await withCalls(emulator, () => ws.up());
    // The console's disable may still be running: the up waits for it, then enables once.
    expect(writes(up.calls)).toEqual([`POST ${DNSSEC}`]);
    expect(emulator.zone("example.com").dnssec).toBe("enabled");
    expect(changes(await ws.preview())).toEqual([]);
  });

  it("destroy disables DNSSEC and waits for it", async () => {
    const destroy = await withCalls(emulator, () => ws.destroy());
    expect(writes(destroy.calls)).toEqual([`DELETE ${DNSSEC}`]);
    expect(emulator.zone("example.com").dnssec).toBe("disabled");
  });
});
