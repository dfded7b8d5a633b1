/**
 * Issue 16, defect 7: an `up` interrupted by `kill -9` of `pulumi`, through the real CLI. The plugins it started
 * must exit by themselves, and the next `up` (after `pulumi cancel`) must end with exactly the declared records:
 * none lost, none twice (README, "Recovering from an interrupted run").
 */
import { startEmulator, type Emulator } from "../../emulator";
import { changes, type PulumiWorkspace } from "../../tools/pulumi-cli";
import { childrenOf, isAlive } from "../../tools/pulumi-cli/processes";
import { cliStack, RECORDS_PROGRAM, RecordsFile, zoneLines } from "./support";

jest.setTimeout(900_000);

const COUNT = 60;
const declared = Object.fromEntries(Array.from({ length: COUNT }, (_, i) => [`host${i}`, { subDomain: `host${i}`, fieldType: "A", target: `192.0.2.${i + 1}` }]));

describe("an up interrupted by kill -9, through the real Pulumi CLI", () => {
  let emulator: Emulator;
  let file: RecordsFile;
  let ws: PulumiWorkspace | undefined;
  beforeAll(async () => {
    // Slow enough that the kill lands in the middle of the creates.
    emulator = await startEmulator({ zones: { "example.com": [] }, faults: { latencyMs: 40 } });
    file = new RecordsFile();
  });
  afterAll(async () => {
    ws?.remove();
    file.remove();
    await emulator.close();
  });

  it("leaves no plugin running, and the next up ends with every record exactly once", async () => {
    file.declare(declared);
    ws = await cliStack(RECORDS_PROGRAM, emulator, "stack-config", { config: { recordsFile: file.path } });
    let plugins: number[] = [];
    const posts = () => emulator.count({ method: "POST", path: /\/record$/ });
    await ws.run(["up", "--yes", "--skip-preview"], {}, (cli) => {
      const poll = setInterval(() => {
        if (posts() < COUNT / 3) return;
        clearInterval(poll);
        plugins = childrenOf(cli.pid!);
        cli.kill("SIGKILL");
      }, 20);
    });
    expect(plugins.length).toBeGreaterThan(0);
    // The language host and the provider notice that their engine is gone, finish what they started, and exit.
    while (plugins.some(isAlive)) await new Promise((r) => setTimeout(r, 200));
    const afterKill = emulator.zone("example.com").records.length;
    console.log(`interrupted after ${afterKill} of ${COUNT} records created`);
    expect(afterKill).toBeLessThan(COUNT);
    expect(emulator.zone("example.com").pendingChanges).toBe(false); // what the provider made, it published

    // The README's recovery: unlock, drop the creates the engine never saw finish, then up.
    const cancel = await ws.run(["cancel", "--yes"]);
    if (/failed to load checkpoint/.test(cancel.stderr)) {
      // The kill landed while the CLI wrote its state: the README's step for that case.
      console.log(`the kill cut a state write short: removed ${ws.repairInterruptedWrite().join(", ")}`);
      await ws.must(["cancel", "--yes"]);
    } else {
      expect(cancel.code).toBe(0);
    }
    await ws.must(["refresh", "--yes", "--skip-preview", "--clear-pending-creates"]);
    const up = await ws.run(["up", "--yes", "--skip-preview"]);
    expect(up.code).toBe(0);
    const lines = zoneLines(emulator);
    expect(lines).toHaveLength(COUNT);
    expect(new Set(lines).size).toBe(COUNT);
    const ids = Object.values((await ws.outputs()).ids as Record<string, string>);
    expect(new Set(ids).size).toBe(COUNT);
    expect(changes(await ws.preview())).toEqual([]);
    const pending = ((await ws.exportState()).deployment as { pending_operations?: unknown[] }).pending_operations ?? [];
    expect(pending).toEqual([]);
    await ws.must(["destroy", "--yes", "--skip-preview"]);
    expect(zoneLines(emulator)).toEqual([]);
  });
});
