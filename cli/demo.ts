/**
 * The demo (`npm run demo`): starts the OVH API emulator with a seeded zone, then runs `examples/basic` through
 * the local engine (Pulumi's own program runner and dynamic-provider host; no Pulumi CLI or OVH account
 * needed): preview, up, a change, a preview that shows the diff, up, destroy, printing each plan.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { LocalEngine } from "../tests/engine/engine";
import type { RunResult } from "../tests/engine/types";

const ROOT = path.resolve(__dirname, "..");
const ZONE = "example.com";
const SECRET_KEYS = ["ovh:applicationSecret", "ovh:consumerKey"];

function engineFor(emulator: Emulator, statePath: string, extra: Record<string, string> = {}): LocalEngine {
  const c = emulator.credentials;
  return new LocalEngine({
    programDir: path.join(ROOT, "examples/basic"),
    stack: "demo",
    statePath,
    config: {
      "ovh:endpoint": emulator.url,
      "ovh:applicationKey": c.applicationKey,
      "ovh:applicationSecret": c.applicationSecret,
      "ovh:consumerKey": c.consumerKey,
      zoneName: ZONE,
      ...extra,
    },
    secretKeys: SECRET_KEYS,
  });
}

function show(title: string, result: RunResult, emulator: Emulator, callsBefore: number): void {
  console.log(`\n=== ${title} ===`);
  console.log(result.printed.trimEnd());
  const calls = emulator.log.length - callsBefore;
  console.log(`(${calls} OVH API call${calls === 1 ? "" : "s"})`);
  if (!result.ok) throw new Error(`${title} failed: ${result.error ?? "see above"}`);
}

async function step(title: string, emulator: Emulator, run: () => Promise<RunResult>): Promise<RunResult> {
  const before = emulator.log.length;
  const result = await run();
  show(title, result, emulator, before);
  return result;
}

function zoneListing(emulator: Emulator): string {
  const records = emulator.zone(ZONE).records;
  if (!records.length) return "  (no records)";
  return records.map((r) => `  ${(r.subDomain || "@").padEnd(10)} ${String(r.ttl).padStart(5)} ${r.fieldType.padEnd(5)} ${r.target}`).join("\n");
}

async function main(): Promise<void> {
  const started = Date.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ovh-dns-demo-"));
  const statePath = path.join(work, "demo.json");
  const exportPath = path.join(work, `${ZONE}.zone`);
  const emulator = await startEmulator({ zones: { [ZONE]: [] }, faults: { latencyMs: 5 } });
  try {
    console.log(`OVH API emulator: ${emulator.url} (zone ${ZONE}); state: ${statePath}`);
    console.log("Program: examples/basic, run through the local engine (Pulumi's program runner and plugin host).");
    await step("pulumi preview", emulator, () => engineFor(emulator, statePath).preview());
    await step("pulumi up", emulator, () => engineFor(emulator, statePath).up());
    console.log(`\nZone ${ZONE} now holds:\n${zoneListing(emulator)}`);
    fs.writeFileSync(exportPath, emulator.zone(ZONE).exportText());
    console.log(`BIND export of the zone (as GET /domain/zone/${ZONE}/export answers it): ${exportPath}`);

    const changed = { webIpv4: "203.0.113.20", ttl: "600" };
    console.log(`\nA change in the program's config: webIpv4 = ${changed.webIpv4}, ttl = ${changed.ttl}`);
    await step("pulumi preview (the change)", emulator, () => engineFor(emulator, statePath, changed).preview());
    await step("pulumi up (the change)", emulator, () => engineFor(emulator, statePath, changed).up());
    await step("pulumi up (nothing to do)", emulator, () => engineFor(emulator, statePath, changed).up());
    console.log(`\nZone ${ZONE} now holds:\n${zoneListing(emulator)}`);
    fs.writeFileSync(exportPath, emulator.zone(ZONE).exportText());

    await step("pulumi destroy", emulator, () => engineFor(emulator, statePath, changed).destroy());
    console.log(`\nZone ${ZONE} now holds:\n${zoneListing(emulator)}`);
    console.log(`\nThe BIND export after the change is in ${exportPath}. Demo done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await emulator.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
