/**
 * The demo (`npm run demo`): starts the OVH API emulator with a seeded zone, then runs `examples/basic` through
 * the real Pulumi CLI when there is one (`npm run setup:pulumi` builds it into .tools/bin; else the one on the
 * PATH), or else through the local engine (Pulumi's own program runner and dynamic-provider host): preview,
 * up, a change, a preview that shows the diff, up, destroy, printing each plan. No OVH account needed.
 */

/** What one step printed, and whether it succeeded. */
interface StepResult {
  printed: string;
  ok: boolean;
  error?: string;
}

type Op = "preview" | "up" | "destroy";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../emulator";
import { LocalEngine } from "../tools/local-engine/engine";
import { findPulumiCli, PulumiWorkspace } from "../tools/pulumi-cli";

const ROOT = path.resolve(__dirname, "..");
const ZONE = "example.com";
const SECRET_KEYS = ["ovh:applicationSecret", "ovh:consumerKey"];

/** Runs one operation of examples/basic with the Pulumi CLI if there is one, else the local engine. */
function runner(emulator: Emulator, work: string): (op: Op, extra?: Record<string, string>) => Promise<StepResult> {
  const c = emulator.credentials;
  const base = { programDir: path.join(ROOT, "examples/basic"), stack: "demo", secretKeys: SECRET_KEYS };
  const configOf = (extra: Record<string, string>) => ({
    "ovh:endpoint": emulator.url,
    "ovh:applicationKey": c.applicationKey,
    "ovh:applicationSecret": c.applicationSecret,
    "ovh:consumerKey": c.consumerKey,
    zoneName: ZONE,
    ...extra,
  });
  if (findPulumiCli()) {
    const { "ovh:applicationSecret": applicationSecret, "ovh:consumerKey": consumerKey, ...plain } = configOf({});
    const workspace = PulumiWorkspace.create({
      programDir: base.programDir, stack: base.stack, config: plain,
      secrets: { "ovh:applicationSecret": applicationSecret, "ovh:consumerKey": consumerKey },
    });
    return async (op, extra = {}) => {
      const ws = await workspace;
      for (const [key, value] of Object.entries(extra)) await ws.setConfig(key, value);
      const r = await ws.run(op === "preview" ? ["preview"] : [op, "--yes", "--skip-preview"]);
      if (op === "destroy") ws.remove();
      return { printed: r.stdout, ok: r.code === 0, error: r.stderr };
    };
  }
  const statePath = path.join(work, "demo.json");
  return (op, extra = {}) => new LocalEngine({ ...base, statePath, config: configOf(extra) })[op]();
}

function show(title: string, result: StepResult, emulator: Emulator, callsBefore: number): void {
  console.log(`\n=== ${title} ===`);
  console.log(result.printed.trimEnd());
  const calls = emulator.log.length - callsBefore;
  console.log(`(${calls} OVH API call${calls === 1 ? "" : "s"})`);
  if (!result.ok) throw new Error(`${title} failed: ${result.error ?? "see above"}`);
}

async function step(title: string, emulator: Emulator, run: () => Promise<StepResult>): Promise<StepResult> {
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
  const exportPath = path.join(work, `${ZONE}.zone`);
  // The zone already holds a record that the program does not manage: it is left alone.
  const emulator = await startEmulator({
    zones: { [ZONE]: [{ subDomain: "legacy", fieldType: "A", target: "198.51.100.1", ttl: 0 }] },
    faults: { latencyMs: 5 },
  });
  const run = runner(emulator, work);
  try {
    console.log(`OVH API emulator: ${emulator.url} (zone ${ZONE}); work directory: ${work}`);
    console.log(findPulumiCli()
      ? "Program: examples/basic, run through the Pulumi CLI (local backend)."
      : "Program: examples/basic, run through the local engine (Pulumi's program runner and plugin host; no Pulumi CLI here).");
    await step("pulumi preview", emulator, () => run("preview"));
    await step("pulumi up", emulator, () => run("up"));
    console.log(`\nZone ${ZONE} now holds:\n${zoneListing(emulator)}`);
    fs.writeFileSync(exportPath, emulator.zone(ZONE).exportText());
    console.log(`BIND export of the zone (as GET /domain/zone/${ZONE}/export answers it): ${exportPath}`);

    const changed = { webIpv4: "203.0.113.20", ttl: "600" };
    console.log(`\nA change in the program's config: webIpv4 = ${changed.webIpv4}, ttl = ${changed.ttl}`);
    await step("pulumi preview (the change)", emulator, () => run("preview", changed));
    await step("pulumi up (the change)", emulator, () => run("up", changed));
    await step("pulumi up (nothing to do)", emulator, () => run("up", changed));
    console.log(`\nZone ${ZONE} now holds:\n${zoneListing(emulator)}`);
    fs.writeFileSync(exportPath, emulator.zone(ZONE).exportText());

    await step("pulumi destroy", emulator, () => run("destroy", changed));
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
