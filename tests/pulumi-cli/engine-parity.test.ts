/**
 * The local engine (tests/engine) is a model of the real one: the same scenario through both, each against
 * its own emulator, must leave the same zone and the same resources, with the same writes (record POSTs,
 * PUTs and DELETEs; refreshes may batch differently with timing).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { PulumiWorkspace } from "../../tools/pulumi-cli";
import { LocalEngine } from "../../tools/local-engine/engine";
import { stackConfigFor } from "../zone-record/support";
import { credentialsFor, RECORDS_PROGRAM, RecordsFile, zoneLines } from "./support";

jest.setTimeout(900_000);

type Records = Parameters<RecordsFile["declare"]>[0];
const steps: Records[] = [
  { a: { fieldType: "A", target: "203.0.113.1", ttl: 3600 }, b: { subDomain: "www", fieldType: "CNAME", target: "example.com." }, c: { fieldType: "TXT", target: "v=spf1 -all" } },
  { a: { fieldType: "A", target: "203.0.113.1", ttl: 600 }, b: { subDomain: "web", fieldType: "CNAME", target: "example.com." }, d: { fieldType: "MX", target: "10 mx.example.com." } },
  { a: { fieldType: "AAAA", target: "2001:db8::1", ttl: 600 }, d: { fieldType: "MX", target: "10 mx.example.com." } },
];

/** The writes of a log, refreshes left out, as sorted `METHOD kind` lines (ids differ between runs). */
function writes(emulator: Emulator, from: number): string[] {
  return emulator.log.slice(from).filter((e) => e.method !== "GET" && !e.path.endsWith("/refresh"))
    .map((e) => `${e.method} ${e.path.replace(/\/\d+$/, "/{id}")}`).sort();
}

async function runAll(run: (emulator: Emulator, file: RecordsFile) => Promise<() => Promise<unknown>>): Promise<{ zones: string[][]; writes: string[][] }> {
  const emulator = await startEmulator({ zones: { "example.com": [] } });
  const file = new RecordsFile();
  const zones: string[][] = [];
  const all: string[][] = [];
  try {
    file.declare(steps[0]);
    const up = await run(emulator, file);
    for (const records of steps) {
      file.declare(records);
      const before = emulator.log.length;
      await up();
      zones.push(zoneLines(emulator));
      all.push(writes(emulator, before));
    }
    return { zones, writes: all };
  } finally {
    file.remove();
    await emulator.close();
  }
}

it("the local engine and the real CLI move a zone through the same states with the same writes", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parity-"));
  let ws: PulumiWorkspace | undefined;
  try {
    const local = await runAll(async (emulator, file) => {
      const engine = new LocalEngine({
        programDir: RECORDS_PROGRAM, stack: "parity", statePath: path.join(dir, "state.json"),
        config: { ...stackConfigFor(emulator), recordsFile: file.path }, secretKeys: ["ovh:applicationSecret", "ovh:consumerKey"],
      });
      return async () => {
        const result = await engine.up();
        if (!result.ok) throw new Error(result.error);
      };
    });
    const real = await runAll(async (emulator, file) => {
      ws = await PulumiWorkspace.create({ programDir: RECORDS_PROGRAM, config: { recordsFile: file.path }, ...credentialsFor(emulator, "env"), typeCheck: false });
      return () => ws!.up();
    });
    expect(local.zones).toEqual(real.zones);
    expect(local.writes).toEqual(real.writes);
    expect(real.zones[2]).toEqual(["@ AAAA 2001:db8::1 600", "@ MX 10 mx.example.com. 0"]);
  } finally {
    ws?.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
