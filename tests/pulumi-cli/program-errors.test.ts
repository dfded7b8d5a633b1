/**
 * Issue 20 through the real Pulumi CLI: a user's mistakes read as Pulumi diagnostics. A Zone declared with
 * several problems, and a records file with several problems, fail the preview naming each problem once, with
 * no stack trace, no colour codes and no "unhandled exception" (sdk/zone/run-error.ts); a ZoneRecord with several
 * bad fields fails its preview naming each field (provider/zone-record/check.ts); an `up` in a mistyped
 * zone names the zones the account has, as `doctor` does (provider/zone-record/zone-access.ts).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import type { PulumiWorkspace } from "../../tools/pulumi-cli";
import { cliStack, RECORDS_PROGRAM, RecordsFile, withCalls } from "./support";

jest.setTimeout(600_000);

const ZONE_PROGRAM = path.resolve(__dirname, "../fixtures/zone-program");

/** What a diagnostic without a stack trace never holds. */
function expectNoStackTrace(output: string): void {
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain("\x1b[");
  expect(output).not.toContain("unhandled exception");
}

/** How many times `text` occurs in `output`. */
const occurrences = (output: string, text: string) => output.split(text).length - 1;

describe("program errors through the real Pulumi CLI", () => {
  let emulator: Emulator;
  let dir: string;
  let ws: PulumiWorkspace | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": [], "example.net": [] } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "program-errors-"));
  });
  afterEach(() => ws?.remove());
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  });

  it("a Zone declared with two problems: each named once, as a diagnostic without a stack trace, and nothing sent", async () => {
    const specFile = path.join(dir, "spec.json");
    fs.writeFileSync(specFile, JSON.stringify({
      zoneName: "example.com",
      records: [
        { subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 },
        { subDomain: "mail", fieldType: "MX", target: "10 mx1.example.net", ttl: 3600 },
        { subDomain: "mail", fieldType: "MX", target: "20 mx2.example.net", ttl: 3600 },
      ],
    }));
    ws = await cliStack(ZONE_PROGRAM, emulator, "stack-config", { config: { specFile } });
    const run = await withCalls(emulator, () => ws!.run(["preview"]));
    const output = run.result.stdout + run.result.stderr;
    expect(run.result.code).not.toBe(0);
    expect(output).toContain("zone example.com: 2 problem(s) in the declared records, nothing was sent:");
    expect(occurrences(output, '- records[1]: target: MX host "mx1.example.net" has no trailing dot')).toBe(1);
    expect(occurrences(output, '- records[2]: target: MX host "mx2.example.net" has no trailing dot')).toBe(1);
    expectNoStackTrace(output);
    expect(run.calls).toEqual([]);
  });

  it("a records file with two problems: each named once with its line, without a stack trace", async () => {
    const zoneFile = path.join(dir, "records.yaml");
    fs.writeFileSync(zoneFile, "zoneName: example.com\nrecords:\n  www: { fieldType: A, target: 203.0.113.10, colour: red }\n  web: { fieldType: A, target: 203.0.113.11, size: 2 }\n");
    ws = await cliStack(ZONE_PROGRAM, emulator, "stack-config", { config: { zoneFile } });
    const run = await ws.run(["preview"]);
    const output = run.stdout + run.stderr;
    expect(run.code).not.toBe(0);
    expect(output).toContain(`${zoneFile}: 2 problem(s):`);
    expect(occurrences(output, `- ${zoneFile}:3: record www: unknown field "colour"`)).toBe(1);
    expect(occurrences(output, `- ${zoneFile}:4: record web: unknown field "size"`)).toBe(1);
    expectNoStackTrace(output);
  });

  // The engine ends a preview at the first resource whose check fails: a second faulty ZoneRecord is reported by
  // the next preview. Within one resource, every problem comes at once.
  it("a ZoneRecord with three bad fields: all three in one preview, as diagnostics without a stack trace, nothing sent", async () => {
    const file = new RecordsFile("example.com");
    try {
      file.declare({
        www: { subDomain: "www", fieldType: "A", target: "203.0.113.300", ttl: 30, adopt: "yes" as unknown as boolean },
        ok: { subDomain: "ok", fieldType: "A", target: "203.0.113.10", ttl: 3600 },
      });
      ws = await cliStack(RECORDS_PROGRAM, emulator, "stack-config", { config: { recordsFile: file.path } });
      const run = await withCalls(emulator, () => ws!.run(["preview"]));
      const output = run.result.stdout + run.result.stderr;
      expect(run.result.code).not.toBe(0);
      // Each is one of the engine's diagnostics of the resource, naming the field (the CLI prints them under
      // the resource's progress line and again under "Diagnostics:").
      const diagnostics = output.slice(output.indexOf("Diagnostics:"));
      const prefix = "error: pulumi-nodejs:dynamic/ovhdns:ZoneRecord resource 'www': property";
      expect(diagnostics).toContain(`${prefix} target value {203.0.113.300} has a problem: "203.0.113.300" is not an IPv4 address`);
      expect(diagnostics).toContain(`${prefix} ttl value {30} has a problem: ttl 30 is below 60`);
      expect(diagnostics).toContain(`${prefix} adopt value {yes} has a problem: adopt must be true or false, not "yes"`);
      expect(occurrences(diagnostics, "error: ")).toBe(3);
      expectNoStackTrace(output);
      expect(run.calls).toEqual([]);
    } finally {
      file.remove();
    }
  });

  it("an up in a mistyped zone names it and the zones the account has, as doctor does", async () => {
    const file = new RecordsFile("exmaple.com");
    try {
      file.declare({ www: { subDomain: "www", fieldType: "A", target: "203.0.113.10", ttl: 3600 } });
      ws = await cliStack(RECORDS_PROGRAM, emulator, "stack-config", { config: { recordsFile: file.path } });
      const up = await ws.run(["up", "--yes", "--skip-preview"]);
      const output = up.stdout + up.stderr;
      expect(up.code).not.toBe(0);
      expect(output).toContain("no zone exmaple.com in this account (the account has: example.com, example.net): check the spelling, or the endpoint");
      expect(output).not.toContain("This service does not exist");
    } finally {
      file.remove();
    }
  });
});
